/**
 * `npm run eval`: scenario accuracy with a confusion matrix (the engine's verdicts on labelled team
 * descriptions) and retrieval quality (recall@5, MRR, honesty on out-of-scope questions).
 * Exits non-zero when either falls below the levels in scenarios-thresholds.ts / questions-thresholds.ts.
 */
import { VERDICTS } from '../../src/core/assessment/assessment.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { RETRIEVAL_THRESHOLDS } from './questions-thresholds.js';
import { evaluateIndependentSets } from './run-independent.js';
import { evaluateQuestions } from './run-questions.js';
import { evaluateScenarios } from './run-scenarios.js';
import { SCENARIO_THRESHOLDS } from './scenarios-thresholds.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const kb = await loadKnowledgeBase();
let below = 0;

const scenarios = evaluateScenarios(kb);
console.log('# Scenario accuracy');
for (const [name, value, floor, count] of [
  ['accuracy (expected or acceptable)', scenarios.accuracy, SCENARIO_THRESHOLDS.accuracy, scenarios.correct],
  [
    'strict accuracy (expected only)',
    scenarios.strictAccuracy,
    SCENARIO_THRESHOLDS.strictAccuracy,
    scenarios.strictCorrect,
  ],
] as const) {
  const ok = value >= floor;
  if (!ok) below++;
  console.log(
    `${name.padEnd(34)} ${pct(value)} (${count}/${scenarios.total}; floor ${pct(floor)}${ok ? '' : ' — BELOW'})`,
  );
}
const corner = 'expected \\ got';
const width = Math.max(corner.length, ...VERDICTS.map((v) => v.length));
console.log('\nconfusion matrix (rows: expected verdict, columns: engine verdict)');
console.log([corner.padEnd(width), ...VERDICTS].join('  '));
for (const row of VERDICTS) {
  console.log(
    [row.padEnd(width), ...VERDICTS.map((col) => String(scenarios.confusion[row][col]).padStart(col.length))].join(
      '  ',
    ),
  );
}
for (const f of scenarios.failures) {
  console.log(`  misjudged ${f.id}: expected ${f.expected}, got ${f.got} (confidence ${f.confidence.toFixed(2)})`);
}

console.log('\n# Scenario sets written without reading the engine (first runs: 87.5%/75%, 70%/60%, 87.5%/79.2%)');
for (const set of await evaluateIndependentSets(kb)) {
  console.log(`${set.name.padEnd(26)} accuracy ${pct(set.accuracy)}, strict ${pct(set.strictAccuracy)}`);
  for (const m of set.misses) console.log(`  misjudged ${m.id}: expected ${m.expected}, got ${m.got}`);
}

const q = await evaluateQuestions(kb);
console.log('\n# Retrieval');
console.log(`knowledge base: ${kb.docs.size} documents, ${kb.passages.length} passages`);
const rows: [string, number, number][] = [
  ['recall@5', q.recallAt5, RETRIEVAL_THRESHOLDS.recallAt5],
  ['MRR', q.mrr, RETRIEVAL_THRESHOLDS.mrr],
  ['out-of-scope precision', q.outOfScopePrecision, RETRIEVAL_THRESHOLDS.outOfScopePrecision],
  ['out-of-scope recall', q.outOfScopeRecall, RETRIEVAL_THRESHOLDS.outOfScopeRecall],
  ['in-scope answered', q.inScopeAnswered, RETRIEVAL_THRESHOLDS.inScopeAnswered],
];
for (const [name, value, floor] of rows) {
  const ok = value >= floor;
  if (!ok) below++;
  console.log(`${name.padEnd(24)} ${value.toFixed(3)}  (floor ${floor.toFixed(2)}${ok ? '' : ' — BELOW'})`);
}
console.log(`(${q.results.length} questions, ${q.outOfScope.length} out of scope)`);
for (const r of q.results.filter((r) => !r.rank || r.rank > 1)) {
  console.log(`  rank ${r.rank ?? '>10'}: ${r.question} → expected ${r.expected.join('/')}, got ${r.top.join(', ')}`);
}
for (const o of q.outOfScope.filter((o) => !o.declined)) console.log(`  answered out-of-scope: ${o.question}`);
if (below > 0) process.exitCode = 1;
