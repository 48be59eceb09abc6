/**
 * RSS of a real Archie, compiled as production runs it, holding 10,000 stored conversations (target
 * < 120 MB, at rest), beside the same process before its first turn.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { BenchResult } from './bench-result.js';
import { compiledEntry, productionNodeFlags } from './support/compiled.js';

export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_CONVERSATIONS ?? 10_000);
  compiledEntry();
  const out = execFileSync(
    process.execPath,
    ['--expose-gc', ...productionNodeFlags(), resolve('bench/support/memory-child.mjs'), String(count)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const { before, after, elapsedMs } = JSON.parse(out.trim().split('\n').at(-1)!) as {
    before: number;
    after: number;
    elapsedMs: number;
  };
  const mb = (bytes: number) => bytes / 1024 / 1024;
  return [
    {
      name: `RSS with ${count.toLocaleString('en-US')} stored conversations, at rest`,
      value: mb(after),
      unit: 'MB',
      baseline: { name: 'same process before', value: mb(before) },
      ratio: after / before,
      target: '< 120 MB',
      ok: mb(after) < 120,
    },
    { name: 'first turns stored per second', value: count / (elapsedMs / 1000), unit: 'turns/s' },
  ];
}
