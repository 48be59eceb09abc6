/**
 * D10, D11, D23: `archie serve` on a store it cannot use exits non-zero within 15 s with one line that
 * names the setting (STORE_URL or REDIS_URL) and the fix, instead of hanging or running on a store that
 * keeps nothing; and a store that stops taking writes while serving turns /readyz red, with a log line.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { REPO_ROOT, tempDir } from '../support/cli.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A loopback port where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

interface Exit {
  code: number | null;
  seconds: number;
  stderr: string;
  listened: boolean;
}

/** Runs `archie serve` until it exits (or 30 s pass, which fails the test). */
function serve(env: Record<string, string>): Promise<Exit> {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', ...env },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, seconds: (Date.now() - started) / 1000, stderr, listened: /Archie is running/.test(stdout) });
    });
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim());

describe('archie serve on a store it cannot use', () => {
  it.concurrent('exits within 15 s naming STORE_URL when the Redis store does not answer', async () => {
    const exit = await serve({ STORE_URL: `redis://127.0.0.1:${await closedPort()}` });
    expect(exit.code).toBe(1);
    expect(exit.seconds).toBeLessThan(15);
    expect(exit.listened).toBe(false);
    expect(lines(exit.stderr)).toHaveLength(1);
    expect(exit.stderr).toMatch(/^archie: cannot use the Redis store at redis:\/\/127\.0\.0\.1:\d+ .*check STORE_URL/);
  });

  it.concurrent('exits within 15 s naming REDIS_URL when the check-ins Redis does not answer', async () => {
    const exit = await serve({ STORE_URL: 'memory://', REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    expect(exit.code).toBe(1);
    expect(exit.seconds).toBeLessThan(15);
    expect(exit.stderr).toMatch(/^archie: cannot reach Redis at .*REDIS_URL.*: check REDIS_URL/m);
    expect(exit.stderr).not.toMatch(/ECONNREFUSED/);
  });

  it.skipIf(!existsSync('/proc/self'))('exits at once for a SQLite path on a pseudo-file system', async () => {
    const exit = await serve({ STORE_URL: 'sqlite:///proc/archie-test/archie.sqlite' });
    expect(exit.code).toBe(1);
    expect(exit.seconds).toBeLessThan(15);
    expect(lines(exit.stderr)).toHaveLength(1);
    expect(exit.stderr).toMatch(/cannot create the directory \/proc\/archie-test .*set STORE_URL/);
  });

  it('exits naming STORE_URL for a SQLite path that cannot be a file', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(join(dir, 'not-a-directory'), 'x');
    const exit = await serve({ STORE_URL: `sqlite://${join(dir, 'not-a-directory', 'archie.sqlite')}` });
    expect(exit.code).toBe(1);
    expect(exit.stderr).toMatch(/cannot write the SQLite file at .*not-a-directory\/archie\.sqlite: set STORE_URL/);
  });

  // Root ignores file permissions, so this runs as an ordinary user only (as CI and containers do).
  it.skipIf(process.getuid?.() === 0)('exits naming STORE_URL when the SQLite directory is read-only', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    chmodSync(dir, 0o555);
    cleanups.push(() => chmodSync(dir, 0o755));
    const exit = await serve({ STORE_URL: `sqlite://${join(dir, 'archie.sqlite')}` });
    expect(exit.code).toBe(1);
    expect(exit.listened).toBe(false);
    expect(exit.stderr).toMatch(
      /^archie: cannot write the SQLite file at .*archie\.sqlite: set STORE_URL .*permissions/,
    );
  });
});

describe('a store that stops taking writes while serving', () => {
  it('turns /readyz red and says so in the log, and green again when writes work', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'archie.sqlite');
    const logs: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    const config = loadConfig({
      dotenvPath: false,
      env: { STORE_URL: `sqlite://${file}`, PORT: '0', CHECKINS: 'false', WEB_CHAT: 'false' },
    });
    const archie = await createArchie(config, {
      logger: createLogger({ level: 'info', destination }),
      defaultMetrics: false,
    });
    cleanups.push(() => archie.close());
    const base = `http://127.0.0.1:${await archie.listen()}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // Another process takes the database for itself (a backup tool, a stuck migration): writes cannot land.
    const other = new sqlite3.Database(file);
    const run = (sql: string) => new Promise<void>((r, j) => other.run(sql, (e) => (e ? j(e) : r())));
    await run('BEGIN EXCLUSIVE');
    const red = await fetch(`${base}/readyz`);
    expect(red.status).toBe(503);
    expect(await red.json()).toMatchObject({ status: 'not ready', checks: [{ name: 'store', ok: false }] });
    expect(logs.join('')).toMatch(/"check":"store".*readiness check failing/);

    await run('COMMIT');
    await new Promise<void>((r) => other.close(() => r()));
    // The write queued behind the lock may still be finishing; the next probe sees the store healthy.
    await new Promise((r) => setTimeout(r, 6_000));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(logs.join('')).toMatch(/readiness check passing again/);
  }, 30_000);
});
