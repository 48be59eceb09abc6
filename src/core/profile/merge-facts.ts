/**
 * Applies fact updates to a profile (pure). A later extracted or model-proposed value never overwrites
 * something the user answered directly unless the update is a correction; arrays are unions (a
 * correction replaces them); invalid values are dropped rather than stored.
 */
import type { FactKey, FactRecord, FactSource, FactUpdate, Provenance, TeamProfile } from './profile.js';
import { validFactValue } from './valid-fact.js';

export interface MergeResult {
  profile: TeamProfile;
  provenance: Provenance;
  /** Keys whose value changed, in update order, without repeats. */
  changed: FactKey[];
}

const AUTHORITATIVE = new Set<FactSource>(['answered', 'corrected']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Merges `updates` into copies of `profile` and `provenance`; inputs are never mutated. */
export function mergeFacts(
  profile: TeamProfile,
  provenance: Provenance,
  updates: readonly FactUpdate[],
  source: FactSource,
  at: string,
): MergeResult {
  const next = structuredClone(profile) as Record<string, unknown>;
  const prov = structuredClone(provenance);
  const changed: FactKey[] = [];
  for (const update of updates) {
    const key = update.key;
    const valid = validFactValue(key, update.value);
    if (valid === undefined) continue;
    const effective: FactSource = update.correction ? 'corrected' : source;
    const existing = prov[key];
    const guarded = existing && AUTHORITATIVE.has(existing.source) && !AUTHORITATIVE.has(effective);
    const current = next[key];
    let value: unknown = valid;
    if (Array.isArray(value) && Array.isArray(current) && effective !== 'corrected') {
      value = [...new Set([...current, ...value])];
    } else if (guarded) {
      continue;
    }
    const record: FactRecord = { source: effective, at };
    if (update.evidence) record.evidence = update.evidence.slice(0, 120);
    if (update.speaker) record.speaker = update.speaker.slice(0, 80);
    if (same(current, value)) {
      // A direct answer confirming an extracted value upgrades where it came from, not the value.
      if (!existing || (!guarded && AUTHORITATIVE.has(effective))) prov[key] = record;
      continue;
    }
    next[key] = value;
    prov[key] = guarded ? { ...existing, at } : record;
    if (!changed.includes(key)) changed.push(key);
  }
  return { profile: next as TeamProfile, provenance: prov, changed };
}
