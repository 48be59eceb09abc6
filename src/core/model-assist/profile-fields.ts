/** A compact description of the team-profile fields for the extraction prompt, derived from the schema. */
import { z } from 'zod';
import { FACT_KEYS, type FactKey, teamProfileSchema } from '../profile/profile.js';

const HINTS: Record<FactKey, string> = {
  engineers: 'engineers working on the system',
  teams: 'separate teams (squads) working on it',
  stage: 'product stage',
  users: 'monthly active users',
  requestsPerDay: 'requests per day',
  trafficShape: 'shape of the load',
  modelHosting: 'hosted API models, self-hosted, or both',
  gpuInference: 'they run models on GPUs they operate',
  modelSizeB: 'largest self-hosted model, billions of parameters',
  components: 'parts the system has',
  independentScaling: 'components whose load or hardware differs sharply from the rest',
  differentChangePace: 'components that change at a clearly different pace',
  documentsPerDay: 'documents ingested or re-processed per day',
  corpusDocuments: 'documents in the collection the system searches',
  heavyIngestion: 'heavy batch ingestion (millions of documents, long jobs)',
  ciCd: 'automated CI/CD pipeline',
  deploysPerWeek: 'production deploys per week',
  tracing: 'monitoring with distributed tracing',
  onCall: 'an on-call rotation',
  containerPlatform: 'what they deploy on',
  platformTeam: 'a dedicated platform/infra team',
  services: 'separately deployed services running today',
  releaseFriction: 'teams block each other on a shared release',
  complianceBoundary: 'regulated data or a tenant that must be isolated (HIPAA, PCI, residency)',
  sensitiveData: 'personal or regulated data is handled (PII, GDPR), with no isolation requirement stated',
  untrustedCode: 'agents execute untrusted or generated code needing a sandbox',
  languages: 'programming languages used',
  reusedByOtherProducts: 'other products call parts of this system',
  deploymentTopology: 'hosted by the team, installed by customers on their own infrastructure, or on edge devices',
  currentArchitecture: 'what they run today',
  pains: 'problems they report',
};

/** One line per field: name, type or allowed values, meaning. */
export function describeProfileFields(): string {
  const json = z.toJSONSchema(teamProfileSchema, { io: 'input' }) as {
    properties: Record<string, { type?: string; enum?: string[]; items?: { enum?: string[]; type?: string } }>;
  };
  return FACT_KEYS.map((key) => {
    const p = json.properties[key] ?? {};
    const type = p.enum
      ? `one of ${p.enum.join(' | ')}`
      : p.type === 'array'
        ? `list of ${p.items?.enum ? p.items.enum.join(' | ') : (p.items?.type ?? 'string')}`
        : (p.type ?? 'value');
    return `- ${key} (${type}): ${HINTS[key]}`;
  }).join('\n');
}
