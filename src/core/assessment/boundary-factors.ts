/**
 * GenAI boundary factors: the few places where a separate service pays for itself (GPU inference,
 * heavy ingestion, a compliance or sandbox boundary, a language boundary, reuse by other products) -
 * and the one that does not (a hosted model API).
 */
import type { Component } from '../profile/profile.js';
import { formatCount } from './assessment.js';
import { HEAVY_INGESTION_DOCUMENTS_PER_DAY, type ResolvedProfile } from './defaults.js';
import type { Factor } from './factors.js';

const BOUNDARY_WEIGHTS = { monolith: -3, 'modular-monolith': -1.5, hybrid: 6, microservices: 1 };
const ML_LANGUAGES = new Set(['Python']);
const family = (lang: string) => (lang === 'JavaScript' ? 'TypeScript' : lang === 'Kotlin' ? 'Java' : lang);
const families = (p: ResolvedProfile) => [...new Set(p.languages.map(family))];
const NAMES: Record<Component, string> = {
  ingestion: 'Ingestion workers',
  embedding: 'Embedding service',
  retrieval: 'Retrieval service',
  inference: 'Inference service',
  orchestration: 'Orchestration service',
  guardrails: 'Guardrails service',
  'post-processing': 'Post-processing workers',
  evaluation: 'Evaluation jobs',
  ui: 'UI',
};
const otherScaling = (p: ResolvedProfile) => p.independentScaling.filter((c) => c !== 'ingestion' && c !== 'inference');

export const BOUNDARY_FACTORS: Factor[] = [
  {
    id: 'self-hosted-gpu-inference',
    label: 'Self-hosted models on GPUs',
    facts: ['gpuInference', 'modelHosting', 'modelSizeB'],
    weights: { monolith: -2, 'modular-monolith': -1, hybrid: 4, microservices: 1 },
    citations: [
      'synthesis-when-to-extract-inference',
      'vllm-pagedattention',
      'kserve-gke-inference-autoscaling',
      'baseten-cold-starts',
      'serverlessllm-cold-starts',
    ],
    strength: (p) => (p.gpuInference ? (p.modelSizeB !== undefined && p.modelSizeB < 7 ? 0.7 : 1) : undefined),
    explain: (p) =>
      `Self-hosting ${p.modelSizeB ? `a ${p.modelSizeB}B model` : 'models'} on GPUs gives inference its own hardware, its own scaling signal (queue depth or batch size, not CPU) and cold starts measured in minutes for weights of tens to hundreds of GB - a boundary that pays for itself as a separate model server (vLLM, KServe).`,
    boundary: () => 'GPU inference (model server such as vLLM behind an OpenAI-compatible API)',
  },
  {
    id: 'hosted-api-inference',
    label: 'Inference is a hosted API call',
    facts: ['modelHosting'],
    weights: { monolith: 1, 'modular-monolith': 0.5 },
    citations: [
      'synthesis-genai-latency-vs-ops-cost',
      'datacenter-latency-numbers',
      'nvidia-nim-llm-benchmark',
      'litellm-gateway',
      'synthesis-model-gateway-platform',
    ],
    strength: (p) => (p.modelHosting === 'hosted-api' && !p.gpuInference ? 1 : undefined),
    explain: () =>
      'The model is a hosted API call, so there is nothing to scale or operate on your side. Splitting is not about latency either - one extra in-datacenter hop (~500 µs) is noise next to a ~10 s LLM response - the cost of a split is operational, and here it buys nothing.',
  },
  {
    id: 'heavy-ingestion',
    label: 'Heavy batch ingestion',
    facts: ['heavyIngestion', 'independentScaling', 'trafficShape'],
    weights: { monolith: -2, 'modular-monolith': -1, hybrid: 4, microservices: 1 },
    citations: ['synthesis-ingestion-workers', 'nvidia-rag-blueprint', 'infoworld-microservices-genai'],
    strength: (p) => (p.heavyIngestion || p.independentScaling.includes('ingestion') ? 1 : undefined),
    // The team's own figure, beside the threshold that matters; never a figure they did not give.
    explain: (p) =>
      `${
        p.documentsPerDay && p.known.has('documentsPerDay')
          ? `Ingesting ${formatCount(p.documentsPerDay)} documents a day (${p.documentsPerDay >= HEAVY_INGESTION_DOCUMENTS_PER_DAY ? 'at or above the ~1M a day where separate workers usually pay off' : 'below the ~1M a day where volume alone pays for separate workers; it counts because of how you describe the job'})`
          : 'Heavy ingestion (long parse, chunk and embed jobs)'
      } has a different load shape and failure mode from answering users; running it as queue-driven workers keeps a nightly backfill from starving live requests.`,
    boundary: () => 'Ingestion workers (queue-driven batch jobs: parse, chunk, embed)',
  },
  {
    id: 'compliance-boundary',
    label: 'Regulated data needs an isolation boundary',
    facts: ['complianceBoundary'],
    weights: BOUNDARY_WEIGHTS,
    citations: [
      'synthesis-compliance-and-sandbox-boundaries',
      'vogels-monoliths-not-dinosaurs',
      'istio-istiod',
      'hhs-hipaa-cloud-guidance',
      'openai-data-residency-europe',
    ],
    strength: (p) => (p.complianceBoundary ? 1 : undefined),
    explain: () =>
      'Regulated data (HIPAA, PCI, data residency) needs a boundary you can audit and lock down; isolating just the component that touches it shrinks the audited surface, while everything else stays in one deployable. Vogels: keep together what shares security vectors, separate what does not. Residency alone may not need it: model providers such as OpenAI process EU-project requests in-region.',
    boundary: () => 'Compliance boundary (the one service that touches regulated data)',
  },
  {
    id: 'untrusted-code-sandbox',
    label: 'Untrusted code must run in a sandbox',
    facts: ['untrustedCode'],
    weights: BOUNDARY_WEIGHTS,
    citations: [
      'synthesis-compliance-and-sandbox-boundaries',
      'synthesis-agents-tools-mcp-boundaries',
      'claude-code-sandboxing',
      'anthropic-building-effective-agents',
      'vogels-monoliths-not-dinosaurs',
    ],
    strength: (p) => (p.untrustedCode ? 1 : undefined),
    explain: () =>
      'Agents that execute user-supplied or model-generated code need an isolated runtime with its own permissions and resource limits, isolating both the filesystem and the network, with credentials held outside it; that sandbox is a security boundary, so it belongs in its own service even when everything else stays together, while the agent loop and its other tools stay in the application.',
    boundary: () => 'Code-execution sandbox (isolated runtime for user or agent code)',
  },
  {
    id: 'language-boundary',
    label: 'A language boundary',
    facts: ['languages'],
    weights: { monolith: -0.5, hybrid: 1.5, microservices: 0.5 },
    citations: ['huyen-genai-platform', 'khan-academy-services', 'synthesis-when-to-extract-inference'],
    // Stronger when the Python side runs models we operate (a reranker, an embedder): that code cannot move
    // into the product's runtime, and bridging it in-process (cgo, embedded interpreters) rarely holds up.
    // Not a reason to extract anything when teams already run their own services in several languages:
    // that boundary exists today.
    strength: (p) =>
      // Fewer than two languages cannot make two families: skip building them (this runs in every scoring).
      p.languages.length >= 2 &&
      families(p).length >= 2 &&
      families(p).some((l) => ML_LANGUAGES.has(l)) &&
      !(p.currentArchitecture === 'microservices' && p.teams >= 4)
        ? p.modelHosting === 'hosted-api'
          ? 1
          : 2
        : undefined,
    explain: (p) =>
      `The product code is in ${families(p)
        .filter((l) => !ML_LANGUAGES.has(l))
        .join(
          '/',
        )} while the ML stack is Python; a process boundary there is cheaper than forcing one runtime on both.`,
    boundary: (p) =>
      `Python ML service (language boundary with ${families(p)
        .filter((l) => !ML_LANGUAGES.has(l))
        .join('/')})`,
  },
  {
    id: 'reused-by-other-products',
    label: 'Other products depend on part of it',
    facts: ['reusedByOtherProducts'],
    weights: { hybrid: 2, microservices: 1 },
    citations: ['team-topologies', 'uber-doma', 'dora-loosely-coupled'],
    strength: (p) => (p.reusedByOtherProducts ? 1 : undefined),
    explain: () =>
      'Other products call part of this system; a shared capability with its own consumers and release cadence is a natural service boundary (a platform offering, in Team Topologies terms).',
    boundary: () => 'Shared capability service used by other products (e.g. retrieval or model gateway)',
  },
  {
    id: 'independent-scaling',
    label: 'A component scales very differently',
    facts: ['independentScaling'],
    weights: { monolith: -0.5, hybrid: 1.5, microservices: 1 },
    citations: ['vogels-monoliths-not-dinosaurs', 'istio-istiod', 'infoworld-microservices-genai'],
    strength: (p) => (otherScaling(p).length ? 1 : undefined),
    explain: (p) =>
      `${otherScaling(p).join(' and ')} must scale independently of the rest; Vogels' rule is to keep together what shares scaling needs and separate what does not.`,
    boundary: (p) =>
      otherScaling(p)
        .map((c) => NAMES[c])
        .join(', '),
  },
  {
    id: 'no-boundary-pays',
    label: 'No boundary pays for itself',
    facts: [],
    weights: { hybrid: -3 },
    citations: ['vogels-monoliths-not-dinosaurs', 'istio-istiod', 'synthesis-genai-latency-vs-ops-cost'],
    strength: (p) => (BOUNDARY_FACTORS.some((f) => f.boundary && f.strength(p) !== undefined) ? undefined : 1),
    explain: () =>
      'No component has a boundary that pays for itself (different hardware, batch load, compliance or a sandbox), so extracting services would add hops and operations without a return.',
  },
];
