/**
 * The question catalogue: one question per fact that can change the verdict, and the few that only a
 * check-in asks. Each has the words we ask, why it matters, and quick replies that map to fact updates.
 * A typed answer is read by the reading pipeline with the question as context
 * (src/core/reading/read-answer.ts).
 */
import type { FactKey, FactUpdate, TeamProfile } from '../profile/profile.js';

export interface QuestionOption {
  id: string;
  label: string;
  updates: FactUpdate[];
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

/** A question whose quick replies are ranges of one count (each sets a representative number). */
function counts(
  id: 'engineers' | 'teams' | 'users' | 'requestsPerDay' | 'modelSizeB',
  text: string,
  why: string,
  buckets: [string, number][],
): Question {
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
      },
      {
        id: 'self',
        label: 'Our own GPUs',
        updates: [up('modelHosting', 'self-hosted'), up('gpuInference', true)],
      },
      {
        id: 'mixed',
        label: 'Both',
        updates: [up('modelHosting', 'mixed'), up('gpuInference', true)],
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
      },
      {
        id: 'containers',
        label: 'Containers',
        updates: [up('containerPlatform', 'containers')],
      },
      {
        id: 'kubernetes',
        label: 'Kubernetes',
        updates: [up('containerPlatform', 'kubernetes')],
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
      },
      { id: 'pilot', label: 'Pilot', updates: [up('stage', 'pilot')] },
      {
        id: 'production',
        label: 'In production',
        updates: [up('stage', 'production')],
      },
      {
        id: 'scale',
        label: 'At scale',
        updates: [up('stage', 'scale')],
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
      },
      {
        id: 'monolith',
        label: 'One app',
        updates: [up('currentArchitecture', 'monolith')],
      },
      {
        id: 'microservices',
        label: 'Several services',
        updates: [up('currentArchitecture', 'microservices')],
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

/**
 * Questions only a check-in asks: traffic and model size, which the interview reads from a description
 * rather than asking, but which a check-in ("what changed?") asks about directly. Same shape as above.
 */
export const CHECKIN_QUESTIONS: readonly Question[] = [
  counts(
    'users',
    'How many people use it each month now?',
    'Load decides whether any part needs to scale on its own; most genAI apps serve their users from one process for a long time.',
    [
      ['Under 1,000', 500],
      ['1,000–50,000', 20_000],
      ['50,000–1 million', 300_000],
      ['Over 1 million', 3_000_000],
    ],
  ),
  counts(
    'requestsPerDay',
    'Roughly how many requests a day does it serve?',
    'Request volume (not user count) is what GPU and retrieval capacity are sized for.',
    [
      ['Under 10,000', 5_000],
      ['10,000–1 million', 200_000],
      ['1–10 million', 3_000_000],
      ['Over 10 million', 30_000_000],
    ],
  ),
  {
    id: 'trafficShape',
    facts: ['trafficShape'],
    text: 'What does the traffic look like?',
    why: 'Spiky or batch load on one component is what independent scaling is for; steady load rarely needs it.',
    options: (['steady', 'spiky', 'batch'] as const).map((shape) => ({
      id: shape,
      label: { steady: 'Steady', spiky: 'Spiky (peaks)', batch: 'Batch jobs' }[shape],
      updates: [up('trafficShape', shape)],
    })),
  },
  counts(
    'modelSizeB',
    'How large is the biggest model you run yourselves?',
    'Large self-hosted models need dedicated GPUs and their own scaling and release cycle.',
    [
      ['We run none', 0],
      ['Up to 8B', 8],
      ['8B–70B', 70],
      ['Over 70B', 180],
    ],
  ),
];

const CHECKIN_BY_ID = new Map(CHECKIN_QUESTIONS.map((q) => [q.id, q]));

/** A question of either list by id (a check-in may ask both). */
export function catalogueQuestion(id: string): Question | undefined {
  return questionById(id) ?? CHECKIN_BY_ID.get(id);
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
