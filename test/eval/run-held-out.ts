/**
 * Runs the held-out set (test/eval/held-out.ts) through Archie's deterministic engine:
 * extractFacts (free text -> facts) and assessProfile (profile -> verdict).
 * Prints accuracy (expected or acceptable), strict accuracy, a 4x4 confusion matrix and every miss.
 *
 *   node bin/run-ts.js test/eval/run-held-out.ts [--json]
 */
import { pathToFileURL } from 'node:url';
import { assessProfile } from '../../src/core/assessment/assess-profile.ts';
import { extractFacts } from '../../src/core/extraction/extract-facts.ts';
import { HELD_OUT_SCENARIOS, type Verdict } from './held-out.ts';

const VERDICTS: Verdict[] = ['monolith', 'modular-monolith', 'hybrid', 'microservices'];

export interface HeldOutResult {
  id: string;
  expected: Verdict;
  acceptable: Verdict[];
  actual: Verdict;
  strict: boolean;
  lenient: boolean;
  confidence: number;
  scores: Record<string, number>;
  facts: Array<{ key: string; value: unknown; evidence?: string }>;
  reasons: string[];
  assumptions: unknown[];
}

export interface HeldOutReport {
  total: number;
  accuracy: number;
  strictAccuracy: number;
  /** confusion[expected][actual] */
  confusion: Record<Verdict, Record<Verdict, number>>;
  results: HeldOutResult[];
}

type Fact = { key: string; value: unknown; evidence?: string };

/** Builds a profile from the extracted facts: one entry per fact key (first occurrence kept). */
function toProfile(facts: Fact[]): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const f of facts) if (!(f.key in profile)) profile[f.key] = f.value;
  return profile;
}

export async function evaluateHeldOut(): Promise<HeldOutReport> {
  const confusion = Object.fromEntries(
    VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((a) => [a, 0]))]),
  ) as Record<Verdict, Record<Verdict, number>>;
  const results: HeldOutResult[] = [];
  for (const s of HELD_OUT_SCENARIOS) {
    // biome-ignore lint/suspicious/noExplicitAny: the engine's types are deliberately not consulted
    const facts = (await (extractFacts as any)(s.description)) as Fact[];
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const a = (await (assessProfile as any)(toProfile(facts))) as {
      verdict: Verdict;
      confidence: number;
      scores: Record<string, number>;
      reasons: Array<{ text: string; factorId?: string }>;
      assumptions?: unknown[];
    };
    const acceptable = s.acceptable ?? [];
    const strict = a.verdict === s.expected;
    const lenient = strict || acceptable.includes(a.verdict);
    confusion[s.expected][a.verdict] += 1;
    results.push({
      id: s.id,
      expected: s.expected,
      acceptable,
      actual: a.verdict,
      strict,
      lenient,
      confidence: a.confidence,
      scores: a.scores,
      facts,
      reasons: a.reasons.map((r) => `[${r.factorId ?? '?'}] ${r.text}`),
      assumptions: a.assumptions ?? [],
    });
  }
  const total = results.length;
  return {
    total,
    accuracy: results.filter((r) => r.lenient).length / total,
    strictAccuracy: results.filter((r) => r.strict).length / total,
    confusion,
    results,
  };
}

function printReport(r: HeldOutReport): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lenientN = r.results.filter((x) => x.lenient).length;
  const strictN = r.results.filter((x) => x.strict).length;
  console.log(`Held-out scenarios: ${r.total}`);
  console.log(`Accuracy (expected or acceptable): ${lenientN}/${r.total} = ${pct(r.accuracy)}`);
  console.log(`Strict accuracy (expected only):   ${strictN}/${r.total} = ${pct(r.strictAccuracy)}`);
  console.log('\nConfusion matrix (rows = expected, columns = Archie):');
  const short: Record<Verdict, string> = {
    monolith: 'mono',
    'modular-monolith': 'mod-mono',
    hybrid: 'hybrid',
    microservices: 'micro',
  };
  console.log(['expected \\ actual'.padEnd(18), ...VERDICTS.map((v) => short[v].padStart(9))].join(''));
  for (const e of VERDICTS) {
    console.log([e.padEnd(18), ...VERDICTS.map((a) => String(r.confusion[e][a]).padStart(9))].join(''));
  }
  console.log('\nPer scenario:');
  for (const x of r.results) {
    const mark = x.strict ? 'OK ' : x.lenient ? 'ok~' : 'MISS';
    console.log(
      `${mark.padEnd(5)}${x.id.padEnd(42)} expected=${x.expected.padEnd(17)} archie=${x.actual} (conf ${x.confidence})`,
    );
  }
  const misses = r.results.filter((x) => !x.strict);
  if (misses.length) console.log('\nNon-strict results (facts, scores, reasons):');
  for (const x of misses) {
    console.log(
      `\n--- ${x.id}: archie=${x.actual}, expected=${x.expected}${x.acceptable.length ? ` (acceptable: ${x.acceptable.join(', ')})` : ''}${x.lenient ? ' [acceptable]' : ' [MISS]'}`,
    );
    console.log(`scores: ${JSON.stringify(x.scores)}`);
    console.log(`facts: ${x.facts.map((f) => `${f.key}=${JSON.stringify(f.value)}`).join('; ')}`);
    for (const reason of x.reasons) console.log(`  reason: ${reason}`);
    console.log(`  assumptions: ${JSON.stringify(x.assumptions)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await evaluateHeldOut();
  if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else printReport(report);
}
