/** Applies fact updates to a profile without provenance (for "what if" trials while choosing questions). */
import { FACT_KEYS, type FactUpdate, type TeamProfile } from '../profile/profile.js';

/** Every fact key, each unknown (undefined reads as absent everywhere a profile is read). */
const ALL_UNKNOWN = Object.fromEntries(FACT_KEYS.map((key) => [key, undefined])) as TeamProfile;

/** A copy of `profile` with `updates` applied; the copy holds every fact key (unknown ones undefined). */
export function applyUpdates(profile: TeamProfile, updates: readonly FactUpdate[]): TeamProfile {
  // The interview scores dozens of trial profiles per turn. Copies that all hold every key in one order
  // share one hidden class in V8 (updates overwrite keys, never add one), so the engine's property reads
  // on them stay fast; copies shaped like each profile made those reads megamorphic and several times slower.
  const next: Record<string, unknown> = { ...ALL_UNKNOWN, ...profile };
  for (const u of updates) next[u.key] = u.value;
  return next as TeamProfile;
}
