/**
 * A cheap check that a fact value fits the profile schema. Extraction, merging and loading validate every
 * fact of every turn; zod's per-call safeParse cost more than the rules that produced the values. The
 * checks mirror teamProfileSchema field by field (a test holds them to zod's verdicts); a key without a
 * check here falls back to zod.
 */
import {
  ARCHITECTURES,
  COMPONENTS,
  CONTAINER_PLATFORMS,
  type FactKey,
  MODEL_HOSTING,
  PAINS,
  STAGES,
  TRAFFIC_SHAPES,
  teamProfileSchema,
} from './profile.js';

type Check = (v: unknown) => boolean;

// zod numbers are finite; `.int()` means a safe integer.
const int =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
const atLeastZero: Check = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const bool: Check = (v) => typeof v === 'boolean';
const oneOf = (list: readonly string[]): Check => {
  const set = new Set<unknown>(list);
  return (v) => set.has(v);
};
const arrayOf =
  (item: Check, max = Number.POSITIVE_INFINITY): Check =>
  (v) => {
    if (!Array.isArray(v) || v.length > max) return false;
    // Indexed reads, so holes fail as zod fails them.
    for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
    return true;
  };
const component = oneOf(COMPONENTS);

/** Exported for the test that compares every check with zod. */
export const FACT_CHECKS: Partial<Record<FactKey, Check>> = {
  engineers: int(1, 100_000),
  teams: int(1, 10_000),
  stage: oneOf(STAGES),
  users: atLeastZero,
  requestsPerDay: atLeastZero,
  trafficShape: oneOf(TRAFFIC_SHAPES),
  modelHosting: oneOf(MODEL_HOSTING),
  gpuInference: bool,
  modelSizeB: atLeastZero,
  components: arrayOf(component),
  independentScaling: arrayOf(component),
  differentChangePace: arrayOf(component),
  heavyIngestion: bool,
  ciCd: bool,
  deploysPerWeek: atLeastZero,
  tracing: bool,
  onCall: bool,
  containerPlatform: oneOf(CONTAINER_PLATFORMS),
  platformTeam: bool,
  releaseFriction: bool,
  complianceBoundary: bool,
  sensitiveData: bool,
  untrustedCode: bool,
  languages: arrayOf((s) => typeof s === 'string' && s.length >= 1 && s.length <= 40, 20),
  reusedByOtherProducts: bool,
  currentArchitecture: oneOf(ARCHITECTURES),
  pains: arrayOf(oneOf(PAINS)),
};

/**
 * The value a profile would store for `key`, or undefined when the schema rejects it (or it is
 * undefined). Arrays come back copied, as zod's parse returns them, so callers never share one.
 */
export function validFactValue(key: string, value: unknown): unknown {
  const check = Object.hasOwn(FACT_CHECKS, key) ? FACT_CHECKS[key as FactKey] : undefined;
  if (!check) {
    // Unknown keys go to zod exactly as before (inherited names like "toString" included).
    const field = teamProfileSchema.shape[key as FactKey];
    if (!field) return undefined;
    const parsed = field.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }
  if (value === undefined || !check(value)) return undefined;
  return Array.isArray(value) ? [...value] : value;
}
