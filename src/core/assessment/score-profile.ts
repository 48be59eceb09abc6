/**
 * The engine's scoring core: factor strengths times weights, summed per verdict, ranked. assessProfile
 * builds its explanation on top of this same loop, so the fast path below cannot disagree with it.
 * The interview scores every candidate answer of every open question each turn; that path needs only
 * the verdict and the scores, not citations, risks or assumption text.
 */
import type { TeamProfile } from '../profile/profile.js';
import { VERDICTS, type Verdict } from './assessment.js';
import { type ResolvedProfile, resolveProfile } from './defaults.js';
import { FACTORS, type Factor } from './factors.js';

/** The verdict, the runner-up and the rounded score of every verdict. */
export interface ProfileScore {
  verdict: Verdict;
  runnerUp: Verdict;
  scores: Record<Verdict, number>;
}

const round = (n: number) => Math.round(n * 100) / 100;
// Ties go to the simpler architecture (VERDICTS is ordered simplest first).
const byScore = (scores: Record<Verdict, number>) => (a: Verdict, b: Verdict) =>
  scores[b] - scores[a] || VERDICTS.indexOf(a) - VERDICTS.indexOf(b);

/** Scores a resolved profile; `visit` sees each factor that applies with its effective strength. */
export function scoreResolved(
  resolved: ResolvedProfile,
  visit?: (factor: Factor, strength: number) => void,
): ProfileScore {
  const scores: Record<Verdict, number> = { monolith: 0, 'modular-monolith': 0, hybrid: 0, microservices: 0 };
  for (const factor of FACTORS) {
    const raw = factor.strength(resolved);
    if (raw === undefined) continue;
    // A factor that reads only assumed facts counts half: assumptions may tip a verdict, not carry it.
    const assumedOnly = factor.facts.length > 0 && factor.facts.every((f) => !resolved.known.has(f));
    const strength = assumedOnly ? raw / 2 : raw;
    for (const v of VERDICTS) {
      const w = factor.weights[v];
      if (w !== undefined) scores[v] += w * strength;
    }
    visit?.(factor, strength);
  }
  for (const v of VERDICTS) scores[v] = round(scores[v]);
  const ranked = [...VERDICTS].sort(byScore(scores));
  return { verdict: ranked[0]!, runnerUp: ranked[1]!, scores };
}

/** Verdict and scores only (no citations, risks, triggers, next steps or assumption text). */
export function scoreProfile(profile: TeamProfile): ProfileScore {
  return scoreResolved(resolveProfile(profile, { explain: false }).resolved);
}
