/**
 * The vocabulary: synonyms and jargon mapped to profile facts. Each rule names what a positive mention
 * means and, where it means something, what a denial means ("no tracing" → tracing: false). Patterns run
 * on normalised text (lower case, number words as digits).
 */
import type { FactKey } from '../profile/profile.js';
import { isLightIngestion } from './ingestion-scale.js';

/** A fact a rule proposes; `priority` breaks ties between rules that set the same key. */
export interface Proposal {
  key: FactKey;
  value: unknown;
  priority?: number;
  /** About a sub-group ("infra team (8 people)"): never taken as a correction of the team's figure. */
  aside?: boolean;
  /** A number stated as a range ("5–6 teams"). */
  range?: [number, number];
}

export interface TermRule {
  id: string;
  pattern: RegExp;
  yes: Proposal[];
  /** Facts when the mention is denied; without it a denied mention is ignored. */
  no?: Proposal[];
  /**
   * A denial inside a relative clause about some parts ("analytics that don't touch PHI") means the rest
   * does: 'keep-yes' reads the positive facts; otherwise such a denial says nothing.
   */
  partialDenial?: 'keep-yes';
  /** An obligation ("auditors want PHI isolated", "must stay in the EU") is today's fact, not a wish. */
  requirementIsFact?: boolean;
  /** Only partly in place ("tracing is partially rolled out") reads as the denial. */
  immatureMeansNo?: boolean;
  /** When the sentence shows the mention is light ("a nightly job over 2k documents"), `light` is read instead. */
  lightWhen?: (sentence: string) => boolean;
  light?: Proposal[];
}

type RuleOptions = Pick<TermRule, 'partialDenial' | 'requirementIsFact' | 'immatureMeansNo' | 'lightWhen' | 'light'>;

const rule = (id: string, pattern: RegExp, yes: Proposal[], no?: Proposal[], options: RuleOptions = {}): TermRule => ({
  id,
  pattern: new RegExp(pattern.source, 'g'),
  yes,
  ...(no ? { no } : {}),
  ...options,
});
const BOUNDARY: RuleOptions = { partialDenial: 'keep-yes' };
const COMPLIANCE: RuleOptions = { partialDenial: 'keep-yes', requirementIsFact: true };
const MATURITY: RuleOptions = { immatureMeansNo: true };
const comp = (...c: string[]): Proposal => ({ key: 'components', value: c });

// The whole system inside the regulated perimeter.
const WHOLE_SCOPE = String.raw`(?:already )?in (?:the )?(?:audit |compliance |regulated |pci |hipaa |soc ?2 )?scope|audited as a whole|(?:hipaa|pci|fedramp|baa)[- ](?:eligible|compliant|certified|approved|covered) (?:[\w'-]+ ){0,2}(?:account|environment|cloud|tenant|subscription|vpc)`;
// Data that needs protecting, but not by itself a separate service.
const SENSITIVE = String.raw`(?:data|information|content) (?:is|are) (?:personal|sensitive|confidential|regulated)|pii|phi|protected health information|cardholder data|personally identifiable|personal (?:data|information|details)|customer (?:data|records)|user data|sensitive (?:data|documents|records)|regulated (?:data|industry|workloads?|customers?)|gdpr|ccpa|soc ?2|patient (?:data|records)|health (?:data|records)|medical records|bank(?:ing)? data|financial (?:data|records)|employee records|chat logs|payments? data|card (?:data|numbers)|phone numbers|email addresses|home addresses|names and (?:emails|addresses)|user names and emails|payroll (?:records|data)|salary data|children's data|transaction data|confidential hr documents|hr documents|patient notes|patient info`;
// Wording that asks for a boundary around such data.
const ISOLATE_VERB = String.raw`isolat\w*|separately audited|audited separately|segregat\w*|ring-?fenc\w*|walled off|kept apart|separate (?:vpc|environment|account|region|tenant|network|cluster|database|subscription|deployment|infrastructure)|(?:its|their) own (?:vpc|environment|account|region|tenant|network|cluster|database)|dedicated (?:vpc|environment|account|region|tenant|network|cluster|database)|(?:stay|remain|kept|be kept|live|stored) (?:in|within|inside|on) (?:the )?(?:eu|us|uk|country|region|our (?:vpc|network|premises|data ?cent(?:er|re))|on-?prem\w*)|on-?prem(?:ise|ises)?(?: only)?|(?:must|can) ?(?:never|not|n't) leave|audit(?:ed|able)? (?:boundary|scope|perimeter)|in scope for (?:the )?audit|(?:its|their) own (?:network segment|subnet|access controls?|audit log(?:s|ging)?)|network segment`;
const ISOLATION = String.raw`data residency|data sovereignty|sovereign cloud|must stay in the (?:eu|us|uk|country|region)|(?:must|can) ?(?:never|not|n't) leave (?:the |our )?(?:eu|us|uk|country|region|vpc|network|premises|building|data ?cent(?:er|re))|tenant isolation|isolated tenants?|air-?gapped|(?:in|into|on) (?:its|their) own (?:network segment|subnet)|(?:its|their) own audit log(?:s|ging)?|out of (?:hipaa|pci|sox|audit|compliance) scope|separate (?:vpc|environment|account|tenant|region) for (?:the )?(?:regulated|sensitive|patient|health|card|customer|personal)`;

// Why a part is kept apart: a regime, regulated data, a contract, a policy or an auditor.
const OBLIGATION = String.raw`${SENSITIVE}|hipaa|phi|pci(?:-dss| dss)?|coppa|ferpa|sox|fedramp|regulat\w+|contract(?:ual(?:ly)?|s)?|by contract|(?:our |their |company )?polic(?:y|ies)|auditors?|legal(?: team)?|compliance|residency|can ?(?:no|')t leave|must(?: not|n't)? leave|(?:must|has to|have to|needs? to|(?:is|are) required to) (?:stay|live|be kept|be stored|remain|run|sit|reside)`;
// A place of its own for some data or a part of the system.
const SEPARATE_PLACE = String.raw`(?:(?:separately managed|separate|isolated|dedicated|locked-?down|walled[- ]off|its own|their own|fully separate|totally separate)(?:,? (?:[\w-]+))?) (?:project|account|environment|index|deployment|stack|cluster|database|instance|vpc|schema|network|region|enclave|subscription|tenant)s?|(?:inside|within|in) the (?:hospital|bank|customer|client)(?:'s)? (?:network|premises|data ?cent(?:er|re))|walled off`;

export const LEXICON: TermRule[] = [
  // Model hosting.
  rule(
    'self-hosted',
    /\b(?:h100s?|a100s?|h200s?|b200s?|l40s?|l4s?|a10g?s?|t4s?|gpus?(?! (?:bill|costs?|spend|budget|prices?|invoice))|gpu nodes?|gpu cluster|vllm|tgi|text generation inference|triton|tensorrt(?:-llm)?|llama\.cpp|ollama|sglang|nvidia nim|nim containers?|kserve|ray serve|(?<!\b(?:small|tiny|lightweight|little|cpu) |\b(?:customers?|clients?|tenants?) (?:to |can |could |will |would )?)self-?host(?:ed|ing|s)?(?! (?:small |tiny |cpu )?(?:re-?rankers?|embedders?|embedding models?|classifiers?|cross-encoders?|ner models?)\b)|host(?:ing)? (?:our|the|its) own (?:models?|llms?)|run(?:ning)? (?:our|the) own (?:models?|llms?)|on-?prem(?:ise)? (?:models?|llms?|inference)|open[- ]weights? models? (?:we|on our))\b/,
    [
      { key: 'modelHosting', value: 'self-hosted' },
      { key: 'gpuInference', value: true },
    ],
    [{ key: 'gpuInference', value: false }],
    BOUNDARY,
  ),
  rule(
    'serve-open-model',
    /\b(?:run|runs|running|serve|serves|serving|host|hosts|hosting|deploy|deploys|deployed|fine-?tune[sd]?|fine-?tuning)\b[^.;]{0,30}\b(?:llama|mistral|mixtral|qwen|deepseek|falcon|gemma|phi-?\d|yi-|olmo|starcoder|codellama)/,
    [
      { key: 'modelHosting', value: 'self-hosted' },
      { key: 'gpuInference', value: true },
    ],
  ),
  // Models we run ourselves without GPUs (a reranker or embedder in PyTorch on CPU): still ours to operate.
  rule(
    'self-run-cpu-model',
    /\b(?:pytorch|torch|sentence-transformers|cross-encoders?|onnx ?runtime|hugging ?face transformers|(?:our own|custom|in-house|self-hosted|local) (?:re-?ranker|embedding model|embedder|classifier|ner model|model))\b/,
    [{ key: 'modelHosting', value: 'self-hosted', priority: 0 }],
  ),
  // A small model of our own (a reranker, an embedder, a classifier) fits on CPUs: no GPU boundary unless
  // GPUs are named, which outranks this.
  rule(
    'small-self-run-model',
    /\b(?:(?:small|tiny|lightweight|little|cpu|our own|custom|in-house|self-hosted|local)(?: self-hosted| local| open)? (?:re-?rankers?|embedders?|embedding models?|classifiers?|cross-encoders?|ner models?)|(?:small|tiny|lightweight) (?:self-hosted |local |open(?:-weights?)? )?models?)\b/,
    [
      { key: 'modelHosting', value: 'self-hosted', priority: 0 },
      { key: 'gpuInference', value: false, priority: 0 },
    ],
  ),
  // "a mix of hosted and self-hosted models": both, whichever is named first.
  rule(
    'mixed-hosting',
    /\b(?:mixed (?:setup|hosting|model hosting|approach)|(?:a )?mix(?:ture)? of (?:hosted|api|third-party)(?: apis?| models?| llms?)? and (?:a |an |some |our own )?(?:\w+ )?(?:self-?hosted|in-house|our own)|both hosted and self-?hosted|hosted (?:apis?|llms?|models?) (?:plus|\+|alongside|and) (?:a |an |some )?(?:\w+ )?(?:self-?hosted|our own|in-house))\b/,
    [{ key: 'modelHosting', value: 'mixed', priority: 2 }],
  ),
  rule(
    'cpu-inference',
    /\b(?:(?:runs?|running|served|serving|inference) on (?:the )?cpus?|cpu[- ](?:only|inference|bound)|on cpu)\b/,
    [{ key: 'gpuInference', value: false }],
  ),
  rule(
    'hosted-api',
    /\b(?:openai|azure openai|anthropic|claude|bedrock|gemini|vertex(?: ai)?|(?<![-\w])(?:fully|all|100%|purely) (?:on )?(?:the )?(?:hosted )?apis?\b|(?:went|go|going|moved|switched) (?:fully |all |100% )?(?:to )?(?:the )?(?:hosted )?apis?\b|api-only|cohere|mistral api|groq|together(?: ai|'s api| api)|fireworks|voyage|cohere rerank|gpt-?\d[\w.-]*|chatgpt api|hosted (?:llm |model )?apis?|third-party (?:llm |model )?apis?|llm apis?|model apis?|api-based models?|call (?:an? |the )?(?:llm|model) api)\b/,
    [{ key: 'modelHosting', value: 'hosted-api' }],
  ),
  rule(
    'solo',
    /\b(?:solo (?:dev|developer|founder|engineer)|just me|i'm the only (?:engineer|developer|dev)|1-person (?:team|shop))\b/,
    [
      { key: 'engineers', value: 1 },
      { key: 'teams', value: 1, priority: 0 },
    ],
  ),
  // Two people: "my business partner and me", "me and one other engineer", "the pair of us".
  rule(
    'pair',
    /\b(?:(?:just )?(?:my|a|one) (?:business )?(?:partner|co-?founder|cofounder|colleague|contractor|friend|freelancer) and (?:me|i|myself)|(?:me|i) and (?:my|a|one) (?:other )?(?:business )?(?:partner|co-?founder|cofounder|colleague|contractor|friend|freelancer|engineer|dev|developer)|the (?:pair|two) of us|just the two of us)\b/,
    [{ key: 'engineers', value: 2 }],
  ),
  // Platform.
  rule(
    'kubernetes',
    /\b(?:k8s|k3s|kubernetes|eks|gke|aks|openshift|helm charts?|kubectl|kserve|knative|argo ?(?:cd|rollouts|workflows)|istio|linkerd|karpenter)\b/,
    [{ key: 'containerPlatform', value: 'kubernetes', priority: 3 }],
    [{ key: 'containerPlatform', value: 'none', priority: 0 }],
  ),
  rule(
    'containers',
    /\b(?:ecs|fargate|docker(?:ized)?|containers?|containeri[sz]ed|cloud run|app runner|nomad|docker compose|azure container apps)\b/,
    [{ key: 'containerPlatform', value: 'containers', priority: 2 }],
    [{ key: 'containerPlatform', value: 'none', priority: 1 }],
  ),
  rule(
    'no-container-platform',
    /\b(?:heroku|serverless|aws lambda|lambda functions|cloud functions|azure functions|render\.com|(?<=\b(?:on|to|onto) )render\b|fly\.io|vercel|netlify|a single vm|1 vm|one vm|1 ec2 (?:box|instance)|a single server|1 server|bare vms?|plain vms?|pythonanywhere|digitalocean droplet)\b/,
    [{ key: 'containerPlatform', value: 'none', priority: 1 }],
  ),
  rule(
    'platform-team',
    /\b(?:platform (?:team|org|organi[sz]ation)s?|platform (?:\+|and|&) sre (?:teams?|orgs?|organi[sz]ations?)|platform engineering|platform group|infra(?:structure)? team|devops team|sre team|internal developer platform|idp|golden paths?|backstage|mature (?:kubernetes |k8s |internal )?platform|paved road)\b/,
    [{ key: 'platformTeam', value: true }],
    [{ key: 'platformTeam', value: false }],
    MATURITY,
  ),
  // Who runs it. Customers running it on their own infrastructure, or devices running it, change what a
  // service boundary costs; "on-prem" alone is the team's own data centre, which is still hosted by the team.
  rule(
    'customer-installed',
    /\b(?:on-?prem(?:ise|ises)? (?:installs?|installations?|deployments? (?:at|for|in) (?:customers?|clients?)|customers?|clients?|edition|version|product|offering)|(?:customers?|clients?|hospitals|banks|tenants) (?:\w+ )?(?:install|deploy|run|host|self-host|operate)s? (?:it|our (?:product|app|software|platform|stack|system))|(?:customers?|clients?|banks|hospitals|tenants) (?:\w+ )?(?:install|deploy|run|host|operate)s? (?:it |them )?(?:in|into|on|inside) their (?:own )?|(?:installed|deployed|runs?|running|ships?|shipped) (?:in|on|into|inside|to) (?:the |each |every )?(?:customers?|clients?)(?:'s?|s') (?:own )?(?:premises|data ?cent(?:er|re)s?|clouds?|vpcs?|infrastructure|environments?|accounts?|kubernetes|k8s|clusters?|servers?|sites?|hardware)|self-managed (?:version|edition|deployments?|installs?)|(?:in|into|on) (?:their|the customer's|customers'|clients') (?:own )?(?:aws|gcp|azure|cloud) (?:accounts?|subscriptions?|projects?|tenants?)|(?:sell|sells|ship|ships) an? (?:\w+ )?appliance|(?:in|inside) the (?:customer|client|hospital|bank|clinic)(?:'s|s') server rooms?|(?:customers?|clients?|tenants?) (?:to |can |could |will |would )?self-?host\w*|customer-(?:hosted|managed|installed|operated)|bring your own cloud|byoc|(?:install|installs|installed|run|runs|host|hosts|deploy|deploys)\b[^.;]{0,30}\b(?:in|on|into|inside) (?:their|the (?:customer|client)'s|(?:customers|clients)') own\b|(?:ships?|sold) (?:it )?as an? (?:appliance|on-?prem\w* (?:build|version|edition))|(?:banks|hospitals|customers|clients) install)\b/,
    [{ key: 'deploymentTopology', value: 'customer-installed', priority: 2 }],
  ),
  rule(
    'edge',
    /\b(?:on-?device|edge devices?|runs? (?:locally |offline )?on (?:the )?(?:users'? |user's |customers'? |their |the technicians'? )?(?:(?:rugged |own )?(?:phones?|laptops?|devices?|cameras?|vehicles?|cars|robots?|kiosks?|handhelds?|tablets?|wearables?|point-of-sale terminals?|set-top boxes))|runs? (?:locally|offline)\b|offline mode|works offline|(?:deployed|installed|running|runs?) on (?:the |each |every |our |their )?(?:[\w-]+ )?(?:forklifts?|vehicles?|trucks?|drones?|robots?|machines|scanners|handhelds?|tablets?|phones?|cameras?|kiosks?|tills?|tractors?|headsets?)\b|runs? (?:the |a |an |our |its |their )?(?:[\w-]+ ){0,3}(?:model|models|inference|llm|classifier) (?:locally|offline|on-?device)\b|(?:embedded|iot) devices?|edge (?:boxes|gateways?|hardware|nodes?|inference|deployments?)|infotainment units?|set-top boxes|on the wearables|inside the kiosk|jetson|phone's npu)\b/,
    [{ key: 'deploymentTopology', value: 'edge', priority: 3 }],
  ),
  rule(
    'hosted',
    /\b(?:saas|multi-?tenant (?:saas|platform|app|product|service)|we (?:still |also |all |just )?(?:host|run|operate) (?:it|everything|every instance|all instances|the service)(?: ourselves)?|(?:stream|streams|send|sends|upload|uploads|round-?trips?|goes|go|call|calls) (?:\w+ )?(?:to|into) our (?:own )?(?:servers?|data ?cent(?:er|re)s?|cloud|backend|api|gpus?)|(?:web ?app|website|site|saas app|api) (?:on|hosted on|deployed (?:on|to)|running on) (?:render|heroku|vercel|fly\.io|netlify|railway|cloud run|app engine|azure app service)|(?:everyone|all (?:our )?(?:customers|users)) uses? our (?:hosted|cloud|web) (?:version|app|product|service)|(?:web app|service|platform) we (?:host|run|operate)|hosted (?:product|service|platform|offering|version|cloud)|our (?:hosted|managed) (?:version|cloud|offering|service)|managed offering|internal (?:tool|app|assistant|chatbot|bot|rag assistant|platform)|(?:runs?|running|lives?|deployed|hosted) (?:in|on) our (?:own )?(?:aws|gcp|azure|cloud|servers?|infra\w*|data ?cent\w*|account|gcp project|kubernetes clusters?)|logs? ?in to our cloud|a login to our cloud|(?:every|each) tenant runs in our)\b/,
    [{ key: 'deploymentTopology', value: 'hosted', priority: 1 }],
  ),
  // Operations.
  rule(
    'on-call',
    /\b(?:on-?call|on call|pager(?:s|duty)?|opsgenie|incident\.io|sre (?:team|org|group|function)s?|site reliability (?:team|group|engineering|org)|incident rotation|24\/7 (?:support|rotation)|gets? paged|carr(?:y|ies) (?:a|the) pager|pager rotation|(?:primary and secondary|follow-the-sun|weekly|support) rota(?:tion)?|rota|wakes? us up|holding the pager|phone rings|(?:call|ring|wake)s? (?:someone|somebody|whoever) (?:up)?|gets? (?:called|woken up)|(?:we|they) page (?:someone|somebody|whoever|the)|pages? (?:someone|somebody|whoever is)|get(?:s|ting)? paged)\b/,
    [{ key: 'onCall', value: true }],
    [{ key: 'onCall', value: false }],
    MATURITY,
  ),
  rule(
    'tracing',
    /\b(?:datadog|honeycomb|opentelemetry|open telemetry|otel|jaeger|zipkin|grafana tempo|new relic|dynatrace|lightstep|langsmith|langfuse|arize phoenix|helicone|tracing|traces|traced|observability|apm)\b/,
    [{ key: 'tracing', value: true }],
    [{ key: 'tracing', value: false }],
    MATURITY,
  ),
  // Logs alone are not tracing: "today we just grep CloudWatch logs", "zero visibility into the chain".
  rule(
    'logs-only',
    /\b(?:(?:just|only) (?:\w+ ){0,2}(?:cloudwatch |structured |plain |app |application )?logs|(?:zero|no) visibility)\b/,
    [{ key: 'tracing', value: false }],
  ),
  rule('no-monitoring', /\b(?:monitoring|metrics|dashboards|logging)\b/, [], [{ key: 'tracing', value: false }]),
  rule(
    'ci-cd',
    /\b(?:github actions|gitlab ci|circleci|circle ci|jenkins|buildkite|argo ?cd|argo rollouts|spinnaker|flux ?cd|ci\/cd|ci|cd pipelines?|continuous (?:delivery|deployment|integration)|automated (?:deploys|deployments|releases|tests)|deploy(?:s|ed)? on (?:every )?merge|(?:merges?|commits?|prs?|pushes) (?:to|into) (?:main|master|trunk) (?:are|is|go|goes|get|gets|trigger|triggers|auto-?deploy)\w*|no human in the loop|auto-?deploy\w*|deploy(?:s|ed)? automatically|(?:deploy(?:ment)?|ci|build|release) pipelines?|trunk-based|canar(?:y|ies) (?:rollouts?|releases?|deploy(?:s|ments)?)|(?:automated|progressive) (?:canaries|rollouts|delivery)|blue[- ]green deploy\w*)\b/,
    [{ key: 'ciCd', value: true }],
    [{ key: 'ciCd', value: false }],
  ),
  // Teams that already deploy on their own are not blocked by a shared release.
  rule(
    'independent-deploys',
    /\b(?:(?:each|every) (?:team|squad) (?:ships|deploys|releases)(?: (?:its|their) (?:own )?(?:services?|code))? (?:independently|on (?:its|their) own)|(?:owns? and )?deploys? (?:its|their) (?:own )?services independently|independent(?:ly)? (?:deploys|deployments|releases) (?:per|by each|for each|by) (?:team|squad)|per-?(?:team|squad) (?:pipelines|deploys|deployments|releases)|teams? (?:deploy|ship|release)s? independently)\b/,
    [
      { key: 'releaseFriction', value: false },
      { key: 'ciCd', value: true },
    ],
  ),
  rule(
    'manual-deploys',
    /\b(?:deploy(?:s|ed|ing)? (?:it |everything )?(?:by hand|manually)|(?:deploy(?:s|ment|ments)?|releases?) (?:are|is) (?:all |still |mostly |entirely )?(?:manual|by hand)|manual(?:ly)? (?:deploys?|deployments?|releases?)|hand-?deploy\w*|(?:deploy(?:s|ments?)?|releases?) (?:aren't|are not|isn't|is not|are never|were never) automated|ssh(?:ing)? (?:in|into|to)|scp\b|ftp\b|click-?ops|copy files to the server|by hand)\b/,
    [{ key: 'ciCd', value: false }],
  ),
  // Components.
  rule(
    'retrieval',
    /\b(?:pgvector|pinecone|weaviate|milvus|qdrant|chroma(?:db)?|faiss|lancedb|vespa|elasticsearch|opensearch|vector (?:db|database|store|search|index)|rag|retrieval|semantic search|hybrid search|re-?rank(?:er|ing)?|knowledge base)\b/,
    [comp('retrieval')],
  ),
  rule(
    'inference',
    /\b(?:generation|inference (?:service|gateway|layer|server|pods?|endpoint|api|fleet|workers?|cluster|nodes?|tier)|llm calls?|(?:then |and )?(?:1|one|a single) prompt)\b/,
    [comp('inference')],
  ),
  rule('embedding', /\b(?:embeddings?|embedding models?|embed(?:s|ded)? (?:the )?(?:docs|documents|chunks))\b/, [
    comp('embedding'),
  ]),
  rule(
    'orchestration',
    /\b(?:langgraph|langchain|llamaindex|llama index|crewai|autogen|semantic kernel|dspy|multi-agent|agent framework|orchestration (?:layer|service|framework)|orchestrator)\b/,
    [comp('orchestration')],
  ),
  rule(
    'guardrails',
    /\b(?:guardrails?|nemo guardrails|moderation|content filter(?:s|ing)?|llama guard|safety filters?|pii redaction|jailbreak detection)\b/,
    [comp('guardrails')],
  ),
  rule(
    'ingestion',
    /\b(?:ingest(?:ion|s|ing|ed)?|crawl(?:er|ers|ing)?|etl|scrap(?:e|er|ing)|document processing|pdf parsing|pars(?:e|es|ing) (?:the )?(?:pdfs|documents|docs)|ocr|chunking|index(?:ing)? (?:jobs?|pipeline)|backfills?)\b/,
    [comp('ingestion')],
  ),
  rule(
    'evaluation',
    /\b(?:evals?|evaluations?|llm-as-(?:a-)?judge|ragas|promptfoo|golden sets?|offline tests of prompts)\b/,
    [comp('evaluation')],
  ),
  rule('post-processing', /\b(?:post-?processing|output parsing|formatting step|citation checking)\b/, [
    comp('post-processing'),
  ]),
  rule('ui', /\b(?:front-?end|web app|chat ui|ui|chat widget|widget|mobile app|phone app)\b/, [comp('ui')]),
  // Heavy ingestion and traffic shape.
  rule(
    'heavy-ingestion',
    /\b(?:(?:nightly|batch|bulk|overnight|daily|weekly|huge|massive|large|heavy) (?:[a-z]+ )?(?:ingestion|ingest|backfills?|crawls?|etl|re-?index(?:ing)?|re-?embed(?:ding)?)|(?:\d+ )?(?:tb|terabytes|petabytes|pb) of (?:documents|docs|pdfs|data|files|text)|re-?embed(?:ding)? (?:the )?(?:whole|entire) corpus)\b/,
    [{ key: 'heavyIngestion', value: true }, comp('ingestion')],
    undefined,
    {
      // A nightly job over a small corpus is a schedule, not heavy ingestion.
      lightWhen: isLightIngestion,
      light: [{ key: 'heavyIngestion', value: false, priority: 0 }, comp('ingestion')],
    },
  ),
  // Heavy by scale, not by schedule: hours-long jobs, or jobs that compete with live traffic.
  rule(
    'heavy-ingestion-scale',
    /\b(?:(?:ingestion|ingest|backfills?|re-?index\w*|re-?embed\w*|indexing|etl|crawls?|embedding jobs?)\b[^.;]{0,60}\b(?:takes?|took|runs? for|running for|lasts?) (?:\d+|several|many|multiple) hours|multi-?hour (?:ingestion|backfills?|jobs?|re-?index\w*|re-?embed\w*|batch(?:es)?|crawls?)|(?:ingestion|backfills?|batch jobs?|re-?index\w*|re-?embed\w*|indexing)\b[^.;]{0,60}\b(?:compet\w+ with|starv\w+|slow\w* down|hog\w*|eat\w* into) (?:the |our )?(?:live|user|production|customer|interactive)[- ](?:traffic|requests|queries|users|latency|api)|(?:ingestion|backfills?|batch jobs?|re-?index\w*|re-?embed\w*|indexing)\b[^.;]{0,120}\b(?:makes? the (?:web )?app crawl|latency goes to hell|oom[- ]?kill\w*|(?:web )?pods (?:get )?oom))\b/,
    [{ key: 'heavyIngestion', value: true, priority: 2 }, comp('ingestion')],
  ),
  rule(
    'spiky',
    /\b(?:spiky|spikes?|bursty|bursts?|(?:traffic|load|usage|requests?|queries|demand) peaks?|peaks? (?:traffic|load|hours?|times?|usage|season|demand|of \d|at \d)|peaky|launch[- ]day|black friday|unpredictable (?:load|traffic)|(?:doubles|triples|quadruples|\d+x(?:es)?|multiplies) (?:(?:our|the|normal|usual|regular|average|typical) )*(?:load|traffic|usage|requests|volume))\b/,
    // A load that spikes is spiky even when it is flat the rest of the time.
    [{ key: 'trafficShape', value: 'spiky', priority: 2 }],
  ),
  rule(
    'batch-traffic',
    /\b(?:batch (?:jobs?|workloads?|processing|summari[sz]er|pipeline|system|app)|(?:nightly|overnight) batch|nightly (?:jobs?|runs?|batches)|overnight (?:jobs?|runs?))\b/,
    [{ key: 'trafficShape', value: 'batch', priority: 0 }],
  ),
  rule(
    'steady',
    /\b(?:steady|predictable|flat|constant|even) (?:traffic|load|usage|demand)\b|(?<=\b(?:traffic|load|usage|demand|queries|requests|conversations|questions|chats|messages|calls)\b[^.;]{0,40})\b(?:pretty |fairly |very |quite |mostly |really )?(?:steady|predictable|flat|constant)\b/,
    [{ key: 'trafficShape', value: 'steady' }],
  ),
  // Boundaries.
  // A compliance boundary needs isolation wording or a regime that is met by scoping one part (HIPAA,
  // PCI, FedRAMP). Merely holding personal data ("we store PII", "GDPR applies") is a data-protection
  // concern for every architecture, recorded as sensitiveData.
  // A named regime alone ("HIPAA", "PHI", "PCI") usually means one part must be scoped: a weak signal.
  rule(
    'compliance',
    /\b(?:hipaa|phi|pci(?:-dss| dss)?|cardholder data(?: environment)?|fedramp|itar|hitrust|cjis|(?:pci|hipaa|soc ?2|audit) scope|audit boundary)\b/,
    [
      { key: 'complianceBoundary', value: true },
      { key: 'sensitiveData', value: true },
    ],
    [{ key: 'complianceBoundary', value: false }],
    COMPLIANCE,
  ),
  // Isolation wording around regulated data ("PHI only inside a separately audited component") is the
  // boundary itself: it outranks both a bare regime and a whole-system scope.
  rule(
    'compliance-isolation',
    new RegExp(
      String.raw`\b(?:${ISOLATION})\b|\b(?:${SENSITIVE})\b[^.;]{0,80}\b(?:${ISOLATE_VERB})|\b(?:${ISOLATE_VERB})[^.;]{0,60}\b(?:${SENSITIVE})\b`,
    ),
    [
      { key: 'complianceBoundary', value: true, priority: 3 },
      { key: 'sensitiveData', value: true },
    ],
    [{ key: 'complianceBoundary', value: false }],
    COMPLIANCE,
  ),
  // A boundary isolates a PART of the system. When the whole system already sits inside the regulated
  // scope ("the entire platform is in scope and audited as a whole", "everything runs in the client's
  // HIPAA-eligible account"), there is no part to carve out: the data is sensitive, but no boundary pays.
  rule(
    'whole-system-in-scope',
    new RegExp(
      String.raw`\b(?:the |our )?(?:whole|entire|complete) (?:app|application|platform|system|product|stack|estate|codebase|service|solution|deployment)\b[^.;]{0,80}\b(?:${WHOLE_SCOPE})|\b(?:every|each) (?:single )?(?:component|part|service|module|piece)\b[^.;]{0,30}\b(?:touch(?:es)?|handles?|process(?:es)?|sees?|stores?) (?:the )?(?:${SENSITIVE})\b|\b(?:everything|all of it|the lot)(?: is| sits| runs)? (?:in|inside|within) (?:the )?(?:audit |compliance |regulated |pci |hipaa |soc ?2 )?(?:scope|perimeter|boundary)\b`,
    ),
    [
      { key: 'complianceBoundary', value: false, priority: 2 },
      { key: 'sensitiveData', value: true },
    ],
  ),
  // A part kept apart for a reason of law, contract or data: "must stay in a separately managed, locked-down
  // account", "the kids' product runs in a fully separate stack" (policy), "a dedicated, isolated index with
  // separate keys" (the customer's legal team), "has to run inside the hospital network".
  rule(
    'isolated-for-a-reason',
    new RegExp(
      String.raw`\b(?:${OBLIGATION})\b[^.;]{0,120}?\b(?:${SEPARATE_PLACE})\b|\b(?:${SEPARATE_PLACE})\b[^.;]{0,80}?\b(?:${OBLIGATION})\b`,
    ),
    [{ key: 'complianceBoundary', value: true, priority: 3 }],
    [{ key: 'complianceBoundary', value: false }],
    COMPLIANCE,
  ),
  // A tenant kept in its own place: a boundary, whatever the data ("per-customer VPCs", "single-tenant deployments").
  rule(
    'tenant-boundary',
    /\b(?:per-(?:customer|tenant|client) (?:vpcs?|accounts?|databases?|deployments?|clusters?|environments?|instances?|stacks?)|single-tenant (?:deployments?|instances?|installs?|environments?|stacks?))\b/,
    [{ key: 'complianceBoundary', value: true, priority: 2 }],
    [{ key: 'complianceBoundary', value: false }],
    BOUNDARY,
  ),
  // Compliance already met without carving anything out: "no separate enclave needed", "the BAA covers the
  // whole account", "handled by running the whole thing in Frankfurt", "nothing needs carving out".
  rule(
    'boundary-not-needed',
    /\b(?:no|without (?:any |a )?|not (?:any|a)) (?:\w+ ){0,2}?(?:separate|extra|additional|dedicated|special|own) (?:enclave|boundary|isolation|perimeter|segment|environment|account|deployment|stack|vpc|tenant)(?: layers?)?s? (?:is |are )?(?:needed|required|necessary)|(?:don't|doesn't|do not|does not|won't|didn't) (?:need|require) (?:any |an? |its own |their own |a separate |an extra )?(?:[\w-]+ )?(?:enclave|boundary|isolation|carve-?out|perimeter|separate (?:\w+ )?(?:environment|account|deployment|stack))|nothing (?:needs|has) (?:to be )?(?:carv(?:ing|ed) out|isolat(?:ing|ed)|separat(?:ing|ed)|(?:a |its own )?(?:separate|own) (?:boundary|enclave|environment))|(?:is|are) (?:already |fully )?(?:covered|handled|satisfied|met) (?:by|under|through)|(?:baa|dpa|agreement|zero-retention (?:agreement|terms)|policies|controls) (?:already )?covers?|no (?:special |separate )?carve-?outs?|(?:signed off|(?:were|are) happy|is fine|was fine|approved)\b[^.;]{0,60}\b(?:shared|row-level security|logical(?:ly)? separat\w*)|(?:row-level security|logical(?:ly)? separat\w*)[^.;]{0,60}\b(?:is fine|was fine|approved|signed off|(?:were|are) happy)|(?:compliant|certified|audited) across the (?:whole|entire) (?:platform|system|stack|product|company)|(?:requirement|residency|compliance) is (?:handled|met|satisfied) by/,
    [{ key: 'complianceBoundary', value: false, priority: 3 }],
  ),
  rule(
    'sensitive-data',
    new RegExp(String.raw`\b(?:${SENSITIVE})\b`),
    [{ key: 'sensitiveData', value: true }],
    [
      { key: 'sensitiveData', value: false },
      { key: 'complianceBoundary', value: false, priority: 0 },
    ],
    BOUNDARY,
  ),
  // Only public material: nothing personal or regulated ("we only index public product manuals").
  rule(
    'public-data-only',
    /\b(?:only|just|purely|entirely|all) (?:\w+ ){0,3}?public(?:ly available)? (?:data|documents|docs|content|information|pages|manuals|product manuals|drug labels|filings|web ?pages|websites?|sources|datasets?|material)|public (?:data|documents|content|information) only\b/,
    [{ key: 'sensitiveData', value: false, priority: 0 }],
  ),
  rule(
    'untrusted-code',
    /\b(?:(?:run(?:s|ning)?|execut(?:e|es|ed|ing|ion)|exec|eval(?:s|uates?)?)\b[^.;]{0,40}\b(?:(?:user|users'|customer|untrusted|arbitrary|llm|model|ai|agent)[- ]?(?:supplied|provided|submitted|written|generated|authored)?|generated) (?:(?:(?:python|sql|js|javascript|shell) )?(?:code|scripts?|snippets?|programs?)|python|sql|javascript)|(?:writes?|generates?|produces?) (?:and|&|\+) (?:runs?|execut(?:es?|ing)) (?:its own |the )?(?:python|code|sql|scripts?|javascript|js|shell commands?)|(?:code|scripts?) (?:is|are|gets?) (?:llm|model|ai|agent|user)[- ](?:generated|written|supplied)|(?:llm|model|ai|agent|user)[- ](?:generated|written|supplied) (?:code|scripts?)[^.;]{0,40}\b(?:run|runs|running|ran|execut\w+|exec|eval\w*)\b|(?:writes?|generates?|produces?|emits?) (?:(?:its own|the|some) )?(?:python|code|sql|scripts?|javascript|js|shell commands?|programs?)(?: (?:\+|&|and|or) (?:python|sql|javascript|js|shell|bash))? (?:and|&|\+|then) (?:then )?(?:runs?|execut(?:e|es|ing)|evals?) (?:it|them|that|those|the (?:code|scripts?|programs?|quer(?:y|ies)|sql|python))|arbitrary (?:[\w-]+ ){0,2}(?:code|scripts?|programs?) (?:runs?|running|executes?|executing|executed|is run|gets run)|untrusted code|code interpreter|code execution|sandbox(?:ed|es|ing)?(?! (?:environment|account|org|tenant|subscription))|firecracker|gvisor|e2b|microvms?)\b/,
    [{ key: 'untrustedCode', value: true }],
    [{ key: 'untrustedCode', value: false }],
    BOUNDARY,
  ),
  rule(
    'release-friction',
    /\b(?:release friction|release trains?|shared release|1 release|same release|single release (?:pipeline|process)|wait(?:ing)? (?:on|for) (?:each other|(?:one|1) another|other teams|the other teams)|block(?:s|ed|ing)? (?:each other|(?:one|1) another|other teams)|blocked by (?:the |a |1 )?(?:shared|other|another|single|common)|deploy queue|merge queue|coupled (?:together )?(?:in|into|by) (?:1|a single|the same|a shared|1 shared) (?:deploy\w*|releases?|release pipeline|pipeline)|releases? (?:get|gets|are|is|keep getting|keeps getting) (?:\w+ )?blocked|coordinated (?:releases|deploys)|release coordination|lock-?step|code freezes?|step(?:ping)? on each other'?s? toes)\b/,
    [
      { key: 'releaseFriction', value: true },
      { key: 'pains', value: ['slow-releases', 'team-contention'] },
    ],
    [{ key: 'releaseFriction', value: false }],
  ),
  rule(
    'reused',
    /\b(?:other (?:teams|products|apps|business units) (?:call|use|consume|depend on|rely on)|shared (?:retrieval|inference|embedding|search|model|llm) (?:service|platform|gateway)|used by (?:\d+|several|many|multiple) (?:other )?(?:products|teams|apps)|(?:serves|serving) (?:\d+|several|many|multiple) (?:internal )?(?:products|teams|apps)|shared with (?:\d+|several|many|multiple|the|other)(?: other)? (?:products|teams|apps)|(?:\d+|several|many|multiple|two|three) other products (?:call|use|depend on|rely on)|(?:other|\d+) (?:other )?products call)\b/,
    [{ key: 'reusedByOtherProducts', value: true }],
    [{ key: 'reusedByOtherProducts', value: false }],
  ),
  // Pains.
  rule(
    'slow-releases',
    /\b(?:slow releases|releases (?:are|take|took) (?:slow|weeks|days|forever)|takes? (?:weeks|days|forever) to (?:ship|release|deploy))\b/,
    [{ key: 'pains', value: ['slow-releases'] }],
  ),
  rule('merge-conflicts', /\b(?:merge conflicts?|merge hell)\b/, [{ key: 'pains', value: ['merge-conflicts'] }]),
  rule(
    'cascading',
    /\b(?:cascading failures?|(?:1|a) (?:bad )?(?:service|job|outage|failure) (?:takes|took|brings|brought) (?:down )?(?:everything|the whole)|outages? (?:spread|cascade)|takes down (?:everything|the whole (?:app|site|system)))\b/,
    [{ key: 'pains', value: ['cascading-failures'] }],
  ),
  rule(
    'scaling-cost',
    /\b(?:cloud bill|scaling costs?|expensive to scale|keep (?:scaling|adding) (?:up |out )?(?:more )?|(?:what's|it's) killing us|infra(?:structure)? costs? (?:are|is) (?:high|exploding|growing))\b/,
    [{ key: 'pains', value: ['scaling-cost'] }],
  ),
  rule(
    'gpu-cost',
    /\b(?:gpu (?:bill|costs?|spend)|idle gpus?|gpus? (?:are|is) (?:expensive|costly|idle|underused|underutili[sz]ed))\b/,
    [{ key: 'pains', value: ['gpu-cost'] }],
  ),
  rule(
    'ops-overhead',
    /\b(?:ops overhead|operational (?:overhead|burden|toil|load)|toil|drowning in (?:ops|alerts|services)|(?:all|most) (?:of )?(?:our|their) time (?:on )?(?:keeping|firefighting|maintaining|ops|operating)|too many services|on-?call (?:burnout|fatigue|is exhausting)|alert fatigue|burn(?:ed|t)? out|babysit\w*|nightmare to (?:operate|run|maintain|keep up)|(?:more|most of our|all our|half our) time (?:\w+ )?(?:babysitting|maintaining|operating|patching|upgrading|firefighting|nursing|keeping \w+ alive|on ops))\b/,
    [{ key: 'pains', value: ['ops-overhead'] }],
  ),
  rule(
    'slow-builds',
    /\b(?:slow builds?|builds? (?:are|is|take|takes|took|used to take) (?:slow|forever|\d+ (?:minutes|hours))|ci takes? (?:an hour|\d+ (?:minutes|hours)))\b/,
    [{ key: 'pains', value: ['slow-builds'] }],
  ),
  rule(
    'contention',
    /\b(?:team contention|unclear ownership|ownership is unclear|nobody owns|everyone touches everything|trip(?:s|ping)? over each other'?s?|tread(?:s|ing)? on each other'?s? toes)\b/,
    [{ key: 'pains', value: ['team-contention'] }],
  ),
];
