/**
 * Held-out evaluation set for Archie's architecture verdict.
 *
 * Written from the public evidence in knowledge-sources.md (Prime Video, Segment, Istio, Shopify, Uber,
 * Monzo, Airbnb, Fowler's MonolithFirst / MicroservicePremium / MicroservicePrerequisites, Newman,
 * Thoughtworks Radar, DORA, Conway, Team Topologies, Chip Huyen, vLLM/KServe/Baseten notes) WITHOUT reading
 * the engine, its scenarios or its tests. Expected verdicts were fixed before Archie was run on them.
 *
 * Descriptions are deliberately messy (Slack style): typos, numbers in words, jargon, negations,
 * irrelevant details. `acceptable` lists alternatives an experienced architect would also defend.
 */

export type Verdict = 'monolith' | 'modular-monolith' | 'hybrid' | 'microservices';

export interface HeldOutScenario {
  id: string;
  description: string;
  expected: Verdict;
  acceptable?: Verdict[];
  why: string;
}

export const HELD_OUT_SCENARIOS: HeldOutScenario[] = [
  // ---------------------------------------------------------------- monolith (6)
  {
    id: 'mono-confluence-rag-3devs',
    description:
      "hey archie, quick one. we're 3 devs (me + two fullstack folks) building an internal RAG bot over our confluence + google drive. using OpenAI api for gen and embeddings, pgvector in our existing postgres, fastapi backend, tiny react front. ~150 users internally. we deploy by hand from my laptop lol, no CI yet. our CTO read something about microservices and wants ingestion, retrieval, chat and auth as seperate services 'so it scales'. thoughts??",
    expected: 'monolith',
    why: "Three devs, one team, hosted models, 150 users, no deploy automation: Fowler's MicroservicePrerequisites (rapid deployment, monitoring) are unmet and MonolithFirst applies. The CTO's wish is fashion, not a measured need (InfoWorld).",
  },
  {
    id: 'mono-hackathon-summarizer',
    description:
      'two of us. hackathon project that became prod: summarises zendesk tickets w/ claude api, one flask app on a single VM. should we split it up b4 it grows?',
    expected: 'monolith',
    why: 'Two engineers and a single hosted-API call path; no boundary pays for itself. Start with query -> model -> response (Chip Huyen) and split only on measured need.',
  },
  {
    id: 'mono-negations-faq-bot',
    description:
      "Context: we do NOT self host any models (all Azure OpenAI), we don't have k8s, no platform team, no SRE, nobody on call at night. Five engineers, one product team, shipping a customer-facing FAQ assistant for an e-commerce site, maybe twenty thousand chats/day at peak around black friday. No PHI, no payments data touches the bot. Not planning on running user code either. What shape should the backend be?",
    expected: 'monolith',
    why: 'Every hybrid trigger is explicitly negated (no self-hosting, no regulated data, no user code); one team of five with no platform. 20k chats/day is trivial load for one deployable (Stack Overflow ran far more on a monolith).',
  },
  {
    id: 'mono-primevideo-lambdas',
    description:
      'our doc-QA eval pipeline is step functions + ~9 lambdas passing intermediate json through S3 between each step (chunk -> embed -> retrieve -> judge w/ gpt-4o -> score). team of four. AWS bill is stupid, most of it is orchestration + S3 puts/gets not the LLM calls, and it falls over at like 5% of the load we need. someone linked the prime video article. do we collapse it?',
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: "Almost a replay of Prime Video's video-quality monitoring (orchestration and data passing dominate cost, ~5% of expected load): collapse into one process. A modular monolith is also defensible if they want explicit stage boundaries.",
  },
  {
    id: 'mono-segment-agent-tools',
    description:
      "Bit of background, sorry for the wall of text. We're a seed stage startup (just closed our round, yay, office move next month). Our product is an AI agent that does outbound sales research. Early on our founding eng (since left) set it up as microservices: every tool the agent can call (web search, crunchbase lookup, email finder, linkedin scraper, CRM writer) is its own service, plus an orchestrator, a prompt service, a memory service and an auth service. Twelve services total, all in k8s on GKE, each with its own helm chart. We are three engineers. Honestly we spend most of our week keeping it alive: version skew between the tool services, flaky network calls, on-call pages at 3am because one pod OOMd. Every new tool = a new service + pipeline + dashboards. Models are all via the OpenAI and Anthropic APIs, nothing self hosted. What would you do?",
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: "Segment's 'Goodbye Microservices' in genAI form: three engineers spending their time keeping services alive, overhead growing linearly per tool service. Istio's istiod reasoning (one team, always shipped together) says merge. Modular monolith acceptable as the consolidation target.",
  },
  {
    id: 'mono-small-ingest-not-heavy',
    description:
      "team of six, b2b saas. adding an 'ask your docs' feature: customers upload PDFs (few hundred a day total, tops), we chunk+embed via openai embeddings api in a background job in the same rails app (sidekiq), store in pgvector. gen via gpt-4o-mini. One team, deploys via github actions ~daily. PM asked if the ingestion should be its own microservice since 'ingestion is heavy'. it isn't really heavy for us.",
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: 'Ingestion is a few hundred PDFs a day through a hosted embedding API: an in-process background job is enough. Heavy batch ingestion is a hybrid trigger only when volume/resource profile differs; here the user explicitly says it is not heavy.',
  },

  // ---------------------------------------------------------------- modular-monolith (6)
  {
    id: 'modmono-five-squads-django',
    description:
      "We're ~45 engineers in five product squads all working in one big Django monolith that now does: AI writing assistant, template library, billing, team workspaces, and the new agentic 'autopilot' feature. Everything's hosted models (OpenAI, Gemini) behind litellm used as a library. Problem: people keep breaking each others stuff, any squad can import any model from anywhere, tests take 40 min, merge queue is a fight. We have one ops person who runs our k8s cluster and is already drowning. Leadership is pushing for microservices. Opinions?",
    expected: 'modular-monolith',
    why: "Coordination pain across five squads is real (Newman's signal) but the platform prerequisites are missing (one drowning ops person). Shopify's answer: enforce module boundaries inside the monolith first.",
  },
  {
    id: 'modmono-three-teams-bedrock',
    description:
      "twenty-ish devs, three teams (retrieval, agent orchestration, evals+guardrails). one python repo, one deployable on ECS. all inference via Bedrock. we want clear ownership lines and to stop the 'who owns this util' debates but honestly we don't have the ops muscle to run a bunch of services, no platform team, deploys are twice a week-ish.",
    expected: 'modular-monolith',
    why: 'Three teams need ownership boundaries (Conway, Team Topologies) but explicitly lack ops capacity; hosted inference means no GPU boundary. Module boundaries in one deployable give ownership without the microservice premium.',
  },
  {
    id: 'modmono-legaltech-ball-of-mud',
    description:
      'legal tech co. 12 engineers split into 2 teams. product = contract review copilot + drafting agent + matter management + billing + a client portal. all on one node/TS codebase, llm calls go to anthropic api. codebase is a big ball of mud at this point, the drafting agent reaches straight into billing tables, circular imports everywhere, nobody knows what owns what. we deploy a few times a week, it works fine operationally, the pain is purely in the code.',
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: "Several business domains and two teams; the pain is structural coupling in code, not deployment or scaling. Fowler's MicroservicePremium: keep good modularity inside the monolith. A plain monolith with better hygiene is also defensible at twelve engineers.",
  },
  {
    id: 'modmono-distributed-monolith-train',
    description:
      "So we have 14 'micro'services for our customer-support genAI platform (ticket ingestion, classifier, RAG answerer, escalation, analytics etc) but they all share one postgres schema and we have to release them together on a release train every 2nd thursday bc changing one breaks the others. about 25 engineers in 3 teams, but every team touches most services. no real platform team, grafana dashboards are half broken. hosted LLMs only. feels worse than a monolith tbh.",
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: "Shared schema + lockstep release train = distributed monolith (Newman). Services aren't team-owned, platform is weak: consolidate into one deployable; with three teams, enforced module boundaries. Plain monolith acceptable as the consolidation step.",
  },
  {
    id: 'modmono-short-30-engs',
    description:
      '~30 engs / 4 teams on one monolith for our coding copilot backend. CI 50min, ppl stepping on each others toes constantly. no GPUs, all hosted models. do we go microservices?',
    expected: 'modular-monolith',
    why: 'Four teams stepping on each other justifies boundaries, but nothing says they have the platform maturity microservices need (Thoughtworks: microservice envy on Hold). Modular monolith (Shopify) first; no hybrid trigger (no GPUs).',
  },
  {
    id: 'modmono-borderline-young-platform',
    description:
      "Sixty engineers across six teams. We run on EKS, have a platform team that was formed three months ago (three people), CI/CD is decent, we ship the main app about once a day. Tracing is partially rolled out. Product: an AI knowledge assistant for enterprises (connectors, search, chat, admin/analytics). Models are hosted (OpenAI + Cohere rerank API). Teams are starting to want to deploy on their own cadence and the monolith's test suite is a bottleneck. We're not in a hurry.",
    expected: 'modular-monolith',
    acceptable: ['microservices'],
    why: 'Six teams wanting independent cadence is the start of a real microservice signal, but the platform is three months old and observability partial. Modular monolith now, extract one or two services as the platform matures (Thoughtworks). Microservices is defensible given the size.',
  },

  // ---------------------------------------------------------------- hybrid (6)
  {
    id: 'hybrid-vllm-h100-selfhost',
    description:
      "we have to self-host because customers won't let data leave our cloud: Llama 3.3 70B on 2x H100 w/ vLLM, plus a bge reranker. app side is a pretty normal django + htmx app with pgvector, team of 6, deploy with github actions to a VM + the GPU box. right now the model server is launched from the same systemd unit as the web app (!!) and every deploy restarts vllm which takes ~6 minutes to load weights. what's the right layout?",
    expected: 'hybrid',
    why: 'Self-hosted GPU inference has different hardware, scaling and lifecycle (minutes-long cold starts, Baseten) from the web app: extract the inference server, keep the Django core as one deployable.',
  },
  {
    id: 'hybrid-heavy-ocr-ingestion',
    description:
      'RAG over an insurance claims archive. initial backfill is ~40 million scanned pages that need OCR + layout parsing + embedding, then ~200k new pages/day arriving in bursts. the Q&A web app itself is small, maybe 300 adjusters using it. 8 engineers, one team. when ingestion runs inside the app the API latency goes to hell and pods get OOM killed. generation via Azure OpenAI.',
    expected: 'hybrid',
    why: 'Heavy, bursty batch ingestion (OCR of tens of millions of pages) has a completely different resource profile and is hurting the interactive path: extract ingestion workers behind a queue; the small Q&A app stays a monolith.',
  },
  {
    id: 'hybrid-agent-code-sandbox',
    description:
      "we're building a data-analysis agent: users upload CSVs and the agent writes and executes python (pandas, matplotlib) to answer questions. code is LLM generated so effectively untrusted and users can steer it with prompt injection. five engineers, one typescript backend. currently exec happens in a subprocess on the same container as the API server which...yeah. hosted models via openai.",
    expected: 'hybrid',
    why: "Executing LLM-generated, user-steerable code is an untrusted-code boundary: it must run in an isolated sandbox service. Everything else stays in the small team's single backend.",
  },
  {
    id: 'hybrid-hipaa-phi-isolation',
    description:
      "Healthcare startup, 10 engineers, two teams. Clinical note summarization for physicians (PHI, HIPAA, BAA with Azure). Plus a marketing site, billing, user mgmt, analytics that don't touch PHI. Our compliance officer + the auditors want the PHI processing isolated in its own network segment with its own access controls and audit logging, and want the rest out of HIPAA scope. Everything is in one Rails app right now.",
    expected: 'hybrid',
    why: 'A compliance/isolation boundary explicitly demanded by auditors (HIPAA scope reduction) pays for itself: extract PHI processing into its own isolated service; the rest stays one app.',
  },
  {
    id: 'hybrid-go-python-language-boundary',
    description:
      "Our product backend is Go (about 80k lines, 7 engineers, happy with it). The ML folks (2 people) built a custom reranker + query rewriter in Python using PyTorch and sentence-transformers that runs on CPU, and we need them in the request path. We've tried cgo/embedded python, it was a nightmare. LLM generation itself is via the Anthropic API.",
    expected: 'hybrid',
    why: 'A language boundary (Go core, Python/PyTorch ML components) that they already failed to bridge in-process: one extracted Python service, Go core stays one deployable.',
  },
  {
    id: 'hybrid-borderline-small-embedding-gpu',
    description:
      '14 engs, 2 teams, Nest.js modular monolith (we already enforce module boundaries with nx lint rules, works well). We want to swap the openai embeddings for a self-hosted fine-tuned e5 model on a single L4 GPU because of cost (we embed ~5M chunks/month). gen stays on openai. where does the embedding model live?',
    expected: 'hybrid',
    acceptable: ['modular-monolith'],
    why: 'Self-hosting a model on a GPU means a separate inference service next to the modular-monolith core. Modular monolith is acceptable: a single small embedding model could sit behind a managed endpoint and the app itself stays as is.',
  },

  // ---------------------------------------------------------------- microservices (6)
  {
    id: 'micro-digital-bank',
    description:
      "We're a digital bank, ~400 engineers in ~50 teams, ~1,800 services in Go on k8s, a mature platform team (service mesh, paved road, automated canaries, tracing everywhere), each team owns and deploys its services independently, many times a day. We're adding genAI: a support agent for customers, fraud-case summaries for ops, and an internal LLM gateway. Should these new things follow the same pattern or be a separate monolith?",
    expected: 'microservices',
    why: 'Monzo-like: hundreds of engineers, independent team ownership, mature platform. The microservice premium is already paid; new genAI capabilities should be services in that platform, owned by teams.',
  },
  {
    id: 'micro-genai-platform-org',
    description:
      "context for archie: 180 engineers, 20 stream-aligned teams plus a platform team of 12 and an ML platform team. Independent deploys per team multiple times a day (DORA says we're 'elite' lol). SLOs + on-call per team, OpenTelemetry everywhere. The genAI platform has: an inference gateway (team A), retrieval/index service (team B), eval harness (team C), agent runtime (team D), plus product teams consuming these. question: keep these as separate services or consolidate?",
    expected: 'microservices',
    why: "Team Topologies done properly: each service owned by an independent team, elite DORA delivery, mature platform and observability. Independent rollout value exceeds orchestration cost (Istio's criterion).",
  },
  {
    id: 'micro-short-paved-road',
    description:
      '~300 devs, ~35 squads, each squad owns its svcs end to end incl on-call. platform team gives us a paved road on EKS, we deploy 100+ times a day. building an llm gateway + agent features across several squads. stick w/ services?',
    expected: 'microservices',
    why: 'Large org, squad-owned services with on-call, paved-road platform, 100+ deploys/day: all Fowler prerequisites met and Conway favours per-squad services.',
  },
  {
    id: 'micro-existing-platform-new-rag-team',
    description:
      "Ninety engineers, ten teams, we've been on microservices for four years and it works: platform team, argo rollouts, per-team pipelines, each team ships independently. New initiative: a RAG-based help center assistant owned by one new team of 5. Hosted LLMs. The team asks whether to build it as a service in our platform like everything else.",
    expected: 'microservices',
    acceptable: ['monolith'],
    why: 'A working microservice org with a mature platform: the new assistant becomes one more team-owned service on the paved road. Monolith acceptable if read narrowly: the assistant itself, owned by one team of five, is a single deployable.',
  },
  {
    id: 'micro-retailer-gpu-fleet',
    description:
      "Enterprise AI platform at a big retailer. ~250 engineers, 28 teams, dedicated platform + SRE orgs, KServe on our own GPU fleet (H100s and L40S), canary rollouts, independent deploys per team daily. We self-host ~15 models (llama, mistral, embedding, rerankers) used by search, recommendations, customer service bots and merchandising copy gen owned by different teams. Some folks argue we should just centralize everything in one 'AI monolith' plus the GPU serving. Thoughts?",
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: "Team scale, independent ownership and a mature platform dominate; GPU serving is one of many services. Hybrid is defensible as a description of the GPU split, but one 'AI monolith' for 28 teams contradicts Conway.",
  },
  {
    id: 'micro-borderline-airbnb-like',
    description:
      "We're at 120 engineers in 14 teams and growing ~40/yr. Everything is still one Rails monolith (AI features: listing description generator, support copilot, semantic search). Deploys are a daily train that takes 3h and routinely gets blocked by one team's failing test. We do have a solid infra team (8 people) with terraform, k8s, good monitoring, and most teams already have on-call rotations. Teams map cleanly to business domains. We're considering breaking it up.",
    expected: 'microservices',
    acceptable: ['modular-monolith'],
    why: "Airbnb-like: many teams blocking each other on one deploy train (Newman's strongest signal), clean domain mapping, and the prerequisites (infra team, monitoring, on-call) in place. Shopify chose a modular monolith at larger scale, so that is acceptable too.",
  },
];
