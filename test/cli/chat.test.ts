import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CANONICAL, hasStackTrace, runCli, tempDir } from '../support/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const countQuestions = (out: string) => (out.match(/\*\*Question \d+ of \d+\.\*\*/g) ?? []).length;

describe('archie chat', () => {
  it('reaches a verdict from piped stdin, picking quick replies by number', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: `${CANONICAL[0].text}\n1\n1\n1\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/I’m Archie/);
    expect(run.stdout).toMatch(/## Recommendation: /);
    expect(countQuestions(run.stdout)).toBeLessThanOrEqual(3);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('resumes the same conversation when run again, and --new starts over', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = await runCli(['chat'], {
      storeDir: dir,
      input: 'We are building an internal RAG assistant for support.\n',
    });
    expect(first.stdout).toMatch(/\*\*Question 1 of \d\.\*\*/);
    const second = await runCli(['chat'], { storeDir: dir, input: '' });
    expect(second.stdout).toMatch(/Welcome back/);
    expect(second.stdout).toMatch(/\*\*Question 1 of \d\.\*\*/);
    const fresh = await runCli(['chat', '--new'], { storeDir: dir, input: '' });
    expect(fresh.stdout).toMatch(/Starting over/);
    expect(fresh.stdout).not.toMatch(/Question 1 of/);
  });

  it('exports an ADR from the chat', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: `${CANONICAL[1].text}\n1\n1\n1\nexport\n` });
    expect(run.stdout).toMatch(/ADR ready: .*\.md/);
    expect(run.stdout).toContain('## Decision Outcome');
  });

  it('--help explains resuming, --new and the exit codes', async () => {
    const run = await runCli(['chat', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--new/);
    expect(run.stdout).toMatch(/STORE_URL/);
  });

  it('bad lines in a chat get a clear message and the chat goes on', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: '🚀🚀\n\u0000\u0001\u0002\u0003\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/only read words/);
    expect(hasStackTrace(run.stdout + run.stderr)).toBe(false);
  });

  it('an unusable STORE_URL is one clear line and exit 1', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'not-a-dir'), '');
    const run = await runCli(['chat'], { env: { STORE_URL: `sqlite://${join(dir, 'not-a-dir', 'a.sqlite')}` } });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^archie chat: Could not open .*check STORE_URL/),
    ]);
  });
});

describe('archie', () => {
  it('--help lists the commands', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['assess', 'ask', 'chat']) expect(run.stdout).toContain(command);
  });

  it('an unknown command is a usage error', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command/);
  });
});
