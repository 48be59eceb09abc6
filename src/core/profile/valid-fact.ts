/**
 * Whether a value fits one fact of the team profile, checked by the profile's own zod schema (the one
 * place a fact's type and range are written down).
 */
import { type FactKey, teamProfileSchema } from './profile.js';

/** True when `key` names a fact of the profile (inherited names like "toString" do not). */
export function isFactKey(key: string): key is FactKey {
  return Object.hasOwn(teamProfileSchema.shape, key);
}

/**
 * The value a profile would store for `key`, or undefined when the schema rejects it (or it is undefined).
 * Arrays come back as new arrays, so callers never share one.
 */
export function validFactValue(key: string, value: unknown): unknown {
  if (value === undefined || !isFactKey(key)) return undefined;
  const parsed = teamProfileSchema.shape[key].safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
