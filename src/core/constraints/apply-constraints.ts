/**
 * Where the organisation's constraints meet the engine: the one seam the consultant assesses and scores
 * through. Constraints from KNOWLEDGE_DIRS documents act in three ways, each stated in the reasons with
 * the document it comes from (a data policy and a service limit first, the platform and the vector store
 * after the engine's own reasons):
 * - facts the organisation settles (platform, a compliance boundary) replace what the team's profile says
 *   or leaves open, so the interview does not ask about them and the verdict is reached on them;
 * - a limit on deployables (max-services) rules out the verdicts that would need more services, and keeps
 *   the first extracted services within the limit;
 * - standards for the plan (vector-store) become a next step.
 */
import { assessProfile } from '../assessment/assess-profile.js';
import {
  type Assessment,
  type Citation,
  type FactorResult,
  type Reason,
  recommendedPhrase,
  VERDICTS,
  type Verdict,
} from '../assessment/assessment.js';
import { type ProfileScore, scoreProfile } from '../assessment/score-profile.js';
import { citeDoc } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge.js';
import type { FactKey, TeamProfile } from '../profile/profile.js';
import {
  type ComplianceValue,
  ORGANISATION_FACTOR_PREFIX,
  type OrgConstraints,
  PLATFORMS,
  type PlatformValue,
} from './org-constraints.js';

/** One constraint in force, with the document that declares it. */
export interface ActiveConstraint {
  /** Front-matter key: platform, compliance-boundary, max-services or vector-store. */
  name: string;
  value: string | number;
  reason?: string;
  source: Citation;
}

/** A constraint as it acted on one assessment (kept on the assessment for --json and the ADR). */
export interface AppliedConstraint extends ActiveConstraint {
  /** What it did, in words. */
  effect: string;
}

export interface ConstrainedEngine {
  /** Every constraint the organisation's documents declare. */
  constraints: readonly ActiveConstraint[];
  assess(profile: TeamProfile): Assessment;
  /** The interview's fast scorer: the same verdict `assess` reaches. */
  score(profile: TeamProfile): ProfileScore;
}

type Settled = { profile: TeamProfile; notes: Note[] };
type Note = { constraint: ActiveConstraint; fact: FactKey; overrode?: unknown; text: string };

/** Constraints that decide the shape of the answer lead the reasons; the rest follow the engine's. */
const DECISIVE = new Set(['compliance-boundary', 'max-services']);

/** The engine over a knowledge base: without organisation constraints it is the engine itself. */
export function createConstrainedEngine(kb: Pick<KnowledgeBase, 'docs'>): ConstrainedEngine {
  const constraints = collectConstraints(kb);
  if (constraints.length === 0) {
    return { constraints, assess: (profile) => assessProfile(profile, kb), score: (profile) => scoreProfile(profile) };
  }
  const maxServices = constraints.find((c) => c.name === 'max-services');
  const limit = typeof maxServices?.value === 'number' ? maxServices.value : undefined;
  return {
    constraints,
    score: (profile) => {
      const { profile: settled } = settle(profile, constraints);
      return scoreProfile(settled, allowedVerdicts(settled, limit));
    },
    assess: (profile) => {
      const { profile: settled, notes } = settle(profile, constraints);
      const allowed = allowedVerdicts(settled, limit);
      const assessment = assessProfile(settled, kb, {
        allowed,
        ...(limit !== undefined ? { maxExtracted: Math.max(limit - 1, 0) } : {}),
      });
      if (maxServices && limit !== undefined) {
        const note = limitNote(maxServices, limit, settled, assessment, kb);
        if (note) notes.push(note);
      }
      return decorate(assessment, notes, constraints, allowed, settled);
    },
  };
}

function collectConstraints(kb: Pick<KnowledgeBase, 'docs'>): ActiveConstraint[] {
  const out: ActiveConstraint[] = [];
  for (const doc of kb.docs.values()) {
    if (!doc.organisation || !doc.constraints) continue;
    const c: OrgConstraints = doc.constraints;
    const base = { ...(c.reason ? { reason: c.reason } : {}), source: citeDoc(doc, kb) };
    if (c.platform) out.push({ name: 'platform', value: c.platform, ...base });
    if (c.complianceBoundary) out.push({ name: 'compliance-boundary', value: c.complianceBoundary, ...base });
    if (c.maxServices !== undefined) out.push({ name: 'max-services', value: c.maxServices, ...base });
    if (c.vectorStore) out.push({ name: 'vector-store', value: c.vectorStore, ...base });
  }
  return out;
}

const because = (c: ActiveConstraint) => (c.reason ? ` (${c.reason})` : '');

/** The facts the organisation settles, applied over the team's profile. */
function settle(profile: TeamProfile, constraints: readonly ActiveConstraint[]): Settled {
  let out = profile;
  const notes: Note[] = [];
  for (const c of constraints) {
    if (c.name === 'platform') {
      const platform = PLATFORMS[c.value as PlatformValue];
      const stated = profile.containerPlatform;
      if (stated !== platform.containerPlatform) out = { ...out, containerPlatform: platform.containerPlatform };
      const differs = stated !== undefined && stated !== platform.containerPlatform;
      notes.push({
        constraint: c,
        fact: 'containerPlatform',
        ...(differs ? { overrode: stated } : {}),
        text: `Your organisation runs services only on ${platform.name}${because(c)}, so I assessed for that platform${
          differs ? ` rather than ${stated === 'none' ? 'VMs without containers' : stated}, as you described` : ''
        }; anything you extract runs there.`,
      });
    }
    if (c.name === 'compliance-boundary') {
      // Regulated data the team already isolates is sensitive data too: the policy then says where it lives.
      const applies =
        (c.value as ComplianceValue) === 'required' ||
        profile.sensitiveData === true ||
        profile.complianceBoundary === true;
      if (!applies) continue;
      const differs = profile.complianceBoundary === false;
      if (profile.complianceBoundary !== true) out = { ...out, complianceBoundary: true };
      notes.push({
        constraint: c,
        // What the team said that brings the policy in (quoted as the reason's evidence).
        fact: profile.sensitiveData === true ? 'sensitiveData' : 'complianceBoundary',
        ...(differs ? { overrode: false } : {}),
        text: `${
          c.value === 'when-sensitive-data' ? 'Your system handles personal or regulated data, and your' : 'Your'
        } organisation requires an isolation boundary for it${because(c)}: the component that touches that data runs as its own audited service${
          differs ? ', even though you said no boundary was needed' : ''
        }.`,
      });
    }
  }
  return { profile: out, notes };
}

/** Deployables each verdict needs at the least: one for a monolith, two for a hybrid, a service per team (3+) for microservices. */
function minimumServices(verdict: Verdict, profile: TeamProfile): number {
  if (verdict === 'hybrid') return 2;
  if (verdict === 'microservices') return Math.max(3, profile.teams ?? 1);
  return 1;
}

function allowedVerdicts(profile: TeamProfile, limit: number | undefined): ReadonlySet<Verdict> | undefined {
  if (limit === undefined) return undefined;
  return new Set(VERDICTS.filter((v) => minimumServices(v, profile) <= limit));
}

/** A reason for max-services only when it changed something: a verdict ruled out or services kept in the core. */
function limitNote(
  c: ActiveConstraint,
  limit: number,
  profile: TeamProfile,
  constrained: Assessment,
  kb: Pick<KnowledgeBase, 'docs'>,
): Note | undefined {
  const free = assessProfile(profile, kb);
  const cap = `Your organisation allows at most ${limit} deployable service${limit === 1 ? '' : 's'} per system${because(c)}`;
  if (free.verdict !== constrained.verdict) {
    return {
      constraint: c,
      fact: 'services',
      text: `${cap}; ${recommendedPhrase(free.verdict)} would need more, so I recommend ${recommendedPhrase(constrained.verdict)}, the best fit within that limit.`,
    };
  }
  const kept = free.extractedServices.filter((s) => !constrained.extractedServices.includes(s));
  if (kept.length === 0) return undefined;
  return {
    constraint: c,
    fact: 'services',
    text: `${cap}, so only ${constrained.extractedServices.join('; ')} ${constrained.extractedServices.length === 1 ? 'is' : 'are'} extracted; ${kept.join('; ')} stay${kept.length === 1 ? 's' : ''} a module in the core.`,
  };
}

const LABELS: Record<string, string> = {
  platform: "Your organisation's platform",
  'compliance-boundary': "Your organisation's data policy",
  'max-services': "Your organisation's limit on services",
  'vector-store': "Your organisation's vector store",
};

/** Adds each acting constraint as a factor and a reason (first: they bind), its next steps and its source. */
function decorate(
  a: Assessment,
  notes: Note[],
  constraints: readonly ActiveConstraint[],
  allowed: ReadonlySet<Verdict> | undefined,
  profile: TeamProfile,
): Assessment {
  const nextSteps = [...a.nextSteps];
  const extracting = a.extractedServices.length > 0;
  for (const c of constraints) {
    if (c.name === 'platform' && extracting) {
      nextSteps.unshift(
        `Run each extracted service on ${PLATFORMS[c.value as PlatformValue].name}, as your organisation requires (${c.source.title}).`,
      );
    }
    if (c.name === 'vector-store' && usesRetrieval(profile)) {
      notes.push({
        constraint: c,
        fact: 'components',
        text: `Your organisation keeps embeddings in ${c.value}${because(c)}: retrieval is a query in the application, not a separate vector database to run.`,
      });
      nextSteps.push(`Keep embeddings in ${c.value}, your organisation's standard (${c.source.title}).`);
    }
  }
  if (notes.length === 0 && nextSteps.length === a.nextSteps.length) return a;
  const factors: FactorResult[] = notes.map((n) => ({
    id: `${ORGANISATION_FACTOR_PREFIX}${n.constraint.name}`,
    label: LABELS[n.constraint.name] ?? "Your organisation's standard",
    contributions: {},
    explanation: n.text,
    facts: [n.fact],
    citations: [n.constraint.source],
  }));
  // A limit on services rests on the document alone; the others on the fact they settle or read.
  const reasonOf = (f: FactorResult): Reason => ({
    text: f.explanation,
    factorId: f.id,
    citations: f.citations,
    facts: f.facts.filter((k) => k !== 'services'),
  });
  const decisive = factors.filter((_, i) => DECISIVE.has(notes[i]!.constraint.name)).map(reasonOf);
  const informative = factors.filter((_, i) => !DECISIVE.has(notes[i]!.constraint.name)).map(reasonOf);
  const sources = dedupe([...factors.flatMap((f) => f.citations), ...a.citations]);
  const applied: AppliedConstraint[] = notes.map((n) => ({ ...n.constraint, effect: n.text }));
  return {
    ...a,
    reasons: [...decisive, ...a.reasons, ...informative],
    factors: [...factors, ...a.factors],
    nextSteps,
    citations: sources,
    changeTriggers: allowed ? a.changeTriggers.filter((t) => allowed.has(t.wouldMoveTo)) : a.changeTriggers,
    organisationConstraints: applied,
  };
}

function usesRetrieval(p: TeamProfile): boolean {
  return Boolean(
    p.components?.some((c) => c === 'retrieval' || c === 'embedding') ||
      p.corpusDocuments !== undefined ||
      p.documentsPerDay !== undefined ||
      p.heavyIngestion,
  );
}

function dedupe(cs: Citation[]): Citation[] {
  const seen = new Set<string>();
  return cs.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
