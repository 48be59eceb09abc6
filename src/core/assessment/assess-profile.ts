/**
 * The deterministic engine: scores the four verdicts with the factor catalogue and explains the result
 * (reasons, risks, triggers, next steps, assumptions, citations). Pure: the same profile always yields
 * the same assessment. Citations resolve through the given lookup or knowledge base, else through the
 * repository's knowledge/ front-matter.
 */
import type { KnowledgeBase } from '../knowledge/knowledge.js';
import type { FactKey, TeamProfile } from '../profile/profile.js';
import {
  type Assessment,
  CLOSE_CALL_POINTS,
  type FactorResult,
  formatScore,
  isCloseCall,
  type Reason,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
} from './assessment.js';
import { type CitationLookup, citationLookupFrom, resolveCitations } from './citation-catalogue.js';
import { computeConfidence } from './confidence.js';
import { resolveProfile } from './defaults.js';
import { ENGINE_VERSION } from './engine-version.js';
import { nextStepsFor } from './next-steps.js';
import { risksFor } from './risks.js';
import { scoreProfile, scoreResolved } from './score-profile.js';
import { changeTriggersFor } from './triggers.js';

export { ENGINE_VERSION } from './engine-version.js';

/** Documents that back each verdict as a whole (so every result cites at least two sources). */
const VERDICT_CITATIONS: Record<Verdict, string[]> = {
  monolith: ['fowler-monolith-first', 'vogels-monoliths-not-dinosaurs'],
  'modular-monolith': ['shopify-modular-monolith', 'synthesis-modular-monolith-practice'],
  hybrid: ['synthesis-when-to-extract-inference', 'vogels-monoliths-not-dinosaurs'],
  microservices: ['newman-microservices-baggage', 'fowler-microservice-prerequisites'],
};
const MAX_REASONS = 5;
const round = (n: number) => Math.round(n * 100) / 100;

/** Limits an organisation's constraints put on the result (src/core/constraints/apply-constraints.ts). */
export interface AssessOptions {
  /** Only these verdicts may be recommended (or named as the runner-up). */
  allowed?: ReadonlySet<Verdict>;
  /** At most this many extracted services, kept in the catalogue's order (GPU inference, ingestion, compliance, …). */
  maxExtracted?: number;
}

/** Assesses a team profile; `source` is a citation lookup or a loaded knowledge base. */
export function assessProfile(
  profile: TeamProfile,
  source?: CitationLookup | Pick<KnowledgeBase, 'docs'>,
  options: AssessOptions = {},
): Assessment {
  const lookup = typeof source === 'function' ? source : source ? citationLookupFrom(source) : undefined;
  const cite = (ids: readonly string[]) => resolveCitations(ids, lookup);
  const { resolved, assumptions } = resolveProfile(profile);
  const scoreAllowed: typeof scoreResolved = (r, visit) => scoreResolved(r, visit, options.allowed);

  const factors: FactorResult[] = [];
  const boundaries: string[] = [];
  const {
    verdict,
    runnerUp: second,
    scores,
  } = scoreAllowed(resolved, (factor, strength) => {
    const contributions: Partial<Record<Verdict, number>> = {};
    for (const v of VERDICTS) {
      const w = factor.weights[v];
      if (w !== undefined) contributions[v] = round(w * strength);
    }
    factors.push({
      id: factor.id,
      label: factor.label,
      contributions,
      explanation: factor.explain(resolved),
      facts: factor.facts,
      decidedBy: factor.decidedBy?.(resolved),
      citations: cite(factor.citations),
    });
    const boundary = factor.boundary?.(resolved);
    if (boundary) boundaries.push(boundary);
  });
  if (options.maxExtracted !== undefined) boundaries.splice(options.maxExtracted);
  const margin = scores[verdict] - scores[second];

  // A reason rests on what the team said: a factor that reads only assumed facts may tip the scores (at half
  // strength) but is never given as a reason; the assumptions are listed separately.
  const reasons: Reason[] = factors
    .filter((f) => (f.contributions[verdict] ?? 0) > 0 && f.citations.length > 0 && restsOnStated(f, resolved.known))
    .sort((a, b) => (b.contributions[verdict] ?? 0) - (a.contributions[verdict] ?? 0) || a.id.localeCompare(b.id))
    .slice(0, MAX_REASONS)
    .map((f) => ({
      text: f.explanation,
      factorId: f.id,
      citations: f.citations,
      facts: (f.decidedBy ?? f.facts).filter((k) => resolved.known.has(k)),
    }));

  const extractedServices =
    verdict === 'hybrid' || verdict === 'microservices'
      ? boundaries.length
        ? boundaries
        : verdict === 'microservices'
          ? ['Services along team-owned domains (one team per service)']
          : []
      : [];

  const risks = risksFor(verdict, resolved).map((r) => ({
    risk: r.risk,
    mitigation: r.mitigation,
    citations: cite(r.citations),
  }));
  const changeTriggers = changeTriggersFor(
    verdict,
    resolved,
    profile,
    (what) => scoreProfile(what, options.allowed).verdict,
  );
  const confidence = computeConfidence(margin, statedShare(factors, verdict, second, resolved.known));

  const citations = dedupe([
    ...cite(VERDICT_CITATIONS[verdict]),
    ...reasons.flatMap((r) => r.citations),
    ...risks.flatMap((r) => r.citations),
  ]);

  const assessment: Assessment = {
    verdict,
    confidence,
    scores,
    extractedServices,
    reasons,
    factors,
    risks,
    changeTriggers,
    nextSteps: nextStepsFor(verdict, resolved, extractedServices),
    assumptions,
    citations,
    engineVersion: ENGINE_VERSION,
  };
  if (isCloseCall(scores[verdict], scores[second])) {
    const trigger = changeTriggers.find((t) => t.wouldMoveTo === second);
    assessment.runnerUp = {
      verdict: second,
      why: `Close call (score ${formatScore(scores[verdict])} vs ${formatScore(scores[second])}, within ${CLOSE_CALL_POINTS} point): ${VERDICT_LABELS[second].toLowerCase()} is also defensible${
        trigger
          ? `, and becomes the better fit if: ${trigger.condition.charAt(0).toLowerCase()}${trigger.condition.slice(1)}`
          : ''
      }.`,
    };
  }
  return assessment;
}

/**
 * How much of the verdict's lead over the runner-up rests on what the team said: each factor's share of
 * the lead counts as stated when the factor reads a stated fact (or none at all: a general rule such as
 * the microservice premium), as assumed when everything it reads was assumed.
 */
function statedShare(factors: FactorResult[], verdict: Verdict, second: Verdict, known: ReadonlySet<FactKey>): number {
  let lead = 0;
  let stated = 0;
  for (const f of factors) {
    const gap = (f.contributions[verdict] ?? 0) - (f.contributions[second] ?? 0);
    if (gap <= 0) continue;
    lead += gap;
    if (f.facts.length === 0 || f.facts.some((k) => known.has(k))) stated += gap;
  }
  return lead > 0 ? stated / lead : 0;
}

/**
 * True when what makes the factor apply includes a stated fact (or it reads none: a general rule such as the
 * microservice premium).
 */
function restsOnStated(f: FactorResult, known: ReadonlySet<FactKey>): boolean {
  const facts = f.decidedBy ?? f.facts;
  return f.facts.length === 0 || facts.some((k) => known.has(k));
}

function dedupe<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}
