import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { JSON_POST } from '../channels/web/web-test-server.js';
import { startFakeOpenAiServer } from '../support/fake-openai-server.js';

const open: Archie[] = [];
afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

async function start(env: Record<string, string> = {}, logger = createLogger({ level: 'silent' })) {
  const config = loadConfig({ env: { PORT: '0', STORE_URL: 'memory://', ...env }, dotenvPath: false });
  const archie = await createArchie(config, { logger, defaultMetrics: false });
  open.push(archie);
  return { archie, base: `http://127.0.0.1:${await archie.listen()}` };
}

describe('operations endpoints', () => {
  it('reports liveness with the offline engine named when no model is configured', async () => {
    const { base } = await start();
    const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string; model: { mode: string } };
    expect(health.status).toBe('ok');
    expect(JSON.stringify(health.model)).toMatch(/offline engine/);
  });

  it('is ready when the store answers, and says which check failed when one does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archie-ready-'));
    const { archie, base } = await start({ STORE_URL: `sqlite://${join(dir, 'a.sqlite')}` });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await archie.store.close();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'not ready', checks: [{ name: 'store', ok: false }] });
  });

  it('counts turns per channel in Prometheus format', async () => {
    const { base } = await start();
    const created = (await (await fetch(`${base}/api/web/conversations`, JSON_POST)).json()) as { id: string };
    await fetch(`${base}/api/web/conversations/${created.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'We are 3 engineers on the OpenAI API, no on-call.' }),
    });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/archie_turns_total\{channel="web",outcome="ok"\} 1/);
    expect(metrics).toMatch(/archie_turn_duration_seconds_count\{channel="web"\} 1/);
  });

  it('refuses a body over the limit with 413 on every route', async () => {
    const { base } = await start({ MAX_BODY_BYTES: '2048' });
    for (const path of ['/api/web/conversations', '/api/messages', '/anything']) {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(5_000) }),
      });
      expect(res.status, path).toBe(413);
    }
  });

  it('tags each request with an id and logs no message body or secret', async () => {
    const { lines, logger } = captureLogs();
    const { base } = await start({}, logger);
    const created = (await (await fetch(`${base}/api/web/conversations`, JSON_POST)).json()) as { id: string };
    const res = await fetch(`${base}/api/web/conversations/${created.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-abc-123' },
      body: JSON.stringify({ text: 'Our key is sk-proj-SECRETSECRETSECRET1234 and we are 4 engineers' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-abc-123');
    const log = lines.join('\n');
    expect(log).toMatch(/"reqId":"req-abc-123"/);
    expect(log).not.toMatch(/SECRETSECRET|4 engineers/);
  });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('graceful shutdown', () => {
  it('finishes a turn in flight on SIGTERM and exits within the limit', async () => {
    const model = await startFakeOpenAiServer();
    // Every model call takes 1.5 s, so the turn is still running when SIGTERM arrives.
    model.onChat((body) => ({
      delayMs: 1_500,
      reply: body.response_format || body.tools ? { json: {} } : { content: 'A monolith suits you.' },
    }));
    const port = await freePort();
    const child = spawn(process.execPath, [resolve('bin/archie.js'), 'serve'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        STORE_URL: 'memory://',
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: model.url,
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: '10000',
      },
      stdio: 'ignore',
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      // A fresh clone starts cold (tsx transforms every file once), and CI runs test files in parallel.
      const healthy = () =>
        fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
      const deadline = Date.now() + 45_000;
      while (!(await healthy())) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error('archie serve did not become healthy');
        await new Promise((r) => setTimeout(r, 100));
      }
      const created = (await (await fetch(`${base}/api/web/conversations`, JSON_POST)).json()) as {
        id: string;
      };
      const turn = fetch(`${base}/api/web/conversations/${created.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'We are three engineers on a hosted API with no on-call.' }),
      });
      await new Promise((r) => setTimeout(r, 300));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const stopAt = Date.now();
      child.kill('SIGTERM');
      const res = await turn;
      expect(res.status).toBe(200);
      expect(((await res.json()) as { messages: unknown[] }).messages.length).toBeGreaterThan(0);
      expect(await exited).toBe(0);
      expect(Date.now() - stopAt).toBeLessThan(10_000);
    } finally {
      child.kill('SIGKILL');
      await model.close();
    }
  }, 90_000);
});
