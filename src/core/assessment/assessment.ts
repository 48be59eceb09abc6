/** The engine's result: a verdict with everything needed to explain, challenge and export it. */
import type { FactKey } from '../profile/profile.js';

export const VERDICTS = ['monolith', 'modular-monolith', 'hybrid', 'microservices'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  monolith: 'Monolith',
  'modular-monolith': 'Modular monolith',
  hybrid: 'Hybrid: monolith core plus a few extracted services',
  microservices: 'Microservices',
};

/** The verdict as the object of "I recommend …": "a monolith", "a modular monolith", "a hybrid", "microservices". */
export function recommendedPhrase(verdict: Verdict): string {
  const name = VERDICT_LABELS[verdict].split(':')[0]!.toLowerCase();
  return verdict === 'microservices' ? name : `a ${name}`;
}

/** A source in the knowledge base. Only ids that exist in `knowledge/` may appear. */
export interface Citation {
  id: string;
  title: string;
  url: string;
}

/** One named, weighted factor that moved the scores, with the documents that justify it. */
export interface FactorResult {
  id: string;
  label: string;
  /** Signed contribution per verdict (positive pushes towards it). */
  contributions: Partial<Record<Verdict, number>>;
  explanation: string;
  facts: FactKey[];
  citations: Citation[];
}

export interface Reason {
  text: string;
  factorId: string;
  citations: Citation[];
}

export interface Risk {
  risk: string;
  mitigation: string;
  citations: Citation[];
}

export interface ChangeTrigger {
  /** A concrete threshold: "more than 3 teams blocked by one release train". */
  condition: string;
  wouldMoveTo: Verdict;
}

export interface Assumption {
  fact: FactKey;
  /** What the engine assumed for a fact it did not have. */
  assumed: string;
  /** The fact's human name ("Container platform"), for channels that cannot import FACT_LABELS (the web page). */
  label?: string;
}

export interface Assessment {
  verdict: Verdict;
  /** 0..1 */
  confidence: number;
  scores: Record<Verdict, number>;
  /** For hybrid (and microservices): the services whose boundary pays for itself. */
  extractedServices: string[];
  reasons: Reason[];
  factors: FactorResult[];
  risks: Risk[];
  changeTriggers: ChangeTrigger[];
  nextSteps: string[];
  assumptions: Assumption[];
  /** Every document cited anywhere above, de-duplicated. */
  citations: Citation[];
  /** Acceptable alternative when the scores are close, with why. */
  runnerUp?: { verdict: Verdict; why: string };
  engineVersion: string;
}
