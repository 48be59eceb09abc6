/**
 * What would change the verdict: concrete conditions, chosen for what is not already true, each listed only
 * when applying it to the profile through the engine's own scoring yields the verdict it names (so a
 * trigger can never promise a move the engine would not make).
 */
import type { TeamProfile } from '../profile/profile.js';
import type { ChangeTrigger, Verdict } from './assessment.js';
import { missingPrerequisites, type ResolvedProfile } from './defaults.js';

interface TriggerTemplate extends ChangeTrigger {
  when: (p: ResolvedProfile, verdict: Verdict) => boolean;
  /** The condition as facts: what the profile would say if it came true. */
  apply: (profile: TeamProfile, p: ResolvedProfile) => TeamProfile;
}

const blockedTeams = (profile: TeamProfile, p: ResolvedProfile): TeamProfile => ({
  ...profile,
  teams: Math.max(4, p.teams),
  engineers: Math.max(p.engineers, 4 * 7),
  releaseFriction: true,
});
const readyPlatform = (profile: TeamProfile): TeamProfile => ({
  ...profile,
  ciCd: true,
  tracing: true,
  onCall: true,
  containerPlatform: 'kubernetes',
});

const simpler = (v: Verdict) => v === 'monolith' || v === 'modular-monolith';

const TRIGGERS: TriggerTemplate[] = [
  {
    condition:
      'You start self-hosting a model on your own GPUs (for example a 70B open-weights model) instead of calling a hosted API',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.gpuInference,
    apply: (profile) => ({ ...profile, modelHosting: 'self-hosted', gpuInference: true, modelSizeB: 70 }),
  },
  {
    condition: 'Ingestion grows to millions of documents or multi-hour batch jobs that compete with live traffic',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.heavyIngestion,
    apply: (profile) => ({ ...profile, heavyIngestion: true, documentsPerDay: 2_000_000 }),
  },
  {
    condition:
      'An auditor, regulator or customer contract requires the personal data to be isolated (its own environment, region or tenant)',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && p.sensitiveData && !p.complianceBoundary && !p.untrustedCode,
    apply: (profile) => ({ ...profile, complianceBoundary: true }),
  },
  {
    condition:
      'Regulated data (HIPAA, PCI, data residency) or user/agent-generated code must run behind an isolation boundary',
    wouldMoveTo: 'hybrid',
    when: (p, v) => simpler(v) && !p.complianceBoundary && !p.untrustedCode && !p.sensitiveData,
    apply: (profile) => ({ ...profile, complianceBoundary: true }),
  },
  {
    condition: 'A second team starts working in the codebase, or the team grows past about 10 engineers',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'monolith' && p.teams <= 1,
    apply: (profile, p) => ({ ...profile, teams: 2, engineers: Math.max(p.engineers, 12) }),
  },
  {
    condition: 'More than 3 teams are blocked by one shared release, with CI/CD, tracing and on-call already in place',
    wouldMoveTo: 'microservices',
    when: (p, v) => v !== 'microservices' && missingPrerequisites(p).length === 0,
    apply: (profile, p) => readyPlatform(blockedTeams(profile, p)),
  },
  {
    condition:
      'CI/CD, distributed tracing, on-call and a container platform are all in place and more than 3 teams still wait on one shared release',
    wouldMoveTo: 'microservices',
    when: (p, v) => v !== 'microservices' && missingPrerequisites(p).length > 0 && p.teams >= 3,
    apply: (profile, p) => readyPlatform(blockedTeams(profile, p)),
  },
  {
    condition: 'You move inference back to a hosted model API, so no GPU servers remain to operate',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'hybrid' && p.gpuInference && !p.heavyIngestion && !p.complianceBoundary && !p.untrustedCode,
    apply: (profile) => ({ ...profile, modelHosting: 'hosted-api', gpuInference: false, modelSizeB: undefined }),
  },
  {
    condition: "Four or more teams are blocked by the core's shared release even after module ownership is enforced",
    wouldMoveTo: 'microservices',
    when: (p, v) => v === 'hybrid' && p.teams >= 2,
    apply: (profile, p) => blockedTeams(profile, p),
  },
  {
    condition: 'The team shrinks to one team of fewer than about 8 engineers',
    wouldMoveTo: 'monolith',
    when: (p, v) => v === 'modular-monolith' && p.teams > 1,
    apply: (profile) => ({ ...profile, teams: 1, engineers: 6 }),
  },
  {
    condition: 'Services keep shipping together (a release train across services) or on-call load outgrows the teams',
    wouldMoveTo: 'modular-monolith',
    when: (_p, v) => v === 'microservices',
    apply: (profile, p) => ({
      ...profile,
      releaseFriction: true,
      pains: [...new Set([...p.pains, 'distributed-monolith' as const, 'ops-overhead' as const])],
    }),
  },
  {
    condition: 'The organisation drops to 2-3 teams',
    wouldMoveTo: 'modular-monolith',
    when: (p, v) => v === 'microservices' && p.teams > 3,
    apply: (profile, p) => ({ ...profile, teams: 3, engineers: Math.min(p.engineers, 24) }),
  },
];

/**
 * Up to four triggers that would move `verdict` elsewhere: each template whose condition is not already
 * true, kept only when `score` (the engine's own scoring) of the profile with the condition applied gives
 * the verdict it names.
 */
export function changeTriggersFor(
  verdict: Verdict,
  p: ResolvedProfile,
  profile: TeamProfile,
  score: (profile: TeamProfile) => Verdict,
): ChangeTrigger[] {
  const out: ChangeTrigger[] = [];
  for (const t of TRIGGERS) {
    if (out.length === 4) break;
    if (!t.when(p, verdict)) continue;
    const after = t.apply(profile, p);
    if (score(after) !== t.wouldMoveTo) continue;
    const facts = (Object.keys(after) as (keyof TeamProfile)[]).filter((k) => after[k] !== profile[k]);
    out.push({ condition: t.condition, wouldMoveTo: t.wouldMoveTo, facts });
  }
  return out;
}

/** Each trigger's condition applied to a profile, for tests of the what-if property. */
export function triggerProfile(condition: string, profile: TeamProfile, p: ResolvedProfile): TeamProfile | undefined {
  return TRIGGERS.find((t) => t.condition === condition)?.apply(profile, p);
}
