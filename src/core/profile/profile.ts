/**
 * The team profile: what Archie knows about a team's genAI system. The zod schema is the single source
 * of truth (the model's structured output and stored records are validated against it).
 */
import { z } from 'zod';

export const STAGES = ['idea', 'prototype', 'pilot', 'production', 'scale'] as const;
export const MODEL_HOSTING = ['hosted-api', 'self-hosted', 'mixed'] as const;
export const COMPONENTS = [
  'ingestion',
  'embedding',
  'retrieval',
  'inference',
  'orchestration',
  'guardrails',
  'post-processing',
  'evaluation',
  'ui',
] as const;
export const ARCHITECTURES = ['none', 'monolith', 'modular-monolith', 'hybrid', 'microservices'] as const;
export const CONTAINER_PLATFORMS = ['none', 'containers', 'kubernetes'] as const;
export const TRAFFIC_SHAPES = ['steady', 'spiky', 'batch'] as const;
export const DEPLOYMENT_TOPOLOGIES = ['hosted', 'customer-installed', 'edge'] as const;
export const PAINS = [
  'slow-releases',
  'merge-conflicts',
  'cascading-failures',
  'scaling-cost',
  'gpu-cost',
  'ops-overhead',
  'distributed-monolith',
  'slow-builds',
  'team-contention',
] as const;

export type Stage = (typeof STAGES)[number];
export type ModelHosting = (typeof MODEL_HOSTING)[number];
export type Component = (typeof COMPONENTS)[number];
export type Architecture = (typeof ARCHITECTURES)[number];
export type ContainerPlatform = (typeof CONTAINER_PLATFORMS)[number];
export type TrafficShape = (typeof TRAFFIC_SHAPES)[number];
export type DeploymentTopology = (typeof DEPLOYMENT_TOPOLOGIES)[number];
export type Pain = (typeof PAINS)[number];

export const teamProfileSchema = z.object({
  /** Engineers working on the system. */
  engineers: z.number().int().min(1).max(100_000).optional(),
  /** Separate teams (squads) working on the system. */
  teams: z.number().int().min(1).max(10_000).optional(),
  stage: z.enum(STAGES).optional(),
  /** Active users (monthly). */
  users: z.number().min(0).optional(),
  requestsPerDay: z.number().min(0).optional(),
  trafficShape: z.enum(TRAFFIC_SHAPES).optional(),
  modelHosting: z.enum(MODEL_HOSTING).optional(),
  /** Self-hosted models run on GPUs the team operates. */
  gpuInference: z.boolean().optional(),
  /** Largest self-hosted model, in billions of parameters. */
  modelSizeB: z.number().min(0).optional(),
  components: z.array(z.enum(COMPONENTS)).optional(),
  /** Components whose load or hardware differs sharply from the rest. */
  independentScaling: z.array(z.enum(COMPONENTS)).optional(),
  /** Components that change at a different pace (e.g. prompts and models weekly, ingestion yearly). */
  differentChangePace: z.array(z.enum(COMPONENTS)).optional(),
  /** Documents ingested or re-processed per day. */
  documentsPerDay: z.number().min(0).optional(),
  /** Size of the document collection the system searches. */
  corpusDocuments: z.number().min(0).optional(),
  /** Heavy batch ingestion (millions of documents, long-running jobs). */
  heavyIngestion: z.boolean().optional(),
  ciCd: z.boolean().optional(),
  deploysPerWeek: z.number().min(0).optional(),
  /** Monitoring with distributed tracing. */
  tracing: z.boolean().optional(),
  onCall: z.boolean().optional(),
  containerPlatform: z.enum(CONTAINER_PLATFORMS).optional(),
  platformTeam: z.boolean().optional(),
  /** Separately deployed services running today. */
  services: z.number().int().min(1).max(100_000).optional(),
  /** Teams block each other on a shared release. */
  releaseFriction: z.boolean().optional(),
  /** Regulated data or a tenant that must be isolated (HIPAA, PCI, data residency). */
  complianceBoundary: z.boolean().optional(),
  /** Personal or regulated data is stored or processed (PII, GDPR); by itself not an isolation requirement. */
  sensitiveData: z.boolean().optional(),
  /** Agents execute untrusted or generated code that must be sandboxed. */
  untrustedCode: z.boolean().optional(),
  languages: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** Other products call parts of this system (e.g. a shared retrieval or inference service). */
  reusedByOtherProducts: z.boolean().optional(),
  /** Who runs it: the team for its users, customers on their own infrastructure, or devices at the edge. */
  deploymentTopology: z.enum(DEPLOYMENT_TOPOLOGIES).optional(),
  currentArchitecture: z.enum(ARCHITECTURES).optional(),
  pains: z.array(z.enum(PAINS)).optional(),
});

export type TeamProfile = z.infer<typeof teamProfileSchema>;
export type FactKey = keyof TeamProfile;
export const FACT_KEYS = Object.keys(teamProfileSchema.shape) as FactKey[];

/**
 * How a fact was obtained: stated in a message, answered to a question, corrected, or proposed by a model
 * (kept only when its evidence is in the user's own words). Assumptions are never stored as facts.
 */
export type FactSource = 'stated' | 'answered' | 'corrected' | 'model';
export const FACT_SOURCES: readonly FactSource[] = ['stated', 'answered', 'corrected', 'model'];

export interface FactRecord {
  source: FactSource;
  /** The user's words it was read from (for "why?" and for the user to check). */
  evidence?: string;
  /** Where those words are in the message they came from. */
  span?: [number, number];
  /** Who said it, when read from a conversation of several people ("@ana"). */
  speaker?: string;
  at: string;
}

export type Provenance = Partial<Record<FactKey, FactRecord>>;

/** One fact the reader (or a model, or an answer) proposes; merging applies it to a profile. */
export interface FactUpdate<K extends FactKey = FactKey> {
  key: K;
  value: NonNullable<TeamProfile[K]>;
  evidence?: string;
  span?: [number, number];
  /** A number stated as a range ("5–6 teams"): the value used is inside it. */
  range?: [number, number];
  /** True when the text corrects an earlier value ("actually we're 12"). */
  correction?: boolean;
  /** Who said it, when read from a thread ("@ana"). */
  speaker?: string;
}
