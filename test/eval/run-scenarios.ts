/**
 * Scenario evaluation: runs extraction + assessment on every labelled description and reports accuracy
 * (expected or acceptable verdict), strict accuracy (expected only) and a 4x4 confusion matrix.
 */
import { assessProfile } from '../../src/core/assessment/assess-profile.js';
import { VERDICTS, type Verdict } from '../../src/core/assessment/assessment.js';
import type { CitationLookup } from '../../src/core/assessment/citation-catalogue.js';
import type { TeamProfile as TeamProfileForRead } from '../../src/core/profile/profile.js';
import { readMessage } from '../../src/core/reading/read-message.js';

/** Today's facts read from `text` (what the profile takes). */
const extractFacts = (text: string, known?: TeamProfileForRead) => readMessage(text, { known }).facts;

import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { mergeFacts } from '../../src/core/profile/merge-facts.js';
import { SCENARIOS, type Scenario } from './scenarios.js';

export interface ScenarioFailure {
  id: string;
  expected: Verdict;
  acceptable: Verdict[];
  got: Verdict;
  confidence: number;
  scores: Record<Verdict, number>;
}

export interface ScenarioReport {
  total: number;
  correct: number;
  strictCorrect: number;
  accuracy: number;
  strictAccuracy: number;
  /** confusion[expected][got] = count. */
  confusion: Record<Verdict, Record<Verdict, number>>;
  failures: ScenarioFailure[];
  /** Every verdict's confidence and whether it was acceptable (for calibration). */
  outcomes: { confidence: number; acceptable: boolean }[];
}

/** The verdict the engine gives a free-text description (extraction, merge, assessment). */
export function verdictFor(text: string, source?: CitationLookup | Pick<KnowledgeBase, 'docs'>) {
  const { profile } = mergeFacts({}, {}, extractFacts(text), 'stated', '2026-01-01T00:00:00.000Z');
  return { profile, assessment: assessProfile(profile, source) };
}

/** Accuracy, strict accuracy and confusion matrix over `scenarios` (all labelled scenarios by default). */
export function evaluateScenarios(
  kb?: Pick<KnowledgeBase, 'docs'>,
  scenarios: readonly Scenario[] = SCENARIOS,
): ScenarioReport {
  const confusion = Object.fromEntries(
    VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))]),
  ) as Record<Verdict, Record<Verdict, number>>;
  let correct = 0;
  let strictCorrect = 0;
  const failures: ScenarioFailure[] = [];
  const outcomes: ScenarioReport['outcomes'] = [];
  for (const s of scenarios) {
    const { assessment } = verdictFor(s.text, kb);
    const got = assessment.verdict;
    confusion[s.expected][got] += 1;
    if (got === s.expected) strictCorrect += 1;
    outcomes.push({
      confidence: assessment.confidence,
      acceptable: got === s.expected || !!s.acceptable?.includes(got),
    });
    if (got === s.expected || s.acceptable?.includes(got)) correct += 1;
    else {
      failures.push({
        id: s.id,
        expected: s.expected,
        acceptable: s.acceptable ?? [],
        got,
        confidence: assessment.confidence,
        scores: assessment.scores,
      });
    }
  }
  const total = scenarios.length;
  return {
    total,
    correct,
    strictCorrect,
    accuracy: total ? correct / total : 0,
    strictAccuracy: total ? strictCorrect / total : 0,
    confusion,
    failures,
    outcomes,
  };
}
