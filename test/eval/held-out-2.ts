// Second held-out evaluation set for Archie's architecture verdict.
// Written from an architect's judgement only, without reading the engine, its knowledge base or its other tests.
// Expectations were fixed before Archie was run on any of these descriptions.

import type { HeldOutScenario } from './held-out.js';

export type { HeldOutScenario, Verdict } from './held-out.js';

export const HELD_OUT_2: HeldOutScenario[] = [
  // ---------------------------------------------------------------- monolith
  {
    id: 'ho2-mono-nextjs-duo',
    description:
      'two of us, nextjs app on vercel + supabase, calls claude api to summarise sales call transcripts for ~40 customers. whats the right arch lol',
    expected: 'monolith',
    why: 'Two people, hosted model, tiny load. Anything beyond one deployable is pure overhead.',
  },
  {
    id: 'ho2-mono-solo-founder',
    description:
      'Solo founder here, Django + GPT-4o-mini, a cover-letter generator with around a thousand paying users, should I split it into services before I hire my first dev?',
    expected: 'monolith',
    why: 'One developer, hosted API, modest users. Splitting before the first hire is premature.',
  },
  {
    id: 'ho2-mono-rails-micro-fomo',
    description:
      "hey all - we're six engineers (one team, one standup) on a rails app on heroku, B2B invoicing. adding an 'ask your invoices' feature w/ Azure OpenAI + pgvector in the same postgres. our new CTO read a blog post and wants to 'go microservices because AI'. we have no SRE, no k8s, nobody on call at night tbh. current pain is basically zero, deploys take 6 min. traffic maybe 20 req/min peak on the AI bit.",
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: 'Single small team, hosted model, no platform, no pain. Microservices would be fashion-driven. A modular monolith is a fine alternative if they want to prepare for growth.',
  },
  {
    id: 'ho2-mono-bigcorp-hr-pilot',
    description:
      "Context: we're a 40k-employee manufacturing group (yes, huge IT dept, dozens of platform teams elsewhere) but this particular thing is a pilot: an internal HR policy Q&A bot. Team is four devs + a PO, TypeScript, Bedrock (Claude) through the API, knowledge base is ~300 PDFs of handbooks that change maybe quarterly. Expected users: a couple hundred HR partners. We don't do k8s in our unit, deploy target is a single ECS service. Corporate architecture board keeps asking for a 'microservices reference architecture' diagram.",
    expected: 'monolith',
    why: 'The org is huge but the system is owned by one tiny team, is a pilot, uses a hosted model and has small static data. Org size is irrelevant; team and system size decide.',
  },
  {
    id: 'ho2-mono-laravel-agency-clinic',
    description:
      "we're a small agency (five php devs) building a patient FAQ + appointment-prep chatbot for a chain of dental clinics. Laravel, OpenAI via their enterprise API w/ zero retention, embeddings in pgvector. it touches some patient data so the whole app is hosted in the client's HIPAA-eligible AWS account anyway, one environment, everything in scope. ~50k convos/month. no gpu, no self-hosted models, no user code execution. what architecture?",
    expected: 'monolith',
    acceptable: ['modular-monolith'],
    why: 'Regulated data, but the whole deployment is already inside the compliant boundary, so carving out an isolation service buys nothing. Small team, hosted model, moderate load.',
  },

  // ------------------------------------------------------- modular-monolith
  {
    id: 'ho2-modmono-django-three-squads',
    description:
      "~25 engineers split in three squads (search/RAG, summarisation+reporting, evals/quality) all committing to one Django codebase. Models are hosted (OpenAI + Anthropic), no GPUs of our own. Pain: merge conflicts every day, the RAG squad's changes keep breaking reporting, nobody knows who owns what in utils/. We ship once a week as one deployable, one on-call rotation. No platform team, k8s is not something we run.",
    expected: 'modular-monolith',
    why: 'Several squads in one codebase with ownership/coupling pain but no platform and no independent deploy need: enforce module boundaries rather than split.',
  },
  {
    id: 'ho2-modmono-kotlin-legaltech',
    description:
      'Legal-tech, forty devs across four teams, product is a Kotlin/Spring monolith (8 yrs old). Adding genAI contract drafting + clause review on top of hosted models (Azure OpenAI). We tried extracting two services two years ago - rolled them back after six months, the distributed transactions were a nightmare. One SRE shared with the whole company. Teams do step on each other in the codebase though, and the AI features touch documents, users, billing.',
    expected: 'modular-monolith',
    acceptable: ['hybrid'],
    why: 'Four teams need boundaries, but the platform is immature and a prior split failed. Hosted models mean no GPU boundary. A modular monolith is the natural step; hybrid is defensible only if some piece later earns extraction.',
  },
  {
    id: 'ho2-modmono-fintech-agent-ts',
    description:
      "We're 18 engineers in 3 teams building an agentic assistant for our fintech's ops staff: reconciles payments, drafts customer emails, looks up KYC status. All TypeScript (NestJS). LLM is hosted Claude; the agent's tools are our own internal REST APIs, read-only plus one 'draft email' action that a human approves. Regulated (PCI/KYC) but the entire platform is already in scope and audited as a whole. Nothing runs user-provided code, no custom models, no GPUs.",
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: 'Three teams warrant enforced modules; tools are trusted internal APIs, compliance scope covers everything, hosted model. No boundary that pays for a separate service.',
  },
  {
    id: 'ho2-modmono-edtech-fastapi',
    description:
      "edtech, twelve engineers in two teams, python fastapi. three features: AI tutor chat, worksheet generation, essay grading rubric helper. gemini via vertex api. nightly we re-embed ~2k lesson docs, takes 4 minutes in a cron. growing fast (3x users this yr) and the two teams are starting to trip over each other's code",
    expected: 'modular-monolith',
    acceptable: ['monolith'],
    why: 'Two teams with growing coupling, small batch job that needs no separate worker fleet, hosted model. Modular monolith; a plain monolith is still viable.',
  },
  {
    id: 'ho2-modmono-spring-ecommerce-proposal',
    description:
      "Long one sorry. E-commerce retailer, ~30 engineers (checkout, catalog, customer-care, data). Java Spring Boot monolith, deployed to a small k8s cluster that basically one platform engineer keeps alive. We want: LLM product-description generation for ~200k SKUs (a one-off plus maybe 500 new SKUs/day), semantic search over the catalog, and a customer-care copilot. All on OpenAI's API. An external consultant proposed 9 microservices (embedding-svc, prompt-svc, guardrail-svc, ...). Our teams already fight over the shared catalog schema. Black Friday traffic is 10x normal but the LLM calls are a small share of it.",
    expected: 'modular-monolith',
    acceptable: ['hybrid'],
    why: 'Multiple teams contend on one codebase and schema, so boundaries matter; but one platform engineer cannot run nine services and hosted models give no GPU reason. Hybrid acceptable if the batch description generation is pushed to a worker.',
  },

  // ------------------------------------------------------------------ hybrid
  {
    id: 'ho2-hybrid-vllm-residency',
    description:
      "our product is in Kotlin (ktor), ML folks in Python. ten engineers total. for data residency reasons (EU public sector customers) we can't use hosted LLMs, so we self-host Llama 3.3 70B on vLLM on 4x H100 in our own DC. the app does RAG over customer documents + a drafting assistant. right now the ML guys run vLLM by hand on a box and the kotlin app calls it; want to know how to structure the rest",
    expected: 'hybrid',
    why: 'Self-hosted GPU inference with its own scaling and ops, plus a Python/Kotlin language boundary: extract the inference service, keep the product as one core.',
  },
  {
    id: 'ho2-hybrid-code-interpreter',
    description:
      'Eight engineers, building a data-analysis agent for SMB customers: they upload CSVs, the agent (GPT-4.1 via API) writes python and EXECUTES it to produce charts. So yes, arbitrary LLM-generated code running on customer data, multi-tenant. Rest of the app is a pretty normal Node backend + React.',
    expected: 'hybrid',
    why: "Executing untrusted generated code in a multi-tenant system demands an isolated sandbox boundary; the rest of the app is a small team's monolith.",
  },
  {
    id: 'ho2-hybrid-ocr-ingestion',
    description:
      'Seven devs. Insurance doc search. The chat/search UI is light (few hundred users) but ingestion is brutal: around three million scanned PDFs a month, OCR with Tesseract + layout model, chunk, embed (hosted embeddings API), write to OpenSearch. Ingestion spikes when a big client onboards a backlog and it currently makes the web app crawl because it all runs in the same python process pool.',
    expected: 'hybrid',
    why: 'Heavy, bursty batch ingestion that starves the interactive path is the textbook case for extracting ingestion workers; the rest stays one deployable.',
  },
  {
    id: 'ho2-hybrid-hospital-phi',
    description:
      'Hospital network, clinical-notes summarisation for discharge letters. ~15 engineers in 2 teams, .NET mostly. Azure OpenAI under a BAA. Compliance says: raw PHI may only be processed inside a separately audited, network-isolated de-identification component; everything downstream (summaries UI, feedback, analytics) works on de-identified data and is NOT in the strict audit scope. No k8s expertise, we use App Service.',
    expected: 'hybrid',
    acceptable: ['modular-monolith'],
    why: 'An explicit compliance isolation boundary around PHI processing justifies one extracted component; the rest is a (modular) monolith for two teams without platform maturity.',
  },
  {
    id: 'ho2-hybrid-whisper-rails',
    description:
      'rails app + we run whisper-large-v3 and a fine-tuned mistral 7b ourselves on two A10G boxes for meeting transcription/notes, five devs, gpu boxes sit idle at night and melt at 9am monday',
    expected: 'hybrid',
    why: 'Self-hosted GPU models with a very different scaling profile and a Ruby/Python language boundary; extract inference, keep the Rails app whole.',
  },

  // ----------------------------------------------------------- microservices
  {
    id: 'ho2-micro-platform-250',
    description:
      "Two hundred and fifty engineers, 22 autonomous product teams, mature internal platform (k8s, Backstage, Istio, OpenTelemetry, per-team on-call, golden-path CI/CD). We're building a company-wide genAI platform: model gateway, retrieval, guardrails, eval, and agent runtime, each owned by a different team with its own roadmap, and consumed by ~15 product teams. Teams already deploy independently several times a day.",
    expected: 'microservices',
    why: 'Many independent teams, each owning a capability with its own cadence, on a mature platform: the organisational preconditions for microservices are met.',
  },
  {
    id: 'ho2-micro-bank-copilot',
    description:
      'tier-1 bank, ~600 engineers in tech, we already run ~300 microservices on OpenShift with a 40-person platform org and a proper SRE function. Rolling out genAI copilots across retail, wealth and corporate banking. Separate teams own the model gateway (mix of hosted and self-hosted), retrieval per line of business, the guardrails/PII service and the agent orchestration. Each LoB has its own release calendar and regulator-driven change windows.',
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: 'Established microservice estate, mature platform and SRE, independent owners with divergent release calendars. Hybrid acceptable if the advice is to keep each LoB copilot as a core with a few shared services.',
  },
  {
    id: 'ho2-micro-insurance-agents-blocked',
    description:
      "we're ~120 eng across 14 squads, each squad owns its own agent (claims, underwriting, fraud, broker support, …). platform team gives us k8s + argo + otel, ML infra team owns GPU inference separately. problem: all agents currently live in ONE python repo and deploy together, so releases get blocked weekly by whichever squad broke the build, and fraud wants hourly deploys while underwriting is quarterly. each squad already has its own on-call.",
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: 'Fourteen squads with divergent cadences blocked by a shared release train, with platform and on-call in place: independent deployment pays for itself.',
  },
  {
    id: 'ho2-micro-marketplace-polyglot',
    description:
      'Marketplace, 80 engineers in nine teams, polyglot (Go services, Python for ML, Kotlin for the Android BFF). The core is already microservices on GKE with an SRE team of six. Now each existing team adds an LLM feature in its own domain: search reranking (search team), listing text generation (sellers team), T&S moderation (trust team), support chatbot (care team). Models are a mix of hosted and a small self-hosted reranker.',
    expected: 'microservices',
    why: 'Existing microservice estate, independent teams owning their domains and adding AI within them, SRE in place. Folding these into a new monolith would fight the organisation.',
  },
  {
    id: 'ho2-micro-voice-60',
    description:
      "Sixty engineers, seven teams: voice/realtime, conversation agent, knowledge ingestion, analytics, compliance recording, integrations, web. Dedicated platform team (6 ppl) on EKS, everyone on-call for their own stuff, trunk-based with CD. The voice team ships several times a day, compliance recording only monthly after sign-off, and today they're coupled in one deploy which is painful. Hosted LLMs + our own self-hosted streaming ASR on GPUs.",
    expected: 'microservices',
    acceptable: ['hybrid'],
    why: 'Seven teams with sharply different release cadences, a dedicated platform team and per-team on-call. Borderline at sixty engineers, so hybrid (core plus ASR and compliance services) is acceptable.',
  },
];
