/**
 * Retrieval evaluation set: questions a team would actually type, each with the knowledge document(s) that
 * answer it (any one of them in the top 5 counts), plus questions the knowledge base must NOT claim to
 * answer. Wording is deliberately not copied from document titles.
 */

export interface EvalQuestion {
  question: string;
  /** Ids of documents that answer it (from knowledge/<id>.md). */
  expected: string[];
}

export const QUESTIONS: readonly EvalQuestion[] = [
  {
    question: "How much money did Prime Video's stream-monitoring team save when it dropped serverless?",
    expected: ['prime-video-monolith'],
  },
  {
    question: 'Why did Segment merge its many destination services back into one?',
    expected: ['segment-goodbye-microservices'],
  },
  {
    question: 'Why did Istio fold its separate control-plane components into a single binary?',
    expected: ['istio-istiod'],
  },
  {
    question:
      'What did the Google paper on writing an app as a modular binary and deploying it as distributed components find about latency and cost?',
    expected: ['service-weaver-hotos'],
  },
  {
    question: 'How does Shopify keep a huge Rails codebase maintainable without splitting it into microservices?',
    expected: ['shopify-modular-monolith'],
  },
  {
    question: 'How did Uber organise its thousands of microservices into domains and layers?',
    expected: ['uber-doma'],
  },
  {
    question: 'How many microservices does the bank Monzo run and how do its engineers cope?',
    expected: ['monzo-microservices'],
  },
  {
    question: 'What did Khan Academy get out of rewriting its Python monolith as Go services?',
    expected: ['khan-academy-services'],
  },
  {
    question: 'How few servers does Stack Overflow need to serve its traffic?',
    expected: ['stackoverflow-architecture'],
  },
  { question: 'Does GitHub still run mostly as one big Rails application?', expected: ['github-rails-monolith'] },
  { question: 'Why did Airbnb move away from its monorail Ruby on Rails app?', expected: ['airbnb-soa-migration'] },
  {
    question: "Why did Amazon's CTO argue that monoliths are not outdated?",
    expected: ['vogels-monoliths-not-dinosaurs'],
  },
  {
    question: 'Should a brand-new product start as a single application and only be split up later?',
    expected: ['fowler-monolith-first', 'synthesis-prerequisites-before-splitting'],
  },
  {
    question: 'Do microservices slow a team down when the system is still simple?',
    expected: ['fowler-microservice-premium', 'fowler-monolith-first'],
  },
  {
    question:
      'What must be in place before we adopt microservices, like rapid provisioning, monitoring and fast deployment?',
    expected: ['fowler-microservice-prerequisites', 'synthesis-prerequisites-before-splitting'],
  },
  {
    question: 'What hidden baggage comes with microservices that teams tend to underestimate?',
    expected: ['newman-microservices-baggage'],
  },
  {
    question: 'Is it a mistake to adopt microservices just because the big tech companies use them?',
    expected: ['thoughtworks-radar-microservice-envy'],
  },
  {
    question: "Why does a system's structure end up mirroring how the organisation communicates?",
    expected: ['conway-law'],
  },
  {
    question: 'How should we organise stream-aligned and platform teams to reduce cognitive load?',
    expected: ['team-topologies'],
  },
  {
    question: 'Does a loosely coupled architecture really predict better software delivery performance?',
    expected: ['dora-loosely-coupled'],
  },
  {
    question: 'Should we adopt an agent framework or stick to simple composable LLM workflows?',
    expected: ['anthropic-building-effective-agents'],
  },
  {
    question:
      'Which components does a generative AI platform usually grow over time, such as a gateway, guardrails and a cache?',
    expected: ['huyen-genai-platform'],
  },
  {
    question: "What is in NVIDIA's reference design for retrieval-augmented generation?",
    expected: ['nvidia-rag-blueprint'],
  },
  {
    question: 'What do time to first token and inter-token latency mean when benchmarking a model server?',
    expected: ['nvidia-nim-llm-benchmark'],
  },
  {
    question: 'How long does a network round trip inside a datacenter take compared with reading from memory?',
    expected: ['datacenter-latency-numbers', 'synthesis-genai-latency-vs-ops-cost'],
  },
  {
    question: 'Why put a proxy in front of several model providers to manage keys, fallbacks and spend?',
    expected: ['litellm-gateway'],
  },
  { question: 'How does vLLM avoid wasting GPU memory on the KV cache?', expected: ['vllm-pagedattention'] },
  { question: 'How do we autoscale GPU model servers on Kubernetes?', expected: ['kserve-gke-inference-autoscaling'] },
  {
    question: 'Why do big model containers take so long to start when scaling up from zero?',
    expected: ['baseten-cold-starts'],
  },
  {
    question: 'Should the safety rails around our chatbot run inside the app or as a separate server?',
    expected: ['nemo-guardrails-deployment'],
  },
  { question: 'Why are observability bills growing so quickly?', expected: ['majors-observability-spend'] },
  {
    question: 'What share of fleet CPU cycles goes to RPC, serialization and compression overhead?',
    expected: ['kanev-datacenter-tax'],
  },
  { question: 'Is Kubernetes too complex for a small team to run?', expected: ['humanitec-k8s-complexity'] },
  {
    question: 'What fraction of American adults were using generative AI in 2024?',
    expected: [
      'nber-rapid-adoption-genai',
      'stlouisfed-rapid-adoption',
      'harvard-gazette-adoption',
      'bick-updated-draft-2025',
    ],
  },
  {
    question: "According to McKinsey's surveys, what proportion of organisations regularly use genAI?",
    expected: ['mckinsey-state-of-ai-2024', 'mckinsey-state-of-ai-2025'],
  },
  {
    question: 'How many generative AI proofs of concept end up being dropped?',
    expected: ['gartner-genai-abandonment'],
  },
  { question: 'Why do most enterprise genAI pilots show no measurable return?', expected: ['mit-nanda-genai-divide'] },
  { question: 'Do developers trust the accuracy of AI coding assistants?', expected: ['stackoverflow-dev-survey-ai'] },
  { question: 'How widely is Kubernetes used to run AI inference workloads?', expected: ['cncf-survey-2026'] },
  {
    question: 'Are microservices a good fit for generative AI applications?',
    expected: ['infoworld-microservices-genai'],
  },
  {
    question: 'When is it worth moving model inference into a service of its own?',
    expected: ['synthesis-when-to-extract-inference', 'vllm-pagedattention', 'kserve-gke-inference-autoscaling'],
  },
  {
    question: "What are the warning signs that we've built a distributed monolith?",
    expected: ['synthesis-distributed-monolith-signals'],
  },
  {
    question: 'How many engineers do we need before splitting into services makes sense?',
    expected: ['synthesis-team-size-and-architecture'],
  },
  {
    question: 'Where should we draw a separate boundary for a code-execution sandbox or regulated data?',
    expected: ['synthesis-compliance-and-sandbox-boundaries'],
  },
  {
    question: 'Do extra network hops matter compared with the time an LLM takes to generate a reply?',
    expected: ['synthesis-genai-latency-vs-ops-cost', 'datacenter-latency-numbers'],
  },
  {
    question: 'How do we enforce module boundaries inside one codebase?',
    expected: ['synthesis-modular-monolith-practice', 'shopify-modular-monolith'],
  },
  {
    question: 'Should document ingestion and embedding run as separate background workers?',
    expected: ['synthesis-ingestion-workers'],
  },
];

/** Questions outside the knowledge base: the honest answer is "I don't know". */
export const OUT_OF_SCOPE: readonly string[] = [
  'What is the capital of France?',
  'Give me the best pizza recipe',
  'Who won the 2018 football World Cup?',
  'How do I bake sourdough bread at home?',
  "What's the weather forecast for Paris tomorrow?",
  'How do I stop my puppy from biting?',
  "Translate 'good morning' into Japanese",
  'What are the symptoms of the flu?',
];
