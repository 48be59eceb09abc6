/**
 * `npm run eval`: scenario accuracy with a confusion matrix (the engine's verdicts on labelled team
 * descriptions) and retrieval quality (recall@5, MRR, honesty on out-of-scope questions).
 * Exits non-zero when retrieval falls below the levels in questions-thresholds.ts.
 */
import { VERDICTS } from '../../src/core/assessment/assessment.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { RETRIEVAL_THRESHOLDS } from './questions-thresholds.js';
import { evaluateQuestions } from './run-questions.js';
import { evaluateScenarios } from './run-scenarios.js';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const kb = await loadKnowledgeBase();

// The scenario runner is owned by the engine; read its result defensively so either side can evolve.
const scenarios = (await (evaluateScenarios as unknown as (kb: KnowledgeBase) => unknown)(kb)) as Record<
  string,
  unknown
>;
console.log('# Scenario accuracy');
if (typeof scenarios.accuracy === 'number') {
  const counts =
    typeof scenarios.correct === 'number' && typeof scenarios.total === 'number'
      ? ` (${scenarios.correct}/${scenarios.total})`
      : '';
  console.log(`accuracy: ${pct(scenarios.accuracy)}${counts}`);
}
const confusion = (scenarios.confusion ?? scenarios.confusionMatrix) as
  | Record<string, Record<string, number>>
  | undefined;
if (confusion && typeof confusion === 'object') {
  const labels = [...new Set([...VERDICTS, ...Object.keys(confusion)])];
  const width = Math.max(...labels.map((l) => l.length), 'expected \\ got'.length);
  console.log('\nconfusion matrix (rows: expected, columns: engine verdict)');
  console.log(['expected \\ got'.padEnd(width), ...labels.map((l) => l.padStart(l.length))].join('  '));
  for (const row of labels) {
    const cells = labels.map((col) => String(confusion[row]?.[col] ?? 0).padStart(col.length));
    console.log([row.padEnd(width), ...cells].join('  '));
  }
}
const failures = scenarios.failures ?? scenarios.mistakes;
if (Array.isArray(failures) && failures.length > 0) {
  console.log('\nmisjudged scenarios:');
  for (const f of failures) console.log(`- ${typeof f === 'string' ? f : JSON.stringify(f)}`);
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
let below = 0;
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
