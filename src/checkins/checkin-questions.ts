/**
 * What a check-in asks after "what changed?": only the questions about the facts that change touches.
 * The interview's own catalogue supplies most; traffic and model size, which the interview infers from
 * descriptions, get check-in questions with the same shape.
 */
import { QUESTIONS, type Question, questionById } from '../core/interview/questions.js';
import type { FactKey, FactUpdate } from '../core/profile/profile.js';

export const CHANGE_KINDS = ['none', 'team', 'traffic', 'models', 'all'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  none: 'Nothing changed',
  team: 'Team grew',
  traffic: 'Traffic changed',
  models: 'Models changed',
  all: 'Update everything',
};

const up = (key: FactKey, value: unknown) => ({ key, value }) as FactUpdate;

const EXTRA: Question[] = [
  {
    id: 'users',
    facts: ['users'],
    text: 'How many people use it each month now?',
    why: 'Load decides whether any part needs to scale on its own; most genAI apps serve their users from one process for a long time.',
    options: [
      ['Under 1,000', 500],
      ['1,000–50,000', 20_000],
      ['50,000–1 million', 300_000],
      ['Over 1 million', 3_000_000],
    ].map(([label, value]) => ({ id: String(value), label: String(label), updates: [up('users', value)] })),
  },
  {
    id: 'requestsPerDay',
    facts: ['requestsPerDay'],
    text: 'Roughly how many requests a day does it serve?',
    why: 'Request volume (not user count) is what GPU and retrieval capacity are sized for.',
    options: [
      ['Under 10,000', 5_000],
      ['10,000–1 million', 200_000],
      ['1–10 million', 3_000_000],
      ['Over 10 million', 30_000_000],
    ].map(([label, value]) => ({ id: String(value), label: String(label), updates: [up('requestsPerDay', value)] })),
  },
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
  {
    id: 'modelSizeB',
    facts: ['modelSizeB'],
    text: 'How large is the biggest model you run yourselves?',
    why: 'Large self-hosted models need dedicated GPUs and their own scaling and release cycle.',
    options: [
      ['We run none', 0],
      ['Up to 8B', 8],
      ['8B–70B', 70],
      ['Over 70B', 180],
    ].map(([label, value]) => ({ id: String(value), label: String(label), updates: [up('modelSizeB', value)] })),
  },
];

const EXTRA_BY_ID = new Map(EXTRA.map((q) => [q.id, q]));

/** A check-in question by id (the interview catalogue or the check-in extras). */
export function checkinQuestion(id: string): Question | undefined {
  return EXTRA_BY_ID.get(id) ?? questionById(id);
}

const FOCUS: Record<Exclude<ChangeKind, 'none' | 'all'>, string[]> = {
  team: ['engineers', 'teams', 'releaseFriction'],
  traffic: ['users', 'requestsPerDay', 'trafficShape'],
  models: ['modelHosting', 'modelSizeB'],
};

/** The question ids a change kind re-asks, in order. */
export function questionsFor(kind: ChangeKind): string[] {
  if (kind === 'none') return [];
  if (kind !== 'all') return FOCUS[kind];
  const focused = [...FOCUS.team, ...FOCUS.traffic, ...FOCUS.models];
  return [...focused, ...QUESTIONS.map((q) => q.id).filter((id) => !focused.includes(id))];
}

/** The facts a change kind touches (for "which facts changed"). */
export function factsFor(kind: ChangeKind): FactKey[] {
  return questionsFor(kind).flatMap((id) => checkinQuestion(id)?.facts ?? []);
}
