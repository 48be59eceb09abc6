import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CANONICAL, hasStackTrace, runCli, tempDir } from '../support/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const countQuestions = (out: string) => (out.match(/^Question \d+ of \d+\./gm) ?? []).length;

describe('archie chat', () => {
  it('reaches a verdict from piped stdin, picking quick replies by number, as plain wrapped text', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: `${CANONICAL[0].text}\n1\n1\n1\n` });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/I’m Archie/);
    expect(run.stdout).toMatch(/^Monolith · \d+% confidence$/m);
    expect(countQuestions(run.stdout)).toBeLessThanOrEqual(3);
    // Rendered, not raw Markdown; no escape codes when stdout is not a terminal; wrapped at 80 columns.
    expect(run.stdout).not.toMatch(/^#+ |\*\*|\]\(http/m);
    expect(run.stdout).not.toContain('\u001b');
    const long = run.stdout
      .split('\n')
      .filter((l) => l.length > 80 && !l.startsWith('> ') && !/https?:\/\/\S{40,}/.test(l));
    expect(long).toEqual([]);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('gives no verdict for a message that describes no system, and asks for the essentials', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: 'hello there\n' });
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/what the system is .* how many engineers \(or teams\)/);
    expect(run.stdout).not.toMatch(/% confidence|^Question \d/m);
  });

  it('resumes the same conversation when run again, and --new starts over', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = await runCli(['chat'], {
      storeDir: dir,
      input: 'We are building an internal RAG assistant for support.\n',
    });
    expect(first.stdout).toMatch(/^Question 1 of \d\./m);
    expect(first.stdout).toMatch(/^Saved\. Run `archie chat` to continue/m);
    const second = await runCli(['chat'], { storeDir: dir, input: '' });
    expect(second.stdout).toMatch(/Welcome back/);
    expect(second.stdout).toMatch(/^Question 1 of \d\./m);
    const fresh = await runCli(['chat', '--new'], { storeDir: dir, input: '' });
    expect(fresh.stdout).toMatch(/Starting over/);
    expect(fresh.stdout).not.toMatch(/Question 1 of/);
  }, 60_000);

  it('--new on a conversation that does not exist just greets, and memory:// says it keeps nothing', async () => {
    const run = await runCli(['chat', '--new'], { input: '' });
    expect(run.stdout).not.toMatch(/Starting over/);
    expect(run.stdout).toMatch(/I’m Archie/);
    expect(run.stdout).toMatch(/STORE_URL is memory:\/\/, so this conversation is not kept/);
    expect(run.stdout).not.toMatch(/Saved\./);
  });

  it('keeps option numbers while a verdict stands: 2 is Why?, then 3 is still Re-assess', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const run = await runCli(['chat'], { storeDir: dir, input: `${CANONICAL[2].text}\n1\n1\n1\n2\n3\n` });
    const afterWhy = run.stdout.slice(run.stdout.indexOf('\n> 2\n'));
    expect(afterWhy).toMatch(/^Why hybrid/m);
    const afterReassess = afterWhy.slice(afterWhy.indexOf('\n> 3\n'));
    expect(afterReassess).toMatch(/Re-assessed/);
    expect(afterReassess).not.toMatch(/didn’t find a change/);
    expect(afterReassess).toMatch(/^1 Export ADR · 2 Why\? · 3 Re-assess · 4 👍 Helpful · 5 👎 Not helpful$/m);
  });

  it('prints everything else about the verdict on "more"', async () => {
    const run = await runCli(['chat'], { input: `${CANONICAL[1].text}\n1\n1\n1\nmore\n` });
    const more = run.stdout.slice(run.stdout.indexOf('\n> more\n'));
    for (const heading of ['Risks and mitigations', 'Next steps', 'Sources']) expect(more).toContain(heading);
    // Sources keep their URLs (inline links show only their titles; the URLs are listed once, here).
    const sources = more.slice(more.indexOf('\nSources\n')).replace(/\s+/g, ' ');
    expect(sources).toMatch(/ 1\. .+?: https?:\/\/\S+ 2\. /);
  });

  it('export writes the ADR file it names in the working directory, and does not overwrite it unless forced', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const work = tempDir('archie-cwd-');
    cleanups.push(work.cleanup);
    const run = await runCli(['chat'], {
      storeDir: dir,
      cwd: work.dir,
      input: `${CANONICAL[1].text}\n1\n1\n1\nexport\nexport\nexport --force\n`,
    });
    const files = readdirSync(work.dir);
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d-use-a-microservices-architecture.*\.md$/)]);
    const written = join(work.dir, files[0]!);
    expect(readFileSync(written, 'utf8')).toContain('## Decision Outcome');
    expect(run.stdout.replace(/\s+/g, ' ')).toContain(written);
    expect(run.stdout.replace(/\s+/g, ' ')).toMatch(/already exists here, so I left it alone\. Type export --force/);
    expect((run.stdout.match(/Wrote the ADR/g) ?? []).length).toBe(2);
  });

  it('records terminal verdicts in the history `archie history` reads', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    await runCli(['chat'], { storeDir: dir, input: `${CANONICAL[0].text}\n1\n1\n1\n` });
    const history = await runCli(['history'], { storeDir: dir });
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/terminal:tester {2}\S+ monolith \(confidence \d+%\) {2}\[1\]/);
    const team = await runCli(['history', '--team', 'tester'], { storeDir: dir });
    expect(team.stdout).toMatch(/^Team terminal:tester$/m);
  }, 60_000);

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
      expect.stringMatching(/^archie chat: cannot write the SQLite file at .*not-a-dir\/a\.sqlite: set STORE_URL/),
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
