/**
 * `archie serve` (what `npm start` runs) as a person and as a machine meet it: in a terminal, a plain-words
 * banner and readable log lines; through a pipe, JSON lines only. On a public bind the web chat is off and
 * `/` is a landing page, with `/privacy` and `/terms` from operator-editable Markdown.
 */
import { spawn as spawnChild } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { spawn } from '@lydell/node-pty';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../support/cli.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function baseEnv(dir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: '0',
    STORE_URL: `sqlite://${join(dir, 'archie.sqlite')}`,
    ...env,
  };
}

async function until(check: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting; output so far:\n${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('archie serve', () => {
  it('in a terminal: a banner in plain words, then readable log lines, no JSON', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const term = spawn(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), 'serve'], {
      cols: 120,
      rows: 40,
      cwd: dir,
      env: baseEnv(dir, { TERM: 'xterm-256color', NO_COLOR: '1', LOG_LEVEL: 'debug' }),
    });
    let raw = '';
    term.onData((d) => {
      raw += d;
    });
    const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    const text = () => stripVTControlCharacters(raw).replace(/\r\n/g, '\n');
    await until(() => /Stop with Ctrl-C/.test(text()), text);
    const port = /Archie is running on http:\/\/localhost:(\d+)\n/.exec(text())?.[1];
    expect(port, text()).toBeDefined();
    const banner = text();
    expect(banner).toMatch(new RegExp(`^ {2}Web chat +http://localhost:${port}/$`, 'm'));
    expect(banner).toMatch(/^ {2}Slack +off \(set SLACK_BOT_TOKEN/m);
    expect(banner).toMatch(/^ {2}Teams +on at .*\/api\/messages without authentication: for local tools/m);
    expect(banner).toMatch(/^ {2}Store +SQLite at .*archie\.sqlite$/m);
    expect(banner).toMatch(/^ {2}Model +none: the offline engine answers/m);
    // On a loopback bind nothing is exposed, so nothing is a warning.
    expect(banner).not.toMatch(/WARN|UNAUTHENTICATED/);
    expect(banner).not.toMatch(/\{"level"/);

    // A request is logged (at debug) as a readable line, not JSON.
    await fetch(`http://127.0.0.1:${port}/privacy`);
    await until(() => /^\[\d\d:\d\d:\d\d\] DEBUG: request .*"path":"\/privacy"/m.test(text()), text);
    expect(text()).not.toMatch(/\{"level"/);

    term.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 120_000);

  it('through a pipe: JSON log lines only', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const child = spawnChild(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), 'serve'], {
      cwd: dir,
      env: baseEnv(dir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await until(
      () => /Archie is running/.test(err),
      () => err,
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toBe('');
    const lines = err.trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(lines.map((l) => JSON.parse(l).msg)).toContain('stopped');
  }, 120_000);

  it('on a public bind: a landing page at /, and /privacy and /terms from the operator’s Markdown', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const privacy = join(dir, 'privacy.md');
    writeFileSync(privacy, '# Privacy at Example Corp\n\nWe keep conversations for **30 days**.\n');
    const child = spawnChild(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), 'serve'], {
      cwd: dir,
      env: baseEnv(dir, { HOST: '0.0.0.0', PRIVACY_PAGE: privacy, PUBLIC_URL: 'https://archie.example.com' }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await until(
        () => /"port":\d+/.test(err),
        () => err,
      );
      const port = /"port":(\d+)/.exec(err)![1];
      const get = async (path: string) => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
      };
      const landing = await get('/');
      expect(landing.status).toBe(200);
      expect(landing.body).toMatch(/<h1>Archie<\/h1>/);
      expect(landing.body).toContain('https://archie.example.com/slack/events');
      expect(landing.body).toContain('https://archie.example.com/api/messages');
      expect(landing.body).toMatch(/Slack: not set up/);
      expect(landing.body).toMatch(/href="\/healthz"/);
      const own = await get('/privacy');
      expect(own.status).toBe(200);
      expect(own.body).toContain('<h1>Privacy at Example Corp</h1>');
      expect(own.body).toContain('<strong>30 days</strong>');
      const terms = await get('/terms');
      expect(terms.body).toMatch(/<h1>Terms of use<\/h1>[\s\S]*This page is a template/);
      // Teams without an app id stays off on a public bind: nothing unauthenticated is exposed.
      expect(landing.body).toMatch(/Microsoft Teams: not set up/);
      expect(err).not.toMatch(/UNAUTHENTICATED|unauthenticated requests/);
      expect((await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST' })).status).toBe(503);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
