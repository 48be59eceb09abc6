/**
 * The scenario sets written by architects who never read the engine (held-out.ts, held-out-2.ts,
 * held-out-3.ts), run through the consultant's one-shot `assess` — what `archie assess` does. First runs:
 * 87.5% / 75% (set 1), 70% / 60% (set 2), 87.5% / 79.2% (set 3, 2026-11-28). The misses each diagnosed were
 * then fixed as general rules, so all three now measure regressions more than generalisation; the next
 * new independent set is the honest measure.
 */
import Keyv from 'keyv';
import { VERDICTS, type Verdict } from '../../src/core/assessment/assessment.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { HELD_OUT_SCENARIOS } from './held-out.js';
import { HELD_OUT_2 } from './held-out-2.js';
import { HELD_OUT_3 } from './held-out-3.js';

interface Scenario {
  id: string;
  description: string;
  expected: Verdict;
  acceptable?: Verdict[];
}

export interface IndependentSetResult {
  name: string;
  total: number;
  accuracy: number;
  strictAccuracy: number;
  confusion: Record<Verdict, Record<Verdict, number>>;
  misses: Array<{ id: string; expected: Verdict; got: Verdict }>;
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
  for (const s of scenarios) {
    const got = (await consultant.assess(s.description)).assessment.verdict;
    confusion[s.expected][got]++;
    if (got === s.expected) strict++;
    if (got === s.expected || s.acceptable?.includes(got)) correct++;
    else misses.push({ id: s.id, expected: s.expected, got });
  }
  return {
    name,
    total: scenarios.length,
    accuracy: correct / scenarios.length,
    strictAccuracy: strict / scenarios.length,
    confusion,
    misses,
  };
}

export async function evaluateIndependentSets(kb: KnowledgeBase): Promise<IndependentSetResult[]> {
  return [
    await evaluateSet('independent set 1 (24)', HELD_OUT_SCENARIOS as readonly Scenario[], kb),
    await evaluateSet('independent set 2 (20)', HELD_OUT_2 as readonly Scenario[], kb),
    await evaluateSet('independent set 3 (24)', HELD_OUT_3 as readonly Scenario[], kb),
  ];
}
