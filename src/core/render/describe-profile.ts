/** Short human phrases for what Archie knows about a team ("3 engineers", "hosted model API"). */
import type { FactKey, TeamProfile } from '../profile/profile.js';

const yn = (v: boolean | undefined, yes: string, no: string) => (v === undefined ? undefined : v ? yes : no);

const PHRASES: { [K in FactKey]?: (p: TeamProfile) => string | undefined } = {
  engineers: (p) => (p.engineers ? `${p.engineers} engineer${p.engineers === 1 ? '' : 's'}` : undefined),
  teams: (p) => (p.teams ? `${p.teams} team${p.teams === 1 ? '' : 's'}` : undefined),
  stage: (p) => (p.stage ? `stage: ${p.stage}` : undefined),
  users: (p) => (p.users !== undefined ? `${p.users.toLocaleString('en-US')} users` : undefined),
  requestsPerDay: (p) =>
    p.requestsPerDay !== undefined ? `${p.requestsPerDay.toLocaleString('en-US')} requests/day` : undefined,
  trafficShape: (p) => (p.trafficShape ? `${p.trafficShape} traffic` : undefined),
  modelHosting: (p) =>
    p.modelHosting === 'hosted-api'
      ? 'hosted model API'
      : p.modelHosting === 'self-hosted'
        ? 'self-hosted models'
        : p.modelHosting === 'mixed'
          ? 'hosted and self-hosted models'
          : undefined,
  gpuInference: (p) => yn(p.gpuInference, 'GPU inference you operate', 'no GPUs to operate'),
  modelSizeB: (p) => (p.modelSizeB ? `${p.modelSizeB}B-parameter model` : undefined),
  components: (p) => (p.components?.length ? `components: ${p.components.join(', ')}` : undefined),
  independentScaling: (p) =>
    p.independentScaling?.length ? `scales separately: ${p.independentScaling.join(', ')}` : undefined,
  differentChangePace: (p) =>
    p.differentChangePace?.length ? `changes at its own pace: ${p.differentChangePace.join(', ')}` : undefined,
  documentsPerDay: (p) =>
    p.documentsPerDay !== undefined ? `${p.documentsPerDay.toLocaleString('en-US')} documents/day ingested` : undefined,
  corpusDocuments: (p) =>
    p.corpusDocuments !== undefined ? `${p.corpusDocuments.toLocaleString('en-US')} documents searched` : undefined,
  heavyIngestion: (p) => yn(p.heavyIngestion, 'heavy batch ingestion', 'light ingestion'),
  ciCd: (p) => yn(p.ciCd, 'CI/CD', 'no CI/CD'),
  deploysPerWeek: (p) => (p.deploysPerWeek !== undefined ? `${p.deploysPerWeek} deploys/week` : undefined),
  tracing: (p) => yn(p.tracing, 'distributed tracing', 'no tracing'),
  onCall: (p) => yn(p.onCall, 'on-call', 'no on-call'),
  containerPlatform: (p) =>
    p.containerPlatform
      ? `platform: ${p.containerPlatform === 'none' ? 'no containers' : p.containerPlatform}`
      : undefined,
  platformTeam: (p) => yn(p.platformTeam, 'a platform team', 'no platform team'),
  services: (p) => (p.services ? `${p.services} service${p.services === 1 ? '' : 's'} deployed today` : undefined),
  releaseFriction: (p) => yn(p.releaseFriction, 'teams block each other on a shared release', 'no release contention'),
  complianceBoundary: (p) => yn(p.complianceBoundary, 'regulated data to isolate', 'no compliance boundary'),
  sensitiveData: (p) => yn(p.sensitiveData, 'personal data (PII)', 'no personal data'),
  untrustedCode: (p) => yn(p.untrustedCode, 'runs untrusted/generated code', 'no untrusted code'),
  languages: (p) => (p.languages?.length ? `languages: ${p.languages.join(', ')}` : undefined),
  reusedByOtherProducts: (p) => yn(p.reusedByOtherProducts, 'reused by other products', undefined as never),
  deploymentTopology: (p) =>
    p.deploymentTopology === 'customer-installed'
      ? 'installed and run by your customers'
      : p.deploymentTopology === 'edge'
        ? 'runs on devices at the edge'
        : p.deploymentTopology === 'hosted'
          ? 'you host it for your users'
          : undefined,
  currentArchitecture: (p) =>
    p.currentArchitecture
      ? `today: ${p.currentArchitecture === 'none' ? 'nothing built yet' : p.currentArchitecture}`
      : undefined,
  pains: (p) => (p.pains?.length ? `pains: ${p.pains.join(', ')}` : undefined),
};

/** One phrase for a single fact, if it is known. */
export function describeFact(profile: TeamProfile, key: FactKey): string | undefined {
  return PHRASES[key]?.(profile);
}

/** Phrases for every known fact (optionally only `keys`), in catalogue order. */
export function describeProfile(profile: TeamProfile, keys?: readonly FactKey[]): string[] {
  const wanted = keys ?? (Object.keys(PHRASES) as FactKey[]);
  return wanted.map((k) => describeFact(profile, k)).filter((s): s is string => Boolean(s));
}
