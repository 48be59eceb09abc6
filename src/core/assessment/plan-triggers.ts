/**
 * Stated plans as "what would change this": every plan, idea or proposal the team mentioned becomes a
 * forward-looking entry, with what the engine recommends once it comes true (scored through the engine's
 * own what-if), including when the recommendation would stay the same.
 */
import type { TeamProfile } from '../profile/profile.js';
import type { Plan } from '../reading/reading.js';
import { type Assessment, type ChangeTrigger, recommendedPhrase } from './assessment.js';
import { scoreProfile } from './score-profile.js';

const MAX_QUOTE = 140;

const quote = (words: string) => {
  const w = words.replace(/\s+/g, ' ').trim();
  return w.length > MAX_QUOTE ? `${w.slice(0, MAX_QUOTE - 1).trimEnd()}…` : w;
};

/** Whose statement it is, in words: "Your plan", "What you are considering", "@ana's proposal". */
function whose(plan: Plan): string {
  if (plan.modality === 'planned') return 'Your plan';
  if (plan.modality === 'hypothetical') return 'What you are considering';
  return plan.speaker ? `The proposal (${plan.speaker})` : 'The proposal';
}

/** One entry per statement (its facts applied together), most recent last. */
export function planTriggers(
  a: Pick<Assessment, 'verdict'>,
  profile: TeamProfile,
  plans: readonly Plan[],
): ChangeTrigger[] {
  const byStatement = new Map<string, Plan[]>();
  for (const plan of plans) byStatement.set(plan.evidence, [...(byStatement.get(plan.evidence) ?? []), plan]);
  const out: ChangeTrigger[] = [];
  for (const [evidence, group] of byStatement) {
    const after: TeamProfile = { ...profile };
    for (const plan of group) Object.assign(after, { [plan.key]: plan.value });
    if (group.some((p) => p.key === 'modelHosting' && p.value !== 'hosted-api') && after.gpuInference === false) {
      after.gpuInference = undefined;
    }
    const verdict = scoreProfile(after).verdict;
    const stays = verdict === a.verdict;
    out.push({
      condition: `${whose(group[0]!)}: “${quote(evidence)}”${stays ? ` (I would still recommend ${recommendedPhrase(verdict)})` : ''}`,
      wouldMoveTo: verdict,
      plan: true,
    });
  }
  return out;
}

/** The assessment with the team's stated plans first under "what would change this". */
export function withPlans(a: Assessment, profile: TeamProfile, plans: readonly Plan[]): Assessment {
  if (!plans.length) return a;
  const entries = planTriggers(a, profile, plans);
  // A general trigger about what a plan already covers ("you start self-hosting…" beside "Your plan: …
  // self-host…") would say the same thing twice.
  const covered = new Set(plans.map((p) => p.key));
  const general = a.changeTriggers.filter((t) => !t.plan && !t.facts?.some((k) => covered.has(k)));
  return { ...a, changeTriggers: [...entries, ...general] };
}
