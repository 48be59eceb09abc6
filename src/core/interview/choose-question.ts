/**
 * Picks the next question: only one whose answer could change the verdict. Each unknown fact is tried
 * with every possible answer through the real engine; questions that flip the verdict for more answers
 * (then move the scores more) come first.
 */
import { type Assessment, VERDICTS, type Verdict } from '../assessment/assessment.js';
import { type ProfileScore, scoreProfile } from '../assessment/score-profile.js';
import type { TeamProfile } from '../profile/profile.js';
import { applyUpdates } from './apply-updates.js';
import { QUESTIONS, type Question } from './questions.js';

export const DEFAULT_QUESTION_CAP = 3;

export interface RankedQuestion {
  question: Question;
  /** How many of its answers change the verdict. */
  flips: number;
  /** Verdicts some answer would move to. */
  wouldMoveTo: Verdict[];
  /** Largest change of the current verdict's margin over the runner-up, across answers. */
  spread: number;
}

export interface ChooseOptions {
  assess: (profile: TeamProfile) => Assessment;
  /** Question ids already answered or skipped. */
  done: readonly string[];
  baseline?: Assessment;
  /** Fast scorer for the candidate answers (same verdict as assessProfile); defaults to scoreProfile. */
  score?: (profile: TeamProfile) => Pick<ProfileScore, 'verdict' | 'scores'>;
}

/** The verdict's score minus the best other score. */
function margin(a: Pick<Assessment, 'scores'>, verdict: Verdict): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const v of VERDICTS) if (v !== verdict) best = Math.max(best, a.scores[v]);
  return a.scores[verdict] - best;
}

/** Every question that could still change the verdict, most informative first. */
export function rankQuestions(profile: TeamProfile, options: ChooseOptions): RankedQuestion[] {
  const baseline = options.baseline ?? options.assess(profile);
  const base = margin(baseline, baseline.verdict);
  const score = options.score ?? scoreProfile;
  const ranked: RankedQuestion[] = [];
  // Each trial copies one full-shape profile (a fast clone of a single hidden class) instead of merging
  // the profile into every fact key again; the copies are the same as applyUpdates(profile, updates).
  const full: Record<string, unknown> = applyUpdates(profile, []);
  for (const question of QUESTIONS) {
    if (options.done.includes(question.id) || profile[question.facts[0]!] !== undefined) continue;
    let flips = 0;
    let spread = 0;
    const wouldMoveTo = new Set<Verdict>();
    for (const option of question.options) {
      const trial = { ...full };
      for (const u of option.updates) trial[u.key] = u.value;
      const next = score(trial as TeamProfile);
      if (next.verdict !== baseline.verdict) {
        flips += 1;
        wouldMoveTo.add(next.verdict);
      }
      spread = Math.max(spread, Math.abs(margin(next, baseline.verdict) - base));
    }
    if (flips > 0) ranked.push({ question, flips, wouldMoveTo: [...wouldMoveTo], spread });
  }
  // Stable sort keeps catalogue order for ties.
  return ranked.sort((a, b) => b.flips - a.flips || b.spread - a.spread);
}

/** The next question to ask, or undefined when no answer could change the verdict or the cap is reached. */
export function chooseQuestion(
  profile: TeamProfile,
  options: ChooseOptions & { cap?: number; asked: number },
): { next: RankedQuestion; remaining: number } | undefined {
  const cap = options.cap ?? DEFAULT_QUESTION_CAP;
  if (options.asked >= cap) return undefined;
  const ranked = rankQuestions(profile, options);
  const next = ranked[0];
  return next ? { next, remaining: Math.min(ranked.length, cap - options.asked) } : undefined;
}
