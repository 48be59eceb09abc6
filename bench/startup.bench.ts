/**
 * Time from `archie serve` (the compiled JavaScript, as `npm start` and the image run it) to a healthy
 * /healthz (target < 1.5 s), beside a bare Node HTTP server started the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BenchResult, summarize } from './bench-result.js';
import { compiledEntry, productionNodeFlags } from './support/compiled.js';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function timeToHealthy(args: string[], env: Record<string, string>, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
      if (performance.now() - started > 30_000) throw new Error('not healthy within 30 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

export async function bench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'archie-start-'));
  const runs = 5;
  const entry = compiledEntry();
  const archie: number[] = [];
  const bare: number[] = [];
  const bareScript = `require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')`;
  try {
    for (let i = 0; i < runs; i++) {
      archie.push(
        await timeToHealthy(
          [...productionNodeFlags(), entry, 'serve'],
          { STORE_URL: `sqlite://${join(dir, `s${i}.sqlite`)}`, LOG_LEVEL: 'silent' },
          await freePort(),
        ),
      );
      bare.push(await timeToHealthy(['-e', bareScript], {}, await freePort()));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const a = summarize(archie).median;
  const b = summarize(bare).median;
  return [
    {
      name: 'start-up to healthy /healthz (median of 5)',
      value: a,
      unit: 'ms',
      baseline: { name: 'bare node:http server', value: b },
      ratio: a / b,
      target: '< 1.5 s',
      ok: a < 1500,
    },
  ];
}
