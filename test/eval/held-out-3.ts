// Third held-out evaluation set for Archie's architecture verdict.
// Written from an architect's judgement only, without reading the engine, its knowledge base or its other tests.
// Expectations were fixed before Archie was run on any of these descriptions.

import type { HeldOutScenario } from './held-out.js';

export const HELD_OUT_3: HeldOutScenario[] = [
  // ---------------------------------------------------------------- monolith (6)
  {
    id: 'ho3-mono-solo-founder-support-agent',
    description:
      'solo founder here + 1 contractor part time. building a support agent for my shopify app: claude api w/ tool calls into stripe, zendesk and our own postgres (refund lookup, order status). ~2k tickets a day. node/express, deployed on render. a friend said i should put each tool behind its own service so they can "scale independently". is that a thing i need?',
    expected: 'monolith',
    why: 'One and a half people, hosted model, tools are thin API calls with trivial load; every extra service is pure operational overhead. A single deployable with tools as plain functions is right.',
  },
  {
    id: 'ho3-mono-bank-innovation-lab',
    description:
      "Context: we sit inside a bank with 60,000+ employees and a huge enterprise architecture function. Our squad is four people (2 backend, 1 data, 1 designer-ish PM) in the innovation lab. We're building an internal Q&A assistant over HR policies and the staff handbook for maybe 3k pilot users. Everything runs inside the bank's private Azure tenancy, which is already fully within the compliance boundary, and we use Azure OpenAI in that same tenancy. EA keeps sending us their 'reference microservice template' with API gateway, service mesh, etc. Do we need to follow it for this pilot?",
    expected: 'monolith',
    why: 'The parent company size is irrelevant: the delivering team is four people and the whole deployment already sits inside the compliance boundary, so there is no isolation boundary to carve out. A single service inside the approved tenancy is the proportionate answer.',
  },
  {
    id: 'ho3-mono-high-traffic-hosted-api',
    description:
      "we're a consumer app (writing assistant, chrome extension + web). team of five engineers. traffic is honestly big for us, around 2.3M LLM requests/day peaking at ~90 rps, all going to openai + a fallback to anthropic. our backend is a stateless fastapi app that does prompt templating, rate limiting per user, stripe billing and logs to postgres. runs as 12 replicas behind a LB on fly.io and autoscales fine. investors keep asking 'is this architecture going to scale'. should we break it up into services before series A?",
    expected: 'monolith',
    why: 'The heavy lifting happens at the hosted provider; the app is a stateless proxy that already scales horizontally as replicas of one deployable. High request volume to a hosted API is not a reason to split a five-person codebase.',
  },
  {
    id: 'ho3-mono-law-firm-nightly-ingest',
    description:
      'Two of us maintain a RAG tool for a mid size law firm (~200 lawyers). Corpus is about 40k precedent docs, grows by maybe two or three hundred a night. Right now a cron job inside the django app re-chunks and embeds the new ones with text-embedding-3-small and writes to pgvector, takes like 6 minutes. My colleague wants to pull ingestion out into its own service with kafka "because ingestion and query are different workloads". Worth it?',
    expected: 'monolith',
    why: 'A six-minute nightly job over a few hundred documents is not heavy ingestion; a scheduled task in the same codebase is fine. Kafka plus a separate service would add more failure modes than it removes for a two-person team.',
  },
  {
    id: 'ho3-mono-hosted-code-interpreter',
    description:
      "3 eng startup, 'ask your spreadsheet' product. the agent writes pandas code to answer questions about uploaded csv/xlsx. we DON'T run the code ourselves — it goes to a hosted sandbox provider (e2b) via their api and we just get stdout + charts back. model is gpt-4.1 via api. rest is a next.js app + a python api + postgres + s3. ~400 paying teams. do we need a separate execution service on our side for security??",
    expected: 'monolith',
    acceptable: ['hybrid'],
    why: 'The untrusted code already runs in an external managed sandbox, so the isolation boundary exists without them operating one; their own code is a small app for three engineers. A thin internal wrapper service around the sandbox is defensible but not required.',
  },
  {
    id: 'ho3-mono-undo-premature-split',
    description:
      "ok confession time. we're 4 devs and last year we split our RAG prototype into 7 services on k8s (gateway, auth, ingest, chunker, embedder-proxy, retriever, chat) because it felt 'proper'. every feature touches 3-4 of them, we deploy them all together anyway, local dev needs docker-compose with 11 containers, and debugging a bad answer means grepping logs across pods. no tracing. models are all bedrock. about 500 internal users. thinking of merging back. sanity check?",
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: 'Classic distributed monolith: services are always changed and deployed together, no tracing, one small team. Consolidating into one deployable is right; keeping the old service lines as internal modules is a reasonable variant.',
  },

  // ---------------------------------------------------------------- modular-monolith (6)
  {
    id: 'ho3-modmono-three-teams-copilot',
    description:
      "We're ~22 engineers in three teams building an in-product copilot for our project-management SaaS: a retrieval team (connectors, chunking, hybrid search), an agent team (planning, tool calling, evals) and a product team (UI, chat history, permissions). Single TypeScript monorepo, one deployable, CI/CD deploys a few times a day and that has never really been the bottleneck. Models are hosted (OpenAI + Cohere rerank). The pain is that people reach into each other's internals, the agent team imports retrieval's private helpers, and nobody knows who owns what when prompts break. Should we move to microservices?",
    expected: 'modular-monolith',
    why: 'The problem is ownership and coupling, not deployment or scaling: the shared release is not blocking anyone and there is no self-hosted workload. Enforced module boundaries with owners fix the actual pain without paying the distributed-systems tax.',
  },
  {
    id: 'ho3-modmono-immature-platform',
    description:
      'five squads, roughly thirty five devs. building an agentic assistant for insurance brokers (quote comparison, email drafting, policy q&a). everything on bedrock, no self hosted models. leadership wants microservices. reality check: we have no distributed tracing, one person does on call for everything, deploys need a manual QA sign off on a staging env that is shared, and our terraform is… aspirational. we do have a decent monorepo with nx. what should target arch be for next 12 months?',
    expected: 'modular-monolith',
    why: 'Several teams justify enforced boundaries, but the microservice prerequisites (tracing, per-team on-call, automated deploys) are missing and no workload needs separate scaling. A modular monolith in the Nx monorepo builds the seams now and keeps extraction possible later.',
  },
  {
    id: 'ho3-modmono-fold-back-sync-services',
    description:
      'mid-migration question. we had a rails monolith, started "extracting" for the genai features: embedding-service and prompt-service (both python, both just call openai). turns out rails calls them synchronously on every request, they are always released together with rails, and when one is down the whole app is down. 2 teams, ~12 engineers total, one owns the core product and one owns the AI features. keep going with extraction or reverse course?',
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: 'The extracted services call hosted APIs, are always deployed in lockstep and take the whole app down with them, so the boundary costs more than it gives. Fold them back but keep an owned AI module with a clear interface for the second team; a plain monolith is also defensible at twelve people.',
  },
  {
    id: 'ho3-modmono-hipaa-whole-boundary',
    description:
      "Healthtech, ~25 engineers across 4 teams (ingest of EHR exports, clinical-note summarization, coding-suggestion agent, clinician UI). Every single component touches PHI — there is no part of the system that doesn't. The entire deployment lives in one BAA-covered AWS account with audit logging, and we use Azure OpenAI under a BAA (no self-hosted models). Our compliance officer asked if we should split into services 'for HIPAA isolation'. EHR exports arrive as a few thousand notes per day per clinic, around 30 clinics.",
    expected: 'modular-monolith',
    why: 'When everything is PHI and the whole deployment is already inside the compliant boundary, splitting services adds no isolation, only more attack surface and audit scope. Four teams warrant enforced module boundaries; the ingestion volume is modest and does not need its own fleet.',
  },
  {
    id: 'ho3-modmono-ai-in-existing-django',
    description:
      "We've got a well-run Django monolith (~40 devs, 5 product teams, deploys 10+ times a day with good CI, feature flags). Now we're adding a 'smart assistant' that answers questions about the user's own account data and drafts reports, using Anthropic via API. A new AI team of 5 is being formed. Architect on another team says the AI stuff must be a separate service 'because AI is different'. The assistant mostly needs to read the same models the rest of the app uses.",
    expected: 'modular-monolith',
    why: 'The assistant reads the same domain data, calls a hosted model and the existing deployment pipeline is already fast, so a separate service would mainly add a data-sync problem. Give the AI team an owned module with an enforced interface into the existing codebase.',
  },
  {
    id: 'ho3-modmono-terse-two-teams',
    description:
      'two teams (search + chat), 14 ppl, one repo, ci/cd fine, all on anthropic api. we keep merging into each others dirs and breaking stuff. split into services?',
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: 'The pain is two teams stepping on each other, which module boundaries with ownership and import rules solve; nothing here needs separate deploys or scaling. At fourteen people a plain monolith with better discipline is also defensible.',
  },

  // ---------------------------------------------------------------- hybrid (6)
  {
    id: 'ho3-hybrid-selfhosted-llama-residency',
    description:
      '8 engineers, one team. EU customers require that no data leaves our infra, so we self-host Llama 3.1 70B on vLLM on a node with 4x H100, plus bge-m3 embeddings on a smaller GPU. The product itself is a contract-review assistant: Next.js frontend, Python API, Postgres + pgvector, ~1500 users. Right now the API process also loads the embedding model, and every deploy of the API restarts the model, which takes minutes. How should we structure this?',
    expected: 'hybrid',
    why: 'Self-hosted GPU inference has a different scaling, hardware and release profile from the app, and coupling it to API deploys is already hurting. Extract model serving as its own service and keep everything else as one deployable.',
  },
  {
    id: 'ho3-hybrid-data-agent-runs-code',
    description:
      "we're six engs building an analytics agent for finance teams. it writes python + sql and executes it against the customer's uploaded data (parquet in s3 + a duckdb per workspace). right now the generated code runs in a subprocess inside our main fastapi container 🙃 which has db creds and our openai key in env. model is hosted. product is otherwise simple. what's the right shape?",
    expected: 'hybrid',
    why: 'Executing model-generated code next to secrets and the main database is a security hole; untrusted execution needs its own isolated, locked-down sandbox service. Everything else is small enough to stay one deployable.',
  },
  {
    id: 'ho3-hybrid-heavy-ocr-ingestion',
    description:
      'Team of 10. Search assistant over scanned engineering archives for a utility company: ~40 million pages of old PDFs and TIFFs, OCR + layout parsing + table extraction, then chunk + embed. Backfill will take weeks on a GPU batch fleet, and after that ~200k new pages/week. Query side is light, maybe 300 engineers using it, hosted LLM for answers. Currently ingestion code lives in the same app and a backfill run last month OOM-killed the web pods twice.',
    expected: 'hybrid',
    why: 'Ingestion is a heavy, bursty GPU/batch workload that is already starving the interactive path; it deserves its own deployable pipeline and compute. The light query side stays a single app.',
  },
  {
    id: 'ho3-hybrid-pci-tool-boundary',
    description:
      "Fintech, ~18 engineers in two teams. We're launching a customer-facing assistant in our app (FAQ, spending insights, dispute help). 90% of it only needs public help-center content and aggregated, tokenized spend categories. BUT one tool — 'show me the transaction / card details for this dispute' — has to touch raw card data, which is PCI DSS scope. Right now our PCI-scoped card vault is separate and audited; the assistant would be new code. Security wants to know how to avoid pulling the whole assistant into PCI scope. Hosted LLM via Azure OpenAI.",
    expected: 'hybrid',
    why: 'Only one narrow capability touches regulated card data, so a small isolated service inside PCI scope keeps the audit boundary tight while the assistant remains a normal (modular) monolith. This is exactly a regulated-data boundary that pays for itself.',
  },
  {
    id: 'ho3-hybrid-shrink-overgrown-k8s',
    description:
      'six person team, we run eleven microservices on EKS for our recruiting copilot. honestly its a mess, on-call is miserable, most services are tiny wrappers around openai calls and get changed together. BUT we also self-host a cross-encoder reranker and an embedding model on GPU nodes (T4s) because hosted reranking was too slow/expensive at our volume (~35M rerank pairs/day). whats the target state?',
    expected: 'hybrid',
    why: 'The thin OpenAI-wrapper services should collapse into one core, but the self-hosted GPU reranker/embedder at that volume genuinely needs separate hardware and scaling. Core plus one inference service is the right end state.',
  },
  {
    id: 'ho3-hybrid-airgapped-defense',
    description:
      'defence contractor. whole system runs in an air-gapped classified enclave, everything in it is at the same classification level, so no compliance reason to split anything apart. no internet means no hosted models: we run mistral-large and an embedding model on our own A100s inside the enclave. five devs. app = document triage + RAG Q&A over intel reports for ~80 analysts. accreditation makes every deploy a paperwork exercise so fewer moving parts is better. thoughts on architecture?',
    expected: 'hybrid',
    acceptable: ['monolith'],
    why: 'Compliance does not justify a split because the entire enclave is one boundary, but self-hosted GPU inference still warrants its own serving process with its own lifecycle. With heavy accreditation cost per deployable, a single app plus a model server is the minimum; bundling everything is a defensible fallback.',
  },

  // ---------------------------------------------------------------- microservices (6)
  {
    id: 'ho3-micro-ai-platform-140-eng',
    description:
      "We're the AI org of a large marketplace: ~140 engineers in 17 teams. Products: seller listing copilot, buyer shopping assistant, support agent, trust & safety classifiers. All share one Python monolith deployed via a weekly release train; last quarter teams lost ~30% of sprints waiting on the train or on someone else's broken migration. Platform team already runs k8s with Argo CD, OpenTelemetry tracing, SLO dashboards, per-team PagerDuty. Retrieval traffic is ~20x generation traffic and T&S classifiers run on our own GPU pool. Should we move to services?",
    expected: 'microservices',
    why: 'Many teams are measurably blocked by a shared release, the platform prerequisites are in place, and workloads have very different scaling profiles. This is the case where independent deployability pays for its cost.',
  },
  {
    id: 'ho3-micro-already-healthy',
    description:
      'we already run ~80 services across 25 teams (fintech, DORA elite-ish: deploys many times per day per team, change failure rate <5%, full tracing, service templates, golden paths). now adding genai: a support agent, a doc-extraction pipeline for KYC, and a fraud-explanation feature. each is owned by a different existing team. do we build a separate "AI monolith" for all three or fit them into our existing service model?',
    expected: 'microservices',
    why: 'The organisation already operates microservices well, and the three features belong to different teams and domains; centralising them in a new shared monolith would recreate cross-team coupling. Each team adds its AI capability as services on the existing platform.',
  },
  {
    id: 'ho3-micro-terse-release-train',
    description:
      '~200 engs, 30 teams, single monolith deploys 1x/wk, 90+ PRs queued per train, rollbacks take the whole co down. platform team has k8s + tracing + SLOs, per-team pager. rag + agents across 6 products, some self-hosted embeddings. go micro?',
    expected: 'microservices',
    why: 'Thirty teams blocked by one weekly train with whole-company blast radius is the textbook trigger, and the operational prerequisites exist. Decompose along team/product boundaries, incrementally.',
  },
  {
    id: 'ho3-micro-inference-platform-company',
    description:
      "We sell an agent platform to enterprises. 12 product teams (~95 eng). Components: multi-tenant gateway + billing, three model pools on our own GPUs (small/fast, large reasoning, vision) each scaling on very different curves, a sandbox fleet that runs customer agents' generated code in firecracker VMs, a connectors/ingestion fleet syncing customers' SaaS data, eval service, and the console app. Each area has a dedicated team and on-call. Platform: k8s, Terraform, tracing, canary deploys. Is microservices justified or are we kidding ourselves?",
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: 'There are many genuine boundaries (several GPU pools, sandbox fleet, ingestion fleet) each with its own team, scaling curve and on-call, plus a mature platform. A hybrid view is defensible for the console/billing core, but overall this is a many-services system.',
  },
  {
    id: 'ho3-micro-borderline-nine-teams',
    description:
      "Nine teams, 65ish engineers, building a legal-research product with RAG, drafting agents and citation checking. Hosted models mostly (one small self-hosted classifier). We're on a shared Java/Kotlin monolith; it deploys twice a week and teams routinely hold releases for each other — a citation-checker bug blocked the drafting team's launch for 9 days last month. We have k8s, Datadog APM with tracing, per-team on-call rotations, and CI that can build/deploy a service in ~15 min. Module boundaries exist but teams still need each other's release windows.",
    expected: 'microservices',
    acceptable: ['modular-monolith'],
    why: 'Nine teams with real, recurring release blocking and the operational prerequisites already in place make independent deployment worth its cost. Fixing the release process within a stricter modular monolith is a defensible alternative, which is why this is borderline.',
  },
  {
    id: 'ho3-micro-strangler-in-progress',
    description:
      'big ecommerce co, mid strangler migration — about 40% of the old monolith is already carved into services and that has gone well (service mesh, tracing, per-team deploy pipelines, on-call per team). Now 5 new teams are building the AI shopping assistant: query understanding, product retrieval (per-region vector indexes, black friday peaks 40x), recommendations, conversational agent, and content generation for listings. each team will own its piece end to end. do we build the assistant as one new app or as services in the existing landscape?',
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: 'Five dedicated teams, a landscape already successfully migrating to services, and pieces with very different peak profiles favour independent services in the existing platform. Starting the assistant as a small core plus the clearly scaling-sensitive retrieval service is also defensible.',
  },
];
