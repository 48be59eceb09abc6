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

const AUTHORITATIVE = new Set<FactSource>(['answer', 'correction']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A deep copy of plain data (records, dense arrays, strings, numbers, booleans, null, undefined), as
 * structuredClone makes it but without its serialisation round trip, which cost more than the merge.
 * Anything else (class instances, holes, functions, deep or cyclic nesting) goes to structuredClone.
 */
function cloneData<T>(value: T): T {
  const copy = copyPlain(value, 0);
  return copy === NOT_PLAIN ? structuredClone(value) : (copy as T);
}

const NOT_PLAIN = Symbol('not plain');
const MAX_DEPTH = 4; // a profile's arrays and provenance's records are two levels down

function copyPlain(value: unknown, depth: number): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return typeof value === 'symbol' || typeof value === 'bigint' ? NOT_PLAIN : value;
  }
  if (typeof value === 'function' || depth >= MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_PLAIN;
      const item = copyPlain(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out.push(item);
    }
    return Object.keys(value).length === value.length ? out : NOT_PLAIN;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_PLAIN; // assigning it would set the prototype, not copy a key
    const item = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    out[key] = item;
  }
  return out;
}

/** Merges `updates` into copies of `profile` and `provenance`; inputs are never mutated. */
export function mergeFacts(
  profile: TeamProfile,
  provenance: Provenance,
  updates: readonly FactUpdate[],
  source: FactSource,
  at: string,
): MergeResult {
  const next = cloneData(profile) as Record<string, unknown>;
  const prov = cloneData(provenance) as Provenance;
  const changed: FactKey[] = [];
  for (const update of updates) {
    const key = update.key;
    const valid = validFactValue(key, update.value);
    if (valid === undefined) continue;
    const effective: FactSource = update.correction ? 'correction' : source;
    const existing = prov[key];
    const guarded = existing && AUTHORITATIVE.has(existing.source) && !AUTHORITATIVE.has(effective);
    const current = next[key];
    let value: unknown = valid;
    if (Array.isArray(value) && Array.isArray(current) && effective !== 'correction') {
      value = [...new Set([...current, ...value])];
    } else if (guarded) {
      continue;
    }
    const record: FactRecord = { source: effective, at };
    if (update.evidence) record.evidence = update.evidence.slice(0, 120);
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
