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

/** True when the factor reads facts and none of them was stated. */
function readsOnlyAssumed(factor: Factor, known: ReadonlySet<string>): boolean {
  if (factor.facts.length === 0) return false;
  for (const f of factor.facts) if (known.has(f)) return false;
  return true;
}

/** Each factor's weight per verdict, by index in VERDICTS (undefined where it has none). */
const WEIGHTS: (number | undefined)[][] = FACTORS.map((f) => VERDICTS.map((v) => f.weights[v]));

/**
 * Scores a resolved profile; `visit` sees each factor that applies with its effective strength. `allowed`
 * (an organisation's constraint) limits the verdict and the runner-up to those verdicts; scores stay as
 * they are, so what a constraint ruled out remains visible.
 */
export function scoreResolved(
  resolved: ResolvedProfile,
  visit?: (factor: Factor, strength: number) => void,
  allowed?: ReadonlySet<Verdict>,
): ProfileScore {
  // One sum per verdict, in VERDICTS order, in a number array: the interview scores dozens of profiles per
  // turn, and adding into an object keyed by verdict name cost more than the factors themselves.
  const sums = [0, 0, 0, 0];
  for (let i = 0; i < FACTORS.length; i++) {
    const factor = FACTORS[i]!;
    const raw = factor.strength(resolved);
    if (raw === undefined) continue;
    // A factor that reads only assumed facts counts half: assumptions may tip a verdict, not carry it.
    const strength = readsOnlyAssumed(factor, resolved.known) ? raw / 2 : raw;
    const weights = WEIGHTS[i]!;
    for (let k = 0; k < sums.length; k++) {
      const w = weights[k];
      if (w !== undefined) sums[k]! += w * strength;
    }
    visit?.(factor, strength);
  }
  for (let k = 0; k < sums.length; k++) sums[k] = round(sums[k]!);
  // Highest and second-highest score; ties go to the simpler architecture (VERDICTS is simplest first,
  // and only a strictly higher score displaces an earlier verdict), except as preferOnTie says.
  let top = -1;
  let second = -1;
  for (let k = 0; k < sums.length; k++) {
    if (allowed && !allowed.has(VERDICTS[k]!)) continue;
    if (top === -1 || sums[k]! > sums[top]!) {
      second = top;
      top = k;
    } else if (second === -1 || sums[k]! > sums[second]!) second = k;
  }
  if (second === -1) second = top; // only one verdict allowed: it is its own runner-up
  let verdict = VERDICTS[top]!;
  let runnerUp = VERDICTS[second]!;
  if (sums[second] === sums[top] && preferOnTie(verdict, runnerUp, resolved) === runnerUp) {
    [verdict, runnerUp] = [runnerUp, verdict];
  }
  const scores: Record<Verdict, number> = {
    monolith: sums[0]!,
    'modular-monolith': sums[1]!,
    hybrid: sums[2]!,
    microservices: sums[3]!,
  };
  return { verdict, runnerUp, scores };
}

/**
 * Which of two equally scored verdicts to recommend (`simpler` is the simpler one). A tie means the
 * evidence does not favour a move, so the architecture the team already runs wins when it works (no
 * operational pain, no release friction): a migration needs a reason, not a coin toss. Otherwise the
 * simpler architecture wins, because it is cheaper to grow out of than to consolidate back.
 */
export function preferOnTie(simpler: Verdict, other: Verdict, p: ResolvedProfile): Verdict {
  const works =
    p.known.has('currentArchitecture') &&
    !p.releaseFriction &&
    !p.pains.some((x) => x === 'ops-overhead' || x === 'distributed-monolith' || x === 'cascading-failures');
  return works && p.currentArchitecture === other ? other : simpler;
}

/** Verdict and scores only (no citations, risks, triggers, next steps or assumption text). */
export function scoreProfile(profile: TeamProfile, allowed?: ReadonlySet<Verdict>): ProfileScore {
  return scoreResolved(resolveProfile(profile, { explain: false }).resolved, undefined, allowed);
}
