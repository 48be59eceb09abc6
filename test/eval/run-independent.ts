/**
 * The scenario sets written by architects who never read the engine (held-out.ts, held-out-2.ts,
 * held-out-3.ts), run through the consultant's one-shot `assess` — what `archie assess` does. First runs:
 * 87.5% / 75% (set 1), 70% / 60% (set 2), 87.5% / 79.2% (set 3, 2026-11-28), 27/36 (fresh set A, 2026-12-08,
 * where four descriptions have too little to decide and the right outcome is to ask). The misses each diagnosed were
 * then fixed as general rules, so all three now measure regressions more than generalisation; the next
 * new independent set is the honest measure.
 */
import Keyv from 'keyv';
import { VERDICTS, type Verdict } from '../../src/core/assessment/assessment.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { FRESH_SCENARIOS_A } from './fresh-a.js';
import { FRESH_SCENARIOS_B } from './fresh-b.js';
import { HELD_OUT_SCENARIOS } from './held-out.js';
import { HELD_OUT_2 } from './held-out-2.js';
import { HELD_OUT_3 } from './held-out-3.js';
import { assessOrAsk } from './labelled-descriptions.js';

/** 'ask': too little to decide, so the right answer is a question for the essentials, not a verdict. */
type Outcome = Verdict | 'ask';

interface Scenario {
  id: string;
  description: string;
  expected: Outcome;
  acceptable?: Verdict[];
}

export interface IndependentSetResult {
  name: string;
  total: number;
  accuracy: number;
  strictAccuracy: number;
  /** Verdicts only (rows and columns for 'ask' are left out). */
  confusion: Record<Verdict, Record<Verdict, number>>;
  misses: Array<{ id: string; expected: Outcome; got: Outcome; confidence?: number }>;
  /** Every verdict's confidence and whether it was acceptable ('ask' outcomes are not verdicts). */
  verdicts: { confidence: number; acceptable: boolean }[];
  /** Descriptions with too little to decide that were answered with a question, of those labelled 'ask'. */
  asks: { asked: number; total: number };
}

async function evaluateSet(
  name: string,
  scenarios: readonly Scenario[],
  kb: KnowledgeBase,
): Promise<IndependentSetResult> {
  const consultant = createConsultant({ knowledge: kb, store: new Keyv() });
  const confusion = Object.fromEntries(
    VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))]),
  ) as IndependentSetResult['confusion'];
  let correct = 0;
  let strict = 0;
  const misses: IndependentSetResult['misses'] = [];
  const verdicts: IndependentSetResult['verdicts'] = [];
  const asks = { asked: 0, total: 0 };
  for (const s of scenarios) {
    const { got, confidence } = await outcomeOf(consultant, s.description);
    const acceptable = got === s.expected || (got !== 'ask' && !!s.acceptable?.includes(got));
    if (got !== 'ask') verdicts.push({ confidence: confidence!, acceptable });
    if (s.expected === 'ask') {
      asks.total++;
      if (got === 'ask') asks.asked++;
    }
    if (s.expected !== 'ask' && got !== 'ask') confusion[s.expected][got]++;
    if (got === s.expected) strict++;
    if (acceptable) correct++;
    else misses.push({ id: s.id, expected: s.expected, got, confidence });
  }
  return {
    name,
    total: scenarios.length,
    accuracy: correct / scenarios.length,
    strictAccuracy: strict / scenarios.length,
    confusion,
    misses,
    verdicts,
    asks,
  };
}

/** The verdict `assess` gives, or 'ask' when it refuses for too little to decide. */
async function outcomeOf(
  consultant: ReturnType<typeof createConsultant>,
  description: string,
): Promise<{ got: Outcome; confidence?: number }> {
  const result = await assessOrAsk(consultant, description);
  return result ? { got: result.assessment.verdict, confidence: result.assessment.confidence } : { got: 'ask' };
}

export async function evaluateIndependentSets(kb: KnowledgeBase): Promise<IndependentSetResult[]> {
  return [
    await evaluateSet('independent set 1 (24)', HELD_OUT_SCENARIOS as readonly Scenario[], kb),
    await evaluateSet('independent set 2 (20)', HELD_OUT_2 as readonly Scenario[], kb),
    await evaluateSet('independent set 3 (24)', HELD_OUT_3 as readonly Scenario[], kb),
    await evaluateSet(
      'fresh set A (36)',
      FRESH_SCENARIOS_A.map(({ id, text, expected, acceptable }) => ({ id, description: text, expected, acceptable })),
      kb,
    ),
    await evaluateSet(
      'fresh set B (36)',
      FRESH_SCENARIOS_B.map(({ id, text, expected, acceptable }) => ({ id, description: text, expected, acceptable })),
      kb,
    ),
  ];
}
