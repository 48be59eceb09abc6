/**
 * `archie chat` in a real pseudo-terminal (node-pty) at 80 columns, as a person meets it: a whole
 * consultation typed at the prompt ends in a compact, coloured verdict of at most 30 lines, and `export`
 * leaves the ADR file on disk in the working directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { type IPty, spawn } from '@lydell/node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { COMPACT_VERDICT_LINES } from '../../src/cli/terminal/terminal-messages.js';
import { CANONICAL, REPO_ROOT, tempDir } from '../support/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A terminal session: everything printed so far, and a way to wait for text. */
function openTerminal(cwd: string, env: Record<string, string>) {
  const term: IPty = spawn(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), 'chat'], {
    name: 'xterm-256color',
    cols: 80,
    rows: 40,
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', USER: 'tester', TERM: 'xterm-256color', ...env },
  });
  let raw = '';
  term.onData((data) => {
    raw += data;
  });
  const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
  const text = () => stripVTControlCharacters(raw).replace(/\r\n/g, '\n');
  /** Waits until the screen has shown `pattern` since `from` characters of text. */
  const waitFor = async (pattern: RegExp, from = 0, timeoutMs = 60_000) => {
    const started = Date.now();
    while (!pattern.test(text().slice(from))) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}:\n${text().slice(from)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Types a line at the prompt once the prompt is showing, and waits for the next prompt. */
  const type = async (line: string) => {
    const from = text().length;
    term.write(`${line}\r`);
    await waitFor(/\n> $/, from + line.length);
  };
  return { term, raw: () => raw, text, waitFor, type, exited };
}

describe('archie chat in a terminal', () => {
  it('runs a whole consultation at 80 columns: a compact coloured verdict, then an exported ADR on disk', async () => {
    const store = tempDir();
    const work = tempDir('archie-cwd-');
    cleanups.push(store.cleanup, work.cleanup);
    const session = openTerminal(work.dir, {
      STORE_URL: `sqlite://${join(store.dir, 'archie.sqlite')}`,
      LOG_LEVEL: 'silent',
    });
    await session.waitFor(/\n> $/);
    await session.type(CANONICAL[2].text);
    for (let answer = 0; answer < 5 && !/ · \d+% confidence\n/.test(session.text()); answer++) {
      await session.type('2');
    }
    const screen = session.text();
    const lines = screen.split('\n');
    const start = lines.findIndex((l) => / · \d+% confidence$/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^1 Export ADR · 2 Why\? · 3 Re-assess/.test(l));
    expect(start, screen).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const verdict = lines.slice(start, end + 1);
    console.info(`compact verdict at 80 columns: ${verdict.length} lines\n${verdict.join('\n')}`);
    expect(verdict.length).toBeLessThanOrEqual(COMPACT_VERDICT_LINES);
    expect(verdict.every((l) => l.length <= 80)).toBe(true);
    expect(verdict.join('\n')).toMatch(/\nWhy\n/);
    expect(verdict.join('\n')).toMatch(/Type why for the reasoning, more for risks/);
    // Colour on a terminal: the verdict heading is bold; no raw Markdown anywhere.
    expect(session.raw()).toContain('\u001b[1m');
    expect(screen).not.toMatch(/\*\*|^#+ |\]\(http/m);

    await session.type('export');
    const files = readdirSync(work.dir);
    expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d-use-a-hybrid-architecture.*\.md$/)]);
    expect(readFileSync(join(work.dir, files[0]!), 'utf8')).toMatch(/^# Use a hybrid architecture/);
    expect(session.text().replace(/\s+/g, ' ')).toContain(join(work.dir, files[0]!));

    session.term.write('quit\r');
    expect(await session.exited).toBe(0);
    await session.waitFor(/Saved\. Run `archie chat` to continue/, 0, 5_000);
  }, 180_000);

  it('prints no colour when NO_COLOR is set, even on a terminal', async () => {
    const work = tempDir('archie-cwd-');
    cleanups.push(work.cleanup);
    const session = openTerminal(work.dir, { STORE_URL: 'memory://', LOG_LEVEL: 'silent', NO_COLOR: '1' });
    await session.waitFor(/\n> $/);
    await session.type(CANONICAL[0].text);
    session.term.write('quit\r');
    expect(await session.exited).toBe(0);
    await session.waitFor(/is not kept/, 0, 5_000);
    expect(stripVTControlCharacters(session.raw())).toBe(session.raw());
    expect(session.text()).toMatch(/^Question 1 of \d\./m);
  }, 120_000);
});
