/**
 * `npm run eval`: scenario accuracy with a confusion matrix (the engine's verdicts on labelled team
 * descriptions), fact-level reading precision and recall per category (test/eval/reading), and retrieval
 * quality (recall@5, MRR, honesty on out-of-scope questions), and how well confidence is calibrated over every
 * labelled set (expected calibration error with its reliability table, AUROC, the most confident wrong verdict). Exits non-zero when any falls below the
 * levels in scenarios-thresholds.ts / reading/reading-thresholds.ts / questions-thresholds.ts.
 * `READING_DETAILS=1 npm run eval` also lists the dev cases' misreadings (never the held-out ones).
 */
import { VERDICTS } from '../../src/core/assessment/assessment.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { calibrate, reliabilityTable } from './calibration.js';
import { CALIBRATION_TARGETS } from './calibration-targets.js';
import { DEV_QUESTIONS } from './knowledge-questions/questions-dev.js';
import { HELD_OUT_QUESTIONS } from './knowledge-questions/questions-held-out.js';
import {
  evaluateKnowledgeQuestions,
  type KnowledgeQuestionEvaluation,
} from './knowledge-questions/run-knowledge-questions.js';
import { ANSWER_THRESHOLDS } from './knowledge-questions/thresholds.js';
import { RETRIEVAL_THRESHOLDS } from './questions-thresholds.js';
import { READING_FLOORS, READING_TARGETS } from './reading/reading-thresholds.js';
import { evaluateReading } from './reading/run-reading.js';
import { precision, recall, type Tally } from './reading/score-reading.js';
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
const independent = await evaluateIndependentSets(kb);
for (const set of independent) {
  const asks = set.asks.total ? `; too little to decide: ${set.asks.asked}/${set.asks.total} asked` : '';
  console.log(`${set.name.padEnd(26)} accuracy ${pct(set.accuracy)}, strict ${pct(set.strictAccuracy)}${asks}`);
  for (const m of set.misses) {
    const conf = m.confidence === undefined ? '' : ` (confidence ${m.confidence.toFixed(2)})`;
    console.log(`  misjudged ${m.id}: expected ${m.expected}, got ${m.got}${conf}`);
  }
}

const calibration = calibrate([...scenarios.outcomes, ...independent.flatMap((s) => s.verdicts)]);
console.log(
  `\n# Confidence calibration (every verdict on every labelled set: ${calibration.count}, ${calibration.wrong} wrong)`,
);
for (const line of reliabilityTable(calibration)) console.log(`  ${line}`);
const target = (ok: boolean) => (ok ? 'met' : 'NOT MET');
console.log(
  `expected calibration error ${calibration.ece.toFixed(3)} (target ≤ ${CALIBRATION_TARGETS.ece}: ${target(calibration.ece <= CALIBRATION_TARGETS.ece)})`,
);
console.log(
  `AUROC acceptable vs wrong  ${calibration.auroc?.toFixed(3) ?? 'n/a (no wrong verdict)'} (target ≥ ${CALIBRATION_TARGETS.auroc}: ${target((calibration.auroc ?? 1) >= CALIBRATION_TARGETS.auroc)})`,
);
console.log(
  `highest wrong confidence   ${calibration.maxWrongConfidence?.toFixed(2) ?? 'n/a'} (target ≤ ${CALIBRATION_TARGETS.maxWrongConfidence}: ${target((calibration.maxWrongConfidence ?? 0) <= CALIBRATION_TARGETS.maxWrongConfidence)})`,
);

const reading = await evaluateReading();
const fraction = (a: number, b: number) => `${a}/${b}`;
const tallyRow = (name: string, t: Tally) =>
  `${name.padEnd(20)} precision ${pct(precision(t)).padStart(6)} (${fraction(t.correct, t.produced).padStart(7)})  recall ${pct(recall(t)).padStart(6)} (${fraction(t.found, t.expected).padStart(7)})  forbidden readings ${t.forbidden}`;
console.log(
  '\n# Reading, fact by fact (test/eval/reading: a fact outside yields/allows is wrong; lists count per element)',
);
console.log(`dev (${reading.dev.cases.length} cases)`);
for (const [category, t] of reading.dev.byCategory) console.log(`  ${tallyRow(category, t)}`);
console.log(`  ${tallyRow('all', reading.dev.total)}`);
console.log(`held-out (${reading.heldOutCases} cases; aggregate figures only)`);
for (const [category, t] of reading.heldOut.byCategory) console.log(`  ${tallyRow(category, t)}`);
const held = reading.heldOut.total;
console.log(`  ${tallyRow('all', held)}`);
const weakCategories = [...reading.heldOut.byCategory].filter(
  ([, t]) => precision(t) < READING_TARGETS.categoryPrecision,
);
console.log(
  `targets: held-out precision ≥ ${pct(READING_TARGETS.precision)} (${precision(held) >= READING_TARGETS.precision ? 'met' : 'not met'}), recall ≥ ${pct(READING_TARGETS.recall)} (${recall(held) >= READING_TARGETS.recall ? 'met' : 'not met'}), no category below ${pct(READING_TARGETS.categoryPrecision)} precision (${weakCategories.length ? `${weakCategories.length} below` : 'met'})`,
);
for (const [name, value, floor] of [
  ['held-out precision', precision(held), READING_FLOORS.heldOutPrecision],
  ['held-out recall', recall(held), READING_FLOORS.heldOutRecall],
] as const) {
  if (value < floor) {
    below++;
    console.log(`${name} ${pct(value)} — BELOW the floor ${pct(floor)}`);
  }
}
if (process.env.READING_DETAILS) {
  const show = (e: { key: string; value?: unknown; modality?: string }) =>
    `${e.key}=${JSON.stringify(e.value)}${e.modality && e.modality !== 'current' ? `@${e.modality}` : ''}`;
  for (const c of reading.dev.cases.filter((c) => c.missed.length || c.wrong.length)) {
    console.log(
      `  ${c.id}: wrong ${c.wrong.map(show).join(', ') || '-'}; missed ${c.missed.map(show).join(', ') || '-'}`,
    );
  }
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

console.log('\n# Answers (test/eval/knowledge-questions: written without reading the answerer)');
const answerRow = (name: string, e: KnowledgeQuestionEvaluation) =>
  `${name.padEnd(10)} expected source ${pct(e.expectedSourceShare).padStart(6)}  key fact ${pct(e.keyFactShare).padStart(6)}  on-topic first sentence ${pct(e.onTopicFirstSentenceShare).padStart(6)}  off-topic refused ${pct(e.offTopicRefusedShare).padStart(6)}  recall@5 ${pct(e.recallAt5).padStart(6)}  MRR ${e.mrr.toFixed(3)}  (${e.inScope} in scope, ${e.offTopic} off topic)`;
const devAnswers = await evaluateKnowledgeQuestions(kb, DEV_QUESTIONS);
const heldAnswers = await evaluateKnowledgeQuestions(kb, HELD_OUT_QUESTIONS);
console.log(answerRow('dev', devAnswers));
console.log(answerRow('held-out', heldAnswers));
for (const [name, value, floor] of [
  ['dev expected source', devAnswers.expectedSourceShare, ANSWER_THRESHOLDS.expectedSource],
  ['dev key fact', devAnswers.keyFactShare, ANSWER_THRESHOLDS.keyFact],
  ['dev off-topic refused', devAnswers.offTopicRefusedShare, ANSWER_THRESHOLDS.offTopicRefused],
  ['dev on-topic first sentence', devAnswers.onTopicFirstSentenceShare, ANSWER_THRESHOLDS.onTopicFirstSentence],
] as const) {
  if (value < floor) {
    below++;
    console.log(`${name} ${pct(value)} — BELOW the floor ${pct(floor)}`);
  }
}
console.log(
  `first-sentence rubric: starts a thought, shares a word with the question, a figure for how many/much, Yes/No first for should/does`,
);
if (process.env.ANSWER_DETAILS) {
  for (const r of devAnswers.results.filter(
    (r) => r.question.kind !== 'off-topic' && (!r.citedExpected || r.missingFacts.length > 0 || !r.rubric.pass),
  )) {
    console.log(
      `  ${r.question.id}: source ${r.citedExpected ? 'ok' : 'missed'}, missing facts ${JSON.stringify(r.missingFacts)}, first sentence ${r.rubric.pass ? 'ok' : JSON.stringify(r.rubric)}`,
    );
  }
}
if (below > 0) process.exitCode = 1;
