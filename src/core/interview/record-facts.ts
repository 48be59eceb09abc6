/** Applies fact updates to a conversation through the shared merge rules and reports what changed. */
import { mergeFacts } from '../profile/merge-facts.js';
import type { FactKey, FactSource, FactUpdate } from '../profile/profile.js';
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
