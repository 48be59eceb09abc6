/**
 * The organisation's constraints: the small vocabulary a document in KNOWLEDGE_DIRS may declare in its
 * front matter (`constraints:`), and how each value is read. The engine honours them in one place
 * (apply-constraints.ts); the knowledge loader only validates them here and keeps them on the document.
 *
 *   constraints:
 *     platform: ecs-only                      # kubernetes-only | ecs-only
 *     compliance-boundary: when-sensitive-data # required | when-sensitive-data
 *     max-services: 3                         # deployable services one system may run (1 or more)
 *     vector-store: postgres                  # where embeddings live (a product name)
 *     reason: "PHI stays in the clinical-prod AWS account"   # one sentence shown beside them
 */
import type { ContainerPlatform } from '../profile/profile.js';

export const PLATFORM_VALUES = ['kubernetes-only', 'ecs-only'] as const;
export const COMPLIANCE_VALUES = ['required', 'when-sensitive-data'] as const;
export type PlatformValue = (typeof PLATFORM_VALUES)[number];
export type ComplianceValue = (typeof COMPLIANCE_VALUES)[number];

/** Factor (and reason) ids of organisation constraints start with this: "organisation-platform". */
export const ORGANISATION_FACTOR_PREFIX = 'organisation-';

/** What one document declares (already validated). */
export interface OrgConstraints {
  platform?: PlatformValue;
  complianceBoundary?: ComplianceValue;
  maxServices?: number;
  vectorStore?: string;
  /** One sentence on why, shown with every constraint of the document. */
  reason?: string;
}

/** The platform each value settles, as the engine's fact and as words. */
export const PLATFORMS: Record<PlatformValue, { containerPlatform: ContainerPlatform; name: string }> = {
  'kubernetes-only': { containerPlatform: 'kubernetes', name: 'Kubernetes' },
  'ecs-only': { containerPlatform: 'containers', name: 'Amazon ECS' },
};

/** Front-matter key → what to write there (also the order problems are reported in). */
export const CONSTRAINT_KEYS: Record<string, string> = {
  platform: PLATFORM_VALUES.join(' or '),
  'compliance-boundary': COMPLIANCE_VALUES.join(' or '),
  'max-services': 'a whole number of 1 or more',
  'vector-store': 'a short product name such as postgres',
  reason: 'one sentence, e.g. "PHI stays in the clinical-prod AWS account"',
};

export interface ConstraintProblem {
  /** Front-matter path: ['constraints'] or ['constraints', '<key>']. */
  path: string[];
  message: string;
}

const MAX_NAME = 60;
const MAX_REASON = 300;

/** Reads a document's `constraints` value; every problem is reported, not just the first. */
export function readConstraints(value: unknown): { constraints?: OrgConstraints; problems: ConstraintProblem[] } {
  if (value === undefined || value === null) return { problems: [] };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [
        {
          path: ['constraints'],
          message: `must be a map of constraint: value (${Object.keys(CONSTRAINT_KEYS).join(', ')})`,
        },
      ],
    };
  }
  const problems: ConstraintProblem[] = [];
  const out: OrgConstraints = {};
  const bad = (key: string, got: unknown) =>
    problems.push({
      path: ['constraints', key],
      message: `must be ${CONSTRAINT_KEYS[key]} (got ${JSON.stringify(got) ?? String(got)})`,
    });
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const text = typeof raw === 'string' ? raw.trim() : undefined;
    switch (key) {
      case 'platform':
        if (text && (PLATFORM_VALUES as readonly string[]).includes(text)) out.platform = text as PlatformValue;
        else bad(key, raw);
        break;
      case 'compliance-boundary':
        if (text && (COMPLIANCE_VALUES as readonly string[]).includes(text))
          out.complianceBoundary = text as ComplianceValue;
        else bad(key, raw);
        break;
      case 'max-services':
        if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 1 && raw <= 100_000) out.maxServices = raw;
        else bad(key, raw);
        break;
      case 'vector-store':
        if (text && text.length <= MAX_NAME && !/[\n<>]/.test(text)) out.vectorStore = text;
        else bad(key, raw);
        break;
      case 'reason':
        if (text && text.length <= MAX_REASON && !text.includes('\n')) out.reason = text.replace(/\.$/, '');
        else bad(key, raw);
        break;
      default:
        problems.push({
          path: ['constraints', key],
          message: `is not a constraint Archie knows: use ${Object.keys(CONSTRAINT_KEYS).join(', ')}`,
        });
    }
  }
  const declared = Object.keys(out).filter((k) => k !== 'reason');
  if (problems.length === 0 && declared.length === 0) {
    problems.push({ path: ['constraints'], message: 'declares no constraint (remove it, or add one)' });
  }
  return problems.length ? { problems } : { constraints: out, problems };
}
