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

/**
 * A close call: the runner-up is within one score point of the verdict (about the weight of one moderate
 * factor), compared on the scores as shown, rounded to one decimal. The only definition: every channel,
 * the ADR and the JSON output use it and formatScore.
 */
export const CLOSE_CALL_POINTS = 1;

/** A whole number with thousands separators ("200,000"), without Intl (the engine runs it per assessment). */
export function formatCount(n: number): string {
  const [whole, fraction] = String(n).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** A score as every channel shows it: one decimal ("2.9"). */
export function formatScore(score: number): string {
  return (Math.round(score * 10) / 10).toFixed(1);
}

/** True when `runnerUp` is within CLOSE_CALL_POINTS of `winner`, on the scores as shown. */
export function isCloseCall(winner: number, runnerUp: number): boolean {
  return Number(formatScore(winner)) - Number(formatScore(runnerUp)) <= CLOSE_CALL_POINTS + 1e-9;
}

/** A source in the knowledge base. Only ids that exist in `knowledge/` may appear. */
export interface Citation {
  id: string;
  title: string;
  /**
   * A source's public URL. For an Archie synthesis: its own page, absolute when the public address is known
   * (PUBLIC_URL), otherwise the site path `/knowledge/<id>`; never a third-party page.
   */
  url: string;
  /** The organisation's own document (KNOWLEDGE_DIRS); its title then ends with ORGANISATION_MARK. */
  organisation?: true;
  /** For a synthesis: the public sources it rests on, which channels list when its page cannot be linked. */
  basedOn?: Citation[];
}

/** One named, weighted factor that moved the scores, with the documents that justify it. */
export interface FactorResult {
  id: string;
  label: string;
  /** Signed contribution per verdict (positive pushes towards it). */
  contributions: Partial<Record<Verdict, number>>;
  explanation: string;
  facts: FactKey[];
  /** The facts that made it apply, when narrower than `facts` (the missing prerequisites). */
  decidedBy?: FactKey[];
  citations: Citation[];
}

export interface Reason {
  text: string;
  factorId: string;
  citations: Citation[];
  /** The stated facts this reason rests on (never an assumed one). */
  facts?: FactKey[];
  /** What the team said or answered for those facts ("we're 9 engineers", "answered: 2–3 teams"). */
  evidence?: string[];
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
  /** True for an entry read from the team's own plans (it may name the current verdict: nothing changes). */
  plan?: boolean;
  /** The facts the condition changes. */
  facts?: FactKey[];
}

export interface Assumption {
  fact: FactKey;
  /** What the engine assumed for a fact it did not have, with why in brackets when context decided it. */
  assumed: string;
  /** Why it was assumed: the context it follows from ("you already run 80 services") or the common case. */
  because?: string;
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
  /** The organisation's constraints that acted on this result (KNOWLEDGE_DIRS), each with its source. */
  organisationConstraints?: {
    name: string;
    value: string | number;
    reason?: string;
    effect: string;
    source: Citation;
  }[];
  /** Acceptable alternative when the scores are close, with why. */
  runnerUp?: { verdict: Verdict; why: string };
  engineVersion: string;
}
