/**
 * The question catalogue: one question per fact that can change the verdict. Each has the words we ask,
 * why it matters, quick replies that map to fact updates, and a parser for a typed answer.
 */
import { extractFacts } from '../extraction/extract-facts.js';
import type { FactKey, FactUpdate, TeamProfile } from '../profile/profile.js';
import { parseCount, parseYesNo } from './parse-answer.js';

export interface QuestionOption {
  id: string;
  label: string;
  updates: FactUpdate[];
  /** Typed words that select this option. */
  match?: RegExp;
}

export interface Question {
  id: string;
  /** The facts this question settles; it is only asked while the first one is unknown. */
  facts: FactKey[];
  text: string;
  why: string;
  options: QuestionOption[];
}

const up = <K extends FactKey>(key: K, value: NonNullable<TeamProfile[K]>): FactUpdate =>
  ({ key, value }) as FactUpdate;

function yesNo(id: FactKey, text: string, why: string, yes = 'Yes', no = 'No'): Question {
  return {
    id,
    facts: [id],
    text,
    why,
    options: [
      { id: 'yes', label: yes, updates: [up(id, true as never)] },
      { id: 'no', label: no, updates: [up(id, false as never)] },
    ],
  };
}

function counts(id: 'engineers' | 'teams', text: string, why: string, buckets: [string, number][]): Question {
  return {
    id,
    facts: [id],
    text,
    why,
    options: buckets.map(([label, value]) => ({ id: String(value), label, updates: [up(id, value)] })),
  };
}

/** Every question Archie may ask, in a stable order (ties in informativeness keep this order). */
export const QUESTIONS: readonly Question[] = [
  counts(
    'engineers',
    'How many engineers work on this system?',
    'Team size is the strongest predictor: below ~10 engineers, service boundaries cost more in coordination and operations than they return.',
    [
      ['1–5', 3],
      ['6–15', 10],
      ['16–50', 30],
      ['More than 50', 80],
    ],
  ),
  counts(
    'teams',
    'How many separate teams ship changes to it?',
    'Independent deployability pays off when several teams would otherwise wait on each other (Conway’s law).',
    [
      ['One team', 1],
      ['2–3 teams', 2],
      ['4–6 teams', 5],
      ['7 or more', 8],
    ],
  ),
  {
    id: 'modelHosting',
    facts: ['modelHosting', 'gpuInference'],
    text: 'Do you call a hosted model API, or run models yourselves on GPUs?',
    why: 'Self-hosted GPU inference has hardware, scaling and release needs unlike the rest of the app: it is the most common boundary that pays for itself.',
    options: [
      {
        id: 'hosted',
        label: 'Hosted API',
        updates: [up('modelHosting', 'hosted-api'), up('gpuInference', false)],
        match: /\b(hosted|api|openai|anthropic|claude|gemini|bedrock|vertex|azure)\b/i,
      },
      {
        id: 'self',
        label: 'Our own GPUs',
        updates: [up('modelHosting', 'self-hosted'), up('gpuInference', true)],
        match: /\b(self|own|gpus?|vllm|tgi|on-?prem|ollama|llama|triton)\b/i,
      },
      {
        id: 'mixed',
        label: 'Both',
        updates: [up('modelHosting', 'mixed'), up('gpuInference', true)],
        match: /\b(both|mix|mixed|some of each)\b/i,
      },
    ],
  },
  yesNo(
    'heavyIngestion',
    'Do you ingest documents in heavy batches (millions of documents, long-running jobs)?',
    'Heavy ingestion competes with interactive traffic for CPU and memory; a separate worker keeps queries fast.',
  ),
  yesNo(
    'releaseFriction',
    'Do teams block each other on a shared release today?',
    'A shared release train that blocks several teams is the pain independent services actually remove.',
  ),
  yesNo(
    'onCall',
    'Does someone carry an on-call pager for this system?',
    'Every extra service is something to page on; without on-call, distributed failures go unnoticed.',
  ),
  {
    id: 'containerPlatform',
    facts: ['containerPlatform'],
    text: 'Where does it run?',
    why: 'Running many services is cheap only on a mature platform (containers, orchestration, a platform team).',
    options: [
      {
        id: 'none',
        label: 'VMs / PaaS, no containers',
        updates: [up('containerPlatform', 'none')],
        match: /\b(vm|vms|paas|heroku|render|no containers?|serverless|lambda)\b/i,
      },
      {
        id: 'containers',
        label: 'Containers',
        updates: [up('containerPlatform', 'containers')],
        match: /\b(containers?|docker|ecs|cloud run|fargate)\b/i,
      },
      {
        id: 'kubernetes',
        label: 'Kubernetes',
        updates: [up('containerPlatform', 'kubernetes')],
        match: /\b(kubernetes|k8s|eks|gke|aks|openshift)\b/i,
      },
    ],
  },
  yesNo(
    'tracing',
    'Do you have monitoring with distributed tracing?',
    'Without tracing, a request that crosses services is hard to debug; microservices need it from day one.',
  ),
  yesNo(
    'ciCd',
    'Can you build, test and deploy automatically (CI/CD)?',
    'Independent deployment is only real with a pipeline per deployable; manual releases multiply with every service.',
  ),
  yesNo(
    'complianceBoundary',
    'Is there regulated data or a tenant that must be isolated (HIPAA, PCI, data residency)?',
    'A compliance boundary can justify a separate service even for a small team: it shrinks what auditors must review.',
  ),
  yesNo(
    'untrustedCode',
    'Do your agents run untrusted or generated code that must be sandboxed?',
    'Generated code must run behind a hard isolation boundary, which is a service boundary whatever the team size.',
  ),
  yesNo(
    'platformTeam',
    'Is there a platform team that runs shared infrastructure for you?',
    'A platform team absorbs the operational cost of many services; without one, each team pays it.',
  ),
  {
    id: 'stage',
    facts: ['stage'],
    text: 'What stage is the system at?',
    why: 'Early on, boundaries are still moving: splitting before they settle is the costliest mistake.',
    options: [
      {
        id: 'prototype',
        label: 'Idea / prototype',
        updates: [up('stage', 'prototype')],
        match: /\b(idea|prototype|poc|proof of concept|mvp)\b/i,
      },
      { id: 'pilot', label: 'Pilot', updates: [up('stage', 'pilot')], match: /\b(pilot|beta|trial)\b/i },
      {
        id: 'production',
        label: 'In production',
        updates: [up('stage', 'production')],
        match: /\b(production|prod|live|launched|ga)\b/i,
      },
      {
        id: 'scale',
        label: 'At scale',
        updates: [up('stage', 'scale')],
        match: /\b(scale|scaling|millions of users|large)\b/i,
      },
    ],
  },
  {
    id: 'currentArchitecture',
    facts: ['currentArchitecture'],
    text: 'What does the system look like today?',
    why: 'Migrating costs more than choosing: the advice differs for a greenfield system and for one already split.',
    options: [
      {
        id: 'none',
        label: 'Nothing built yet',
        updates: [up('currentArchitecture', 'none')],
        match: /\b(nothing|greenfield|not yet|new|from scratch)\b/i,
      },
      {
        id: 'monolith',
        label: 'One app',
        updates: [up('currentArchitecture', 'monolith')],
        match: /\b(one app|single app|monolith)\b/i,
      },
      {
        id: 'microservices',
        label: 'Several services',
        updates: [up('currentArchitecture', 'microservices')],
        match: /\b(services|microservices|split)\b/i,
      },
    ],
  },
  yesNo(
    'reusedByOtherProducts',
    'Do other products call parts of this system (a shared retrieval or inference service)?',
    'A component other products depend on needs its own versioned interface and release cycle.',
  ),
];

const BY_ID = new Map(QUESTIONS.map((q) => [q.id, q]));

/** The question with this id, if it exists. */
export function questionById(id: string | undefined): Question | undefined {
  return id ? BY_ID.get(id) : undefined;
}

/** Quick-reply value for an option (sent back unchanged by every channel). */
export const answerValue = (questionId: string, optionId: string) => `answer:${questionId}:${optionId}`;

/** Parses `answer:<question>:<option>` back into a question and option. */
export function parseAnswerValue(
  value: string,
): { question: Question; option?: QuestionOption; unsure: boolean } | undefined {
  const m = /^answer:([\w-]+):([\w-]+)$/.exec(value);
  const question = questionById(m?.[1]);
  if (!m || !question) return undefined;
  if (m[2] === 'unsure') return { question, unsure: true };
  const option = question.options.find((o) => o.id === m[2]);
  return option ? { question, option, unsure: false } : undefined;
}

const LEADING_YES_NO =
  /^\W*(yes|yeah|yep|yup|no|nope|nah|sure|correct|absolutely|definitely|of course|not really|never|y|n)\b/i;

/**
 * Reads a typed answer to `question`; undefined when the text does not answer it. Facts the extractor
 * finds for this question win; when the text is about other facts ("we have PagerDuty" while we asked
 * about compliance) it is not taken as an answer, unless it starts with a plain yes or no.
 */
export function parseTypedAnswer(question: Question, text: string, profile: TeamProfile): FactUpdate[] | undefined {
  const trimmed = text.trim();
  const extracted = safeExtract(trimmed, profile);
  const own = extracted.filter((u) => question.facts.includes(u.key));
  if (own.length) return own;
  const first = question.facts[0]!;
  const isYesNo = question.options.length === 2 && question.options[0]!.id === 'yes';
  if (extracted.length && !(isYesNo && LEADING_YES_NO.test(trimmed))) return undefined;
  if (question.id === 'engineers' || question.id === 'teams') {
    const n = parseCount(trimmed);
    return n !== undefined && n >= 1 ? [up(first as 'engineers', Math.min(n, 100_000))] : undefined;
  }
  if (isYesNo) {
    const yes = parseYesNo(trimmed);
    return yes === undefined ? undefined : [up(first, yes as never)];
  }
  const quick = /^\s*(\d{1,2})\s*$/.exec(trimmed);
  const option = quick ? question.options[Number(quick[1]) - 1] : question.options.find((o) => o.match?.test(trimmed));
  return option?.updates;
}

/** The offline extractor, never throwing (bad input must not break a turn). */
export function safeExtract(text: string, profile: TeamProfile): FactUpdate[] {
  try {
    return extractFacts(text, profile);
  } catch {
    return [];
  }
}
