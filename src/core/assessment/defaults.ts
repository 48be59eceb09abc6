/**
 * Defaults for missing facts. The engine always reasons over a complete profile, and every fact it had
 * to assume is reported in `assumptions` so the user can correct it. Defaults follow the common case for
 * a genAI team (a hosted model API, hosted CI) and lean conservative on operations (no tracing assumed).
 */

import type {
  Architecture,
  Component,
  ContainerPlatform,
  FactKey,
  ModelHosting,
  Pain,
  Stage,
  TeamProfile,
  TrafficShape,
} from '../profile/profile.js';
import type { Assumption } from './assessment.js';

/** A profile with every fact the factors read filled in, plus which facts were actually known. */
export interface ResolvedProfile {
  engineers: number;
  teams: number;
  stage: Stage;
  modelHosting: ModelHosting;
  gpuInference: boolean;
  modelSizeB?: number;
  users?: number;
  requestsPerDay?: number;
  trafficShape?: TrafficShape;
  deploysPerWeek?: number;
  components: Component[];
  independentScaling: Component[];
  differentChangePace: Component[];
  heavyIngestion: boolean;
  ciCd: boolean;
  tracing: boolean;
  onCall: boolean;
  containerPlatform: ContainerPlatform;
  platformTeam: boolean;
  releaseFriction: boolean;
  complianceBoundary: boolean;
  /** Personal data is handled (no default assumed: it only adds a data-protection risk). */
  sensitiveData: boolean;
  untrustedCode: boolean;
  languages: string[];
  reusedByOtherProducts: boolean;
  currentArchitecture: Architecture;
  pains: Pain[];
  known: ReadonlySet<FactKey>;
}

const LIVE_STAGES: Stage[] = ['production', 'scale'];
const OPTIONAL_FACTS = ['modelSizeB', 'users', 'requestsPerDay', 'trafficShape', 'deploysPerWeek'] as const;

/**
 * `value` when the team stated it, else `fallback`, noting the assumption when `notes` is given.
 * Module-level (not a closure per call): the interview resolves dozens of "what if" profiles per turn.
 */
function assume<T>(
  notes: Assumption[] | undefined,
  fact: FactKey,
  value: T | undefined,
  fallback: T,
  text: (v: T) => string,
): T {
  if (value !== undefined) return value;
  notes?.push({ fact, assumed: text(fallback) });
  return fallback;
}

/** Fills gaps in `profile` and lists what was assumed (`explain: false` skips the assumption text). */
export function resolveProfile(
  profile: TeamProfile,
  options: { explain?: boolean } = {},
): { resolved: ResolvedProfile; assumptions: Assumption[] } {
  const explain = options.explain ?? true;
  const known = new Set((Object.keys(profile) as FactKey[]).filter((k) => profile[k] !== undefined));
  const assumptions: Assumption[] = [];
  const notes = explain ? assumptions : undefined;

  // A platform team implies several stream-aligned teams to serve (Team Topologies).
  const teams = assume(
    notes,
    'teams',
    profile.teams,
    profile.engineers ? Math.max(1, Math.ceil(profile.engineers / 8)) : profile.platformTeam ? 4 : 1,
    (v) =>
      v === 1
        ? 'one team'
        : profile.engineers
          ? `about ${v} teams (roughly 8 engineers per team)`
          : `about ${v} teams (you have a platform team)`,
  );
  const engineers = assume(notes, 'engineers', profile.engineers, teams > 1 ? teams * 7 : 5, (v) =>
    teams > 1 ? `about ${v} engineers (about 7 per team)` : `about ${v} engineers`,
  );
  const liveSignals = Boolean(profile.users || profile.requestsPerDay || profile.onCall);
  const stage = assume<Stage>(notes, 'stage', profile.stage, liveSignals ? 'production' : 'pilot', (v) =>
    v === 'production'
      ? 'in production (you mention real traffic or on-call)'
      : 'a pilot with early users, not yet in production',
  );
  const modelHosting = assume<ModelHosting>(
    notes,
    'modelHosting',
    profile.modelHosting,
    profile.gpuInference || profile.modelSizeB ? 'self-hosted' : 'hosted-api',
    (v) =>
      v === 'self-hosted'
        ? 'self-hosted models (you mention GPUs or a model size)'
        : 'a hosted model API (OpenAI, Anthropic, Bedrock, Gemini…)',
  );
  const gpuInference = profile.gpuInference ?? (modelHosting === 'self-hosted' || modelHosting === 'mixed');
  const live = LIVE_STAGES.includes(stage);
  const ciCd = assume(notes, 'ciCd', profile.ciCd, true, () => 'automated CI/CD (hosted CI such as GitHub Actions)');
  const tracing = assume(notes, 'tracing', profile.tracing, false, () => 'no distributed tracing yet');
  const onCall = assume(notes, 'onCall', profile.onCall, live, (v) =>
    v ? 'someone is on call (the system is in production)' : 'no on-call rotation yet',
  );
  const containerPlatform = assume(
    notes,
    'containerPlatform',
    profile.containerPlatform,
    'containers',
    () => 'containers without Kubernetes',
  );
  const platformTeam = assume(notes, 'platformTeam', profile.platformTeam, false, () => 'no dedicated platform team');
  const releaseFriction = assume(
    notes,
    'releaseFriction',
    profile.releaseFriction,
    false,
    () => 'teams are not blocked by a shared release',
  );
  const complianceBoundary = assume(
    notes,
    'complianceBoundary',
    profile.complianceBoundary,
    false,
    () => 'no regulated data that must be isolated',
  );
  const untrustedCode = assume(
    notes,
    'untrustedCode',
    profile.untrustedCode,
    false,
    () => 'no untrusted or generated code is executed',
  );
  const heavyIngestion = assume(
    notes,
    'heavyIngestion',
    profile.heavyIngestion,
    false,
    () => 'document ingestion is light (no multi-hour batch jobs)',
  );
  const currentArchitecture = assume<Architecture>(
    notes,
    'currentArchitecture',
    profile.currentArchitecture,
    stage === 'idea' ? 'none' : 'monolith',
    (v) => (v === 'none' ? 'nothing built yet' : 'a single deployable today'),
  );

  const resolved: ResolvedProfile = {
    engineers,
    teams,
    stage,
    modelHosting,
    gpuInference,
    components: profile.components ?? [],
    independentScaling: profile.independentScaling ?? [],
    differentChangePace: profile.differentChangePace ?? [],
    heavyIngestion,
    ciCd,
    tracing,
    onCall,
    containerPlatform,
    platformTeam,
    releaseFriction,
    complianceBoundary,
    sensitiveData: profile.sensitiveData ?? false,
    untrustedCode,
    languages: profile.languages ?? [],
    reusedByOtherProducts: profile.reusedByOtherProducts ?? false,
    currentArchitecture,
    pains: profile.pains ?? [],
    known,
  };
  for (const key of OPTIONAL_FACTS) {
    if (profile[key] !== undefined) (resolved as unknown as Record<string, unknown>)[key] = profile[key];
  }
  return { resolved, assumptions };
}

/**
 * Operational maturity 0..5: CI/CD, tracing, on-call, container platform (k8s 1, containers ½), platform
 * team. A fact nobody stated counts ½: an assumption must not decide that prerequisites are missing.
 */
export function opsMaturity(p: ResolvedProfile): number {
  const platform = p.containerPlatform === 'kubernetes' ? 1 : p.containerPlatform === 'containers' ? 0.5 : 0;
  return (
    stated(p, 'ciCd', Number(p.ciCd)) +
    stated(p, 'tracing', Number(p.tracing)) +
    stated(p, 'onCall', Number(p.onCall)) +
    stated(p, 'containerPlatform', platform) +
    stated(p, 'platformTeam', Number(p.platformTeam))
  );
}

/** `value` for a stated fact, ½ for an assumed one. */
function stated(p: ResolvedProfile, key: FactKey, value: number): number {
  return p.known.has(key) ? value : 0.5;
}

/** The prerequisites still missing, in words. */
export function missingPrerequisites(p: ResolvedProfile): string[] {
  const out: string[] = [];
  if (!p.ciCd) out.push('automated CI/CD');
  if (!p.tracing) out.push('distributed tracing');
  if (!p.onCall) out.push('an on-call rotation');
  if (p.containerPlatform === 'none') out.push('a container platform');
  if (!p.platformTeam && p.teams >= 4) out.push('a platform team');
  return out;
}
