/** Risks of the chosen path, each with a mitigation and the documents behind it. */
import type { Verdict } from './assessment.js';
import { missingPrerequisites, type ResolvedProfile } from './defaults.js';

export interface RiskTemplate {
  risk: string;
  mitigation: string;
  citations: string[];
  when?: (p: ResolvedProfile) => boolean;
}

const RISKS: Record<Verdict, RiskTemplate[]> = {
  monolith: [
    {
      risk: 'Module boundaries erode into a big ball of mud as the team and the feature list grow.',
      mitigation:
        'Keep ingestion, retrieval, orchestration and evaluation in separate modules with one-way dependencies, checked in CI.',
      citations: ['fowler-microservice-premium', 'synthesis-modular-monolith-practice'],
    },
    {
      risk: 'A long-running job (re-embedding, a backfill) starves live requests in the same process.',
      mitigation:
        'Run batch work as a background worker from the same codebase and queue, so it can be scaled or split later.',
      citations: ['synthesis-ingestion-workers', 'vogels-monoliths-not-dinosaurs'],
    },
    {
      risk: 'Model calls get tied to one provider SDK across the codebase.',
      mitigation:
        'Route every model call through one interface or an OpenAI-compatible gateway with fallbacks and budgets.',
      citations: ['litellm-gateway', 'huyen-genai-platform', 'synthesis-model-gateway-platform'],
    },
  ],
  'modular-monolith': [
    {
      risk: "Module boundaries exist only on paper and teams still reach into each other's code and tables.",
      mitigation:
        'Give every module an owner, a public interface and its own tables; fail the build on forbidden dependencies.',
      citations: ['shopify-modular-monolith', 'synthesis-modular-monolith-practice'],
    },
    {
      risk: 'Release contention returns as more teams share one pipeline.',
      mitigation:
        'Track lead time and deploy frequency per team; when several teams are consistently blocked, extract the module with the clearest boundary first.',
      citations: ['dora-loosely-coupled', 'newman-microservices-baggage'],
    },
    {
      risk: 'Teams split into services before the basics are in place.',
      mitigation: 'Put CI/CD, tracing and on-call in place first; they pay off inside the monolith too.',
      citations: ['fowler-microservice-prerequisites', 'synthesis-prerequisites-before-splitting'],
      when: (p) => missingPrerequisites(p).length > 0,
    },
  ],
  hybrid: [
    {
      risk: 'The set of extracted services creeps beyond the boundaries that pay for themselves.',
      mitigation:
        'Extract a component only with a named reason (hardware, load shape, compliance, sandbox); keep everything else in the core.',
      citations: ['vogels-monoliths-not-dinosaurs', 'istio-istiod'],
    },
    {
      risk: 'GPU servers sit idle or cold-start for minutes under bursty load.',
      mitigation:
        'Autoscale the model server on queue depth or batch size, keep a warm minimum, and cache weights close to the nodes.',
      citations: ['kserve-gke-inference-autoscaling', 'baseten-cold-starts'],
      when: (p) => p.gpuInference,
    },
    {
      risk: 'Ingestion jobs are retried and duplicate or lose documents.',
      mitigation:
        'Make workers idempotent (content hashes as keys), with a dead-letter queue and progress you can resume.',
      citations: ['synthesis-ingestion-workers'],
      when: (p) => p.heavyIngestion,
    },
    {
      risk: 'The isolation boundary leaks (shared credentials, shared database, broad network access).',
      mitigation: 'Give the isolated service its own identity, storage and egress rules; audit it separately.',
      citations: ['synthesis-compliance-and-sandbox-boundaries'],
      when: (p) => p.complianceBoundary || p.untrustedCode,
    },
    {
      risk: 'Each extracted service needs its own on-call, dashboards and deploys.',
      mitigation:
        'Trace every request across the core and the extracted services from day one; budget observability explicitly.',
      citations: ['majors-observability-spend', 'fowler-microservice-prerequisites'],
    },
  ],
  microservices: [
    {
      risk: 'Services that must ship together become a distributed monolith.',
      mitigation:
        'One team per service, versioned contracts, consumer-driven tests; merge services that always change together.',
      citations: ['synthesis-distributed-monolith-signals', 'newman-microservices-baggage'],
    },
    {
      risk: 'Observability and infrastructure overhead grows with every service.',
      mitigation:
        'Budget 15-25% of infrastructure spend for observability; standardise service templates on the platform.',
      citations: ['majors-observability-spend', 'kanev-datacenter-tax'],
    },
    {
      risk: 'Over-splitting adds serialization and network cost on hot paths.',
      mitigation: "Group services by domain (Uber's DOMA) and keep chatty components in one process.",
      citations: ['service-weaver-hotos', 'uber-doma'],
    },
    {
      risk: 'Kubernetes and platform complexity is underestimated.',
      mitigation: 'Invest in a platform team and golden paths before multiplying services.',
      citations: ['humanitec-k8s-complexity', 'team-topologies'],
      when: (p) => !p.platformTeam,
    },
  ],
};

// Personal data without an isolation requirement: a data-protection risk whatever the architecture.
const DATA_PROTECTION: RiskTemplate = {
  risk: 'Personal data leaks through prompts, logs, traces, caches or the vector store, or is kept longer than allowed.',
  mitigation:
    'Map where personal data flows, redact it before prompts, logs and traces, set retention on chat logs and embeddings, and restrict who can read them; a separate service is needed only if an auditor or contract requires isolation.',
  citations: ['synthesis-compliance-and-sandbox-boundaries'],
  when: (p) => p.sensitiveData && !p.complianceBoundary,
};

/** The risks that apply to `verdict` for this profile. */
export function risksFor(verdict: Verdict, p: ResolvedProfile): RiskTemplate[] {
  return [...RISKS[verdict], DATA_PROTECTION].filter((r) => !r.when || r.when(p));
}
