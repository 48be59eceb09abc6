/**
 * Defaults for missing facts. The engine always reasons over a complete profile, and every fact it had
 * to assume is reported in `assumptions`, with why, so the user can correct it. A default is what is most
 * likely given what is known (size, deploy frequency, services already running, users): a team running 80
 * services is assumed to trace them, one deploying daily to be in production with someone on call. With
 * nothing to go on it is the common case for a genAI team (a hosted model API, hosted CI) and conservative
 * on operations (no tracing). The table is documented in docs/defaults.md.
 */

import type {
  Architecture,
  Component,
  ContainerPlatform,
  DeploymentTopology,
  FactKey,
  ModelHosting,
  Pain,
  Stage,
  TeamProfile,
  TrafficShape,
} from '../profile/profile.js';
import { type Assumption, formatCount } from './assessment.js';

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
  documentsPerDay?: number;
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
  /** Who runs it (no default: only a stated topology changes anything). */
  deploymentTopology?: DeploymentTopology;
  currentArchitecture: Architecture;
  pains: Pain[];
  known: ReadonlySet<FactKey>;
  /** Facts nobody stated whose default follows from what was said (tracing from 80 running services). */
  conditioned: ReadonlySet<FactKey>;
}

const LIVE_STAGES: Stage[] = ['production', 'scale'];
const NO_FACTS: ReadonlySet<FactKey> = new Set();

/** Documents a day from which separate ingestion workers usually pay off. */
export const HEAVY_INGESTION_DOCUMENTS_PER_DAY = 1_000_000;

/** Thresholds of the default table (docs/defaults.md): where context makes a default the likely case. */
export const DEFAULT_THRESHOLDS = {
  /** Engineers per team when only one of the two is known (teams are usually 5–9 people). */
  engineersPerTeam: 8,
  /** An organisation this large is shipping to users (production assumed). */
  liveEngineers: 20,
  /** Services already running that imply tracing is in place (nobody runs that many blind). */
  tracedServices: 10,
  /** Services that imply Kubernetes (or an equivalent orchestrator). */
  kubernetesServices: 20,
  /** Engineers, teams or services above which a platform team is almost always there. */
  platformEngineers: 100,
  platformTeams: 10,
  platformServices: 50,
} as const;

const T = DEFAULT_THRESHOLDS;
const n = formatCount;

/** Why an unknown fact was given its default: the context it follows from, in words, or the common case. */
type Because = Partial<Record<FactKey, string>>;

/**
 * What each default assumes, in words, in the order assumptions are listed. Only read for facts the team
 * did not state. Module-level: the interview resolves dozens of "what if" profiles per turn without
 * explanations, and those must not pay for the text.
 */
const ASSUMPTION_TEXT: [FactKey, (r: ResolvedProfile) => string][] = [
  ['teams', (r) => (r.teams === 1 ? 'one team' : `about ${r.teams} teams`)],
  ['engineers', (r) => `about ${r.engineers} engineers`],
  [
    'stage',
    (r) =>
      r.stage === 'production' ? 'in production with real users' : 'a pilot with early users, not yet in production',
  ],
  [
    'modelHosting',
    (r) =>
      r.modelHosting === 'self-hosted'
        ? 'self-hosted models'
        : 'a hosted model API (OpenAI, Anthropic, Bedrock, Gemini…)',
  ],
  ['ciCd', () => 'automated CI/CD'],
  ['tracing', (r) => (r.tracing ? 'distributed tracing is in place' : 'no distributed tracing yet')],
  ['onCall', (r) => (r.onCall ? 'someone is on call' : 'no on-call rotation yet')],
  ['containerPlatform', (r) => (r.containerPlatform === 'kubernetes' ? 'Kubernetes' : 'containers without Kubernetes')],
  [
    'platformTeam',
    (r) => (r.platformTeam ? 'a platform team runs shared infrastructure' : 'no dedicated platform team'),
  ],
  ['releaseFriction', () => 'teams are not blocked by a shared release'],
  ['complianceBoundary', () => 'no regulated data that must be isolated'],
  ['untrustedCode', () => 'no untrusted or generated code is executed'],
  [
    'heavyIngestion',
    (r) => (r.heavyIngestion ? 'heavy ingestion' : 'light document ingestion, no multi-hour batch jobs'),
  ],
  [
    'currentArchitecture',
    (r) =>
      r.currentArchitecture === 'none'
        ? 'nothing built yet'
        : r.currentArchitecture === 'microservices'
          ? 'separately deployed services today'
          : 'a single deployable today',
  ],
];

/** Fills gaps in `profile` and lists what was assumed and why (`explain: false` skips the text). */
export function resolveProfile(
  profile: TeamProfile,
  options: { explain?: boolean } = {},
): { resolved: ResolvedProfile; assumptions: Assumption[] } {
  // for…in, not Object.keys(): V8 reads an object's own keys through its enum cache, several times faster.
  const known = new Set<FactKey>();
  for (const key in profile) if (profile[key as FactKey] !== undefined) known.add(key as FactKey);
  const explain = options.explain ?? true;
  const because: Because = {};
  const why = (fact: FactKey, text: () => string) => {
    if (explain && !known.has(fact)) because[fact] = text();
  };

  const services = profile.services ?? 0;
  // A platform team implies several stream-aligned teams to serve (Team Topologies).
  const teams =
    profile.teams ??
    (profile.engineers ? Math.max(1, Math.ceil(profile.engineers / T.engineersPerTeam)) : profile.platformTeam ? 4 : 1);
  why('teams', () =>
    profile.engineers
      ? teams === 1
        ? `${n(profile.engineers)} engineer${profile.engineers === 1 ? ' is' : 's make'} one team`
        : `${n(profile.engineers)} engineers usually work as about ${teams} teams of 5–9 people`
      : profile.platformTeam
        ? 'a platform team usually serves several product teams'
        : 'no team size was given',
  );
  const engineers = profile.engineers ?? (teams > 1 ? teams * 7 : 5);
  why('engineers', () => (teams > 1 ? `${teams} teams of 5–9 people` : 'no team size was given'));

  // Users, traffic, on-call, regular deploys, services already running or an organisation of this size:
  // nobody has those for a pilot.
  const runsServices =
    profile.currentArchitecture === 'microservices' || profile.currentArchitecture === 'hybrid' || services >= 2;
  const liveSignal = profile.users
    ? `you have ${n(profile.users)} users`
    : profile.requestsPerDay
      ? `you serve ${n(profile.requestsPerDay)} requests a day`
      : profile.onCall
        ? 'you run an on-call rotation'
        : (profile.deploysPerWeek ?? 0) >= 1
          ? `you deploy to production about ${n(profile.deploysPerWeek!)} times a week`
          : runsServices
            ? services
              ? `you already run ${n(services)} services`
              : 'you already run separate services'
            : engineers >= T.liveEngineers && known.has('engineers')
              ? `an organisation of ${n(engineers)} engineers ships to users`
              : teams >= 3 && known.has('teams')
                ? `${teams} teams ship to users`
                : undefined;
  const stage = profile.stage ?? (liveSignal ? 'production' : 'pilot');
  why('stage', () => liveSignal ?? 'nothing you said shows users in production yet');
  const modelHosting =
    profile.modelHosting ?? (profile.gpuInference || profile.modelSizeB ? 'self-hosted' : 'hosted-api');
  why('modelHosting', () =>
    modelHosting === 'self-hosted'
      ? profile.modelSizeB
        ? `you run a ${profile.modelSizeB}B model`
        : 'you operate GPUs for inference'
      : 'most genAI teams call a provider’s model API',
  );
  const live = LIVE_STAGES.includes(stage);
  const tracingContext =
    services >= T.tracedServices
      ? `you already run ${n(services)} services`
      : profile.currentArchitecture === 'microservices' && profile.platformTeam
        ? 'you run services with a platform team'
        : undefined;
  const kubernetesContext = services >= T.kubernetesServices ? `you run ${n(services)} services` : undefined;
  const platformContext =
    engineers >= T.platformEngineers && known.has('engineers')
      ? `organisations of ${n(engineers)} engineers almost always have one`
      : teams >= T.platformTeams && known.has('teams')
        ? `${teams} teams almost always share one`
        : services >= T.platformServices
          ? `${n(services)} services are rarely run without one`
          : undefined;
  const documentsPerDay = profile.documentsPerDay ?? 0;

  // Every key in one literal (optional facts too, undefined when unknown), so the list of what a factor
  // can read is here in one place.
  const resolved: ResolvedProfile = {
    engineers,
    teams,
    stage,
    modelHosting,
    gpuInference: profile.gpuInference ?? (modelHosting === 'self-hosted' || modelHosting === 'mixed'),
    modelSizeB: profile.modelSizeB,
    users: profile.users,
    requestsPerDay: profile.requestsPerDay,
    trafficShape: profile.trafficShape,
    deploysPerWeek: profile.deploysPerWeek,
    documentsPerDay: profile.documentsPerDay,
    components: profile.components ?? [],
    independentScaling: profile.independentScaling ?? [],
    differentChangePace: profile.differentChangePace ?? [],
    heavyIngestion: profile.heavyIngestion ?? documentsPerDay >= HEAVY_INGESTION_DOCUMENTS_PER_DAY,
    ciCd: profile.ciCd ?? true,
    tracing: profile.tracing ?? Boolean(tracingContext),
    onCall: profile.onCall ?? live,
    containerPlatform: profile.containerPlatform ?? (kubernetesContext ? 'kubernetes' : 'containers'),
    platformTeam: profile.platformTeam ?? Boolean(platformContext),
    releaseFriction: profile.releaseFriction ?? false,
    complianceBoundary: profile.complianceBoundary ?? false,
    sensitiveData: profile.sensitiveData ?? false,
    untrustedCode: profile.untrustedCode ?? false,
    languages: profile.languages ?? [],
    reusedByOtherProducts: profile.reusedByOtherProducts ?? false,
    deploymentTopology: profile.deploymentTopology,
    currentArchitecture:
      profile.currentArchitecture ?? (stage === 'idea' ? 'none' : services >= 5 ? 'microservices' : 'monolith'),
    pains: profile.pains ?? [],
    known,
    conditioned: NO_FACTS,
  };
  // Defaults that follow from what was said (most profiles have none: share one empty set).
  if (
    (!known.has('tracing') && tracingContext) ||
    (!known.has('onCall') && live) ||
    (!known.has('containerPlatform') && kubernetesContext) ||
    (!known.has('platformTeam') && platformContext) ||
    (!known.has('ciCd') && (profile.deploysPerWeek ?? 0) >= 1)
  ) {
    const conditioned = new Set<FactKey>();
    if (!known.has('tracing') && tracingContext) conditioned.add('tracing');
    if (!known.has('onCall') && live && (profile.stage || liveSignal)) conditioned.add('onCall');
    if (!known.has('containerPlatform') && kubernetesContext) conditioned.add('containerPlatform');
    if (!known.has('platformTeam') && platformContext) conditioned.add('platformTeam');
    if (!known.has('ciCd') && (profile.deploysPerWeek ?? 0) >= 1) conditioned.add('ciCd');
    resolved.conditioned = conditioned;
  }
  const assumptions: Assumption[] = [];
  if (explain) {
    why('ciCd', () =>
      (profile.deploysPerWeek ?? 0) >= 1
        ? `you deploy about ${n(profile.deploysPerWeek!)} times a week`
        : 'most teams build and deploy from hosted CI such as GitHub Actions',
    );
    why('tracing', () => tracingContext ?? 'nothing you said mentions tracing');
    why('onCall', () =>
      live
        ? (liveSignal ?? 'the system is in production')
        : 'a pilot rarely has a rotation; nothing you said mentions one',
    );
    why(
      'containerPlatform',
      () => kubernetesContext ?? 'most teams ship containers; nothing you said mentions Kubernetes',
    );
    why('platformTeam', () => platformContext ?? 'nothing you said mentions one');
    why('releaseFriction', () => 'nothing you said mentions teams waiting on each other');
    why('complianceBoundary', () => 'nothing you said requires isolating data');
    why('untrustedCode', () => 'nothing you said mentions running generated code');
    why('heavyIngestion', () =>
      documentsPerDay
        ? `${n(documentsPerDay)} documents a day ${documentsPerDay >= HEAVY_INGESTION_DOCUMENTS_PER_DAY ? 'reaches' : 'is below'} the ~1M a day where separate ingestion workers usually pay off`
        : 'nothing you said mentions large ingestion jobs',
    );
    why('currentArchitecture', () =>
      stage === 'idea'
        ? 'the product is still an idea'
        : services >= 5
          ? `you run ${n(services)} services`
          : 'nothing you said mentions separate services',
    );
    for (const [fact, text] of ASSUMPTION_TEXT) {
      if (profile[fact] === undefined) {
        const reason = because[fact];
        assumptions.push({ fact, assumed: reason ? `${text(resolved)} (${reason})` : text(resolved), because: reason });
      }
    }
  }
  return { resolved, assumptions };
}

/**
 * Operational maturity 0..5: CI/CD, tracing, on-call, container platform (k8s 1, containers ½), platform
 * team. A fact nobody stated counts ½ (an assumption must not decide that prerequisites are missing),
 * unless its default follows from what was said (tracing for a team running 80 services).
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

/** `value` for a stated fact or a default that follows from what was said, ½ for a plain assumption. */
function stated(p: ResolvedProfile, key: FactKey, value: number): number {
  return p.known.has(key) || p.conditioned.has(key) ? value : 0.5;
}

/** The prerequisites still missing, in words. */
export function missingPrerequisites(p: ResolvedProfile): string[] {
  return PREREQUISITES.filter((x) => x.missing(p)).map((x) => x.words);
}

/** Each operational prerequisite: its fact, its name, and when it is missing. */
export const PREREQUISITES: { fact: FactKey; words: string; missing: (p: ResolvedProfile) => boolean }[] = [
  { fact: 'ciCd', words: 'automated CI/CD', missing: (p) => !p.ciCd },
  { fact: 'tracing', words: 'distributed tracing', missing: (p) => !p.tracing },
  { fact: 'onCall', words: 'an on-call rotation', missing: (p) => !p.onCall },
  { fact: 'containerPlatform', words: 'a container platform', missing: (p) => p.containerPlatform === 'none' },
  { fact: 'platformTeam', words: 'a platform team', missing: (p) => !p.platformTeam && p.teams >= 4 },
];

/**
 * The prerequisites missing (or in place), split into what the team said and what was assumed, in words:
 * "automated CI/CD; not mentioned, so assumed missing: distributed tracing".
 */
export function prerequisitesInWords(p: ResolvedProfile, which: 'missing' | 'present'): string {
  const chosen = PREREQUISITES.filter((x) => x.missing(p) === (which === 'missing'));
  const stated = chosen.filter((x) => p.known.has(x.fact)).map((x) => x.words);
  const assumed = chosen.filter((x) => !p.known.has(x.fact)).map((x) => x.words);
  const said = stated.join(', ');
  if (!assumed.length) return said;
  const note = `${which === 'missing' ? 'not mentioned, so assumed missing' : 'assumed in place'}: ${assumed.join(', ')}`;
  return said ? `${said}; ${note}` : note;
}

/** The prerequisite facts that make the maturity factors apply (missing ones, or the ones in place). */
export function prerequisiteFacts(p: ResolvedProfile, which: 'missing' | 'present'): FactKey[] {
  return PREREQUISITES.filter((x) => x.missing(p) === (which === 'missing')).map((x) => x.fact);
}
