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

/**
 * What each default assumes, in words, in the order assumptions are listed. Only read for facts the team
 * did not state, where the resolved value is the default. Module-level: the interview resolves dozens of
 * "what if" profiles per turn without explanations, and those must not pay for the text.
 */
const ASSUMPTION_TEXT: [FactKey, (r: ResolvedProfile, profile: TeamProfile) => string][] = [
  [
    'teams',
    (r, profile) =>
      r.teams === 1
        ? 'one team'
        : profile.engineers
          ? `about ${r.teams} teams (roughly 8 engineers per team)`
          : `about ${r.teams} teams (you have a platform team)`,
  ],
  [
    'engineers',
    (r) => (r.teams > 1 ? `about ${r.engineers} engineers (about 7 per team)` : `about ${r.engineers} engineers`),
  ],
  [
    'stage',
    (r) =>
      r.stage === 'production'
        ? 'in production (you mention real traffic, on-call or services you already run)'
        : 'a pilot with early users, not yet in production',
  ],
  [
    'modelHosting',
    (r) =>
      r.modelHosting === 'self-hosted'
        ? 'self-hosted models (you mention GPUs or a model size)'
        : 'a hosted model API (OpenAI, Anthropic, Bedrock, Gemini…)',
  ],
  ['ciCd', () => 'automated CI/CD (hosted CI such as GitHub Actions)'],
  ['tracing', () => 'no distributed tracing yet'],
  ['onCall', (r) => (r.onCall ? 'someone is on call (the system is in production)' : 'no on-call rotation yet')],
  ['containerPlatform', () => 'containers without Kubernetes'],
  ['platformTeam', () => 'no dedicated platform team'],
  ['releaseFriction', () => 'teams are not blocked by a shared release'],
  ['complianceBoundary', () => 'no regulated data that must be isolated'],
  ['untrustedCode', () => 'no untrusted or generated code is executed'],
  ['heavyIngestion', () => 'document ingestion is light (no multi-hour batch jobs)'],
  [
    'currentArchitecture',
    (r) => (r.currentArchitecture === 'none' ? 'nothing built yet' : 'a single deployable today'),
  ],
];

/** Fills gaps in `profile` and lists what was assumed (`explain: false` skips the assumption text). */
export function resolveProfile(
  profile: TeamProfile,
  options: { explain?: boolean } = {},
): { resolved: ResolvedProfile; assumptions: Assumption[] } {
  // for…in, not Object.keys(): V8 reads an object's own keys through its enum cache, several times faster.
  const known = new Set<FactKey>();
  for (const key in profile) if (profile[key as FactKey] !== undefined) known.add(key as FactKey);

  // A platform team implies several stream-aligned teams to serve (Team Topologies).
  const teams =
    profile.teams ?? (profile.engineers ? Math.max(1, Math.ceil(profile.engineers / 8)) : profile.platformTeam ? 4 : 1);
  // Users, traffic, on-call, or an estate of services already running: nobody runs those for a pilot.
  const runsServices = profile.currentArchitecture === 'microservices' || profile.currentArchitecture === 'hybrid';
  const liveSignals = Boolean(profile.users || profile.requestsPerDay || profile.onCall || runsServices);
  const stage = profile.stage ?? (liveSignals ? 'production' : 'pilot');
  const modelHosting =
    profile.modelHosting ?? (profile.gpuInference || profile.modelSizeB ? 'self-hosted' : 'hosted-api');

  // Every key in one literal (optional facts too, undefined when unknown): all resolved profiles then
  // share one shape, and the factors' property reads stay fast.
  const resolved: ResolvedProfile = {
    engineers: profile.engineers ?? (teams > 1 ? teams * 7 : 5),
    teams,
    stage,
    modelHosting,
    gpuInference: profile.gpuInference ?? (modelHosting === 'self-hosted' || modelHosting === 'mixed'),
    modelSizeB: profile.modelSizeB,
    users: profile.users,
    requestsPerDay: profile.requestsPerDay,
    trafficShape: profile.trafficShape,
    deploysPerWeek: profile.deploysPerWeek,
    components: profile.components ?? [],
    independentScaling: profile.independentScaling ?? [],
    differentChangePace: profile.differentChangePace ?? [],
    heavyIngestion: profile.heavyIngestion ?? false,
    ciCd: profile.ciCd ?? true,
    tracing: profile.tracing ?? false,
    onCall: profile.onCall ?? LIVE_STAGES.includes(stage),
    containerPlatform: profile.containerPlatform ?? 'containers',
    platformTeam: profile.platformTeam ?? false,
    releaseFriction: profile.releaseFriction ?? false,
    complianceBoundary: profile.complianceBoundary ?? false,
    sensitiveData: profile.sensitiveData ?? false,
    untrustedCode: profile.untrustedCode ?? false,
    languages: profile.languages ?? [],
    reusedByOtherProducts: profile.reusedByOtherProducts ?? false,
    currentArchitecture: profile.currentArchitecture ?? (stage === 'idea' ? 'none' : 'monolith'),
    pains: profile.pains ?? [],
    known,
  };
  const assumptions: Assumption[] = [];
  if (options.explain ?? true) {
    for (const [fact, text] of ASSUMPTION_TEXT) {
      if (profile[fact] === undefined) assumptions.push({ fact, assumed: text(resolved, profile) });
    }
  }
  return { resolved, assumptions };
}

/**
 * Operational maturity 0..5: CI/CD, tracing, on-call, container platform (k8s 1, containers ½), platform
 * team. A fact nobody stated counts ½: an assumption must not decide that prerequisites are missing.
 */
export function opsMaturity(p: ResolvedProfile): number {
  // Several factors ask for the same profile's maturity in one scoring; resolved profiles are never edited.
  if (p === maturityOf.profile) return maturityOf.value;
  const value = computeMaturity(p);
  maturityOf = { profile: p, value };
  return value;
}

let maturityOf: { profile?: ResolvedProfile; value: number } = { value: 0 };

function computeMaturity(p: ResolvedProfile): number {
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
