/** Applies fact updates to a profile without provenance (for "what if" trials while choosing questions). */
import type { FactUpdate, TeamProfile } from '../profile/profile.js';

/** A copy of `profile` with `updates` applied. */
export function applyUpdates(profile: TeamProfile, updates: readonly FactUpdate[]): TeamProfile {
  const next: Record<string, unknown> = { ...profile };
  for (const u of updates) next[u.key] = u.value;
  return next as TeamProfile;
}
