/** Applies fact updates, plans and past states to a conversation through the shared merge rules. */
import { mergeFacts } from '../profile/merge-facts.js';
import type { FactKey, FactSource, FactUpdate } from '../profile/profile.js';
import type { PastFact, Plan } from '../reading/reading.js';
import type { ConversationState } from './conversation-state.js';

export interface FactChange {
  key: FactKey;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Merges `updates` into `state` (mutating it) and returns the facts whose value changed. */
export function recordFacts(
  state: ConversationState,
  updates: readonly FactUpdate[],
  source: FactSource,
  at: Date,
): FactChange[] {
  if (!updates.length) return [];
  const before = { ...state.profile };
  const merged = mergeFacts(state.profile, state.provenance, updates, source, at.toISOString());
  state.profile = merged.profile;
  state.provenance = merged.provenance;
  const keys = new Set(updates.map((u) => u.key));
  return [...keys]
    .filter((k) => !same(before[k], state.profile[k]))
    .map((k) => ({ key: k, before: before[k], after: state.profile[k] }));
}

const MAX_STATEMENTS = 30;
const statementId = (s: Plan | PastFact) => `${s.key}|${s.modality}|${JSON.stringify(s.value)}`;

/** Keeps a message's plans and past states: a restatement moves to the end, and a plan that is now today's fact goes. */
export function recordStatements(state: ConversationState, plans: readonly Plan[], history: readonly PastFact[]): void {
  const merge = <T extends Plan | PastFact>(kept: readonly T[], added: readonly T[]): T[] => {
    const ids = new Set(added.map(statementId));
    const isToday = (s: T) => same(state.profile[s.key], s.value) || same(state.profile[s.key], [s.value].flat());
    return [...kept.filter((s) => !ids.has(statementId(s))), ...added]
      .filter((s) => !isToday(s))
      .slice(-MAX_STATEMENTS);
  };
  state.plans = merge(state.plans ?? [], plans);
  state.history = merge(state.history ?? [], history);
}
