/**
 * What a check-in asks after "what changed?": only the questions about the facts that change touches,
 * taken from the one question catalogue (src/core/interview/questions.ts).
 */
import { catalogueQuestion, QUESTIONS } from '../core/interview/questions.js';
import type { FactKey } from '../core/profile/profile.js';

export const CHANGE_KINDS = ['none', 'team', 'traffic', 'models', 'all'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_LABELS: Record<ChangeKind, string> = {
  none: 'Nothing changed',
  team: 'Team grew',
  traffic: 'Traffic changed',
  models: 'Models changed',
  all: 'Update everything',
};

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
  return questionsFor(kind).flatMap((id) => catalogueQuestion(id)?.facts ?? []);
}
