// Runs Archie's CLI on the second held-out set and prints accuracy and a confusion matrix.
// Usage (from the repository root): node bin/run-ts.js test/eval/run-held-out-2.ts
// Only the public CLI is used: `archie assess --json`, one process per scenario, description on stdin.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELD_OUT_2, type Verdict } from './held-out-2.ts';

const VERDICTS: Verdict[] = ['monolith', 'modular-monolith', 'hybrid', 'microservices'];
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);

interface Outcome {
  id: string;
  expected: Verdict;
  acceptable: Verdict[];
  actual: Verdict | 'error';
  json?: Record<string, unknown>;
  error?: string;
}

function assess(description: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['bin/archie.js', 'assess', '--json'], {
      env: { ...process.env, STORE_URL: 'memory://' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(description);
  });
}

async function runOne(s: (typeof HELD_OUT_2)[number]): Promise<Outcome> {
  const base = { id: s.id, expected: s.expected, acceptable: s.acceptable ?? [] };
  const { code, stdout, stderr } = await assess(s.description);
  try {
    const json = JSON.parse(stdout) as Record<string, unknown>;
    const rec = json.recommendation as Verdict;
    if (!VERDICTS.includes(rec)) throw new Error(`unknown recommendation ${String(rec)}`);
    return { ...base, actual: rec, json };
  } catch (e) {
    return { ...base, actual: 'error', error: `exit ${code}: ${(e as Error).message} ${stderr.slice(0, 500)}` };
  }
}

const outcomes: Outcome[] = new Array(HELD_OUT_2.length);
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(CONCURRENCY, HELD_OUT_2.length) }, async () => {
    while (next < HELD_OUT_2.length) {
      const i = next++;
      const scenario = HELD_OUT_2[i];
      if (scenario) outcomes[i] = await runOne(scenario);
    }
  }),
);

const ok = (o: Outcome) => o.actual === o.expected || (o.actual !== 'error' && o.acceptable.includes(o.actual));
const strict = outcomes.filter((o) => o.actual === o.expected).length;
const lenient = outcomes.filter(ok).length;
const n = outcomes.length;

console.log('\nPer scenario:');
for (const o of outcomes) {
  const mark = o.actual === o.expected ? 'OK ' : ok(o) ? 'ACC' : 'MISS';
  const extra = o.acceptable.length ? ` (acceptable: ${o.acceptable.join(', ')})` : '';
  console.log(`  ${mark.padEnd(4)} ${o.id.padEnd(40)} expected ${o.expected.padEnd(16)} got ${o.actual}${extra}`);
  if (o.error) console.log(`       error: ${o.error}`);
}

console.log(`\nAccuracy (expected or acceptable): ${lenient}/${n} = ${((100 * lenient) / n).toFixed(1)}%`);
console.log(`Strict accuracy (expected only):   ${strict}/${n} = ${((100 * strict) / n).toFixed(1)}%`);

const cols: Array<Verdict | 'error'> = outcomes.some((o) => o.actual === 'error') ? [...VERDICTS, 'error'] : VERDICTS;
const short: Record<string, string> = {
  monolith: 'mono',
  'modular-monolith': 'modmono',
  hybrid: 'hybrid',
  microservices: 'micro',
  error: 'error',
};
console.log('\nConfusion matrix (rows = expected, columns = Archie):');
console.log(`  ${''.padEnd(10)}${cols.map((c) => (short[c] ?? c).padStart(9)).join('')}`);
for (const r of VERDICTS) {
  const cells = cols.map((c) => String(outcomes.filter((o) => o.expected === r && o.actual === c).length).padStart(9));
  console.log(`  ${(short[r] ?? r).padEnd(10)}${cells.join('')}`);
}

const misses = outcomes.filter((o) => !ok(o));
if (misses.length) {
  console.log('\nMisses:');
  for (const o of misses) {
    const j = o.json ?? {};
    const reasons = (j.reasons as Array<{ factor?: string }> | undefined)?.map((r) => r.factor).join(', ');
    console.log(`  ${o.id}: expected ${o.expected}, got ${o.actual}`);
    console.log(`    scores: ${JSON.stringify(j.scores)}`);
    console.log(`    reason factors: ${reasons ?? '-'}`);
  }
}

const out = process.env.RESULTS_FILE ?? join(tmpdir(), 'held-out-2-results.json');
writeFileSync(out, JSON.stringify(outcomes, null, 2));
console.log(`\nFull JSON outputs written to ${out}`);
