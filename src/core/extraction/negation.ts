/**
 * Negation and intent: "no tracing", "nobody is on call", "we don't have CI", "without Kubernetes",
 * "not yet in production" deny a fact; "we plan to adopt Kubernetes" states an intent, not a fact.
 * Both are read within the clause that holds the term, so "no CI, but we have tracing" keeps tracing.
 */
import { matchAll } from './match-all.js';

// Clause boundaries: punctuation, contrastive words, and "and"/"," when a new subject follows.
const CLAUSE_BREAK =
  /[;:()]|\b(?:but|while|whereas|although|though|however|except|yet we|so we)\b|,\s*(?:and\s+|so\s+|but\s+)?(?=(?:we|we're|we've|our|they|their|it|it's|there|the|this|that|everything|most|all|each)\b)|\band\s+(?=(?:we|we're|we've|our|they|their|it|there)\b)/g;

const NEGATOR =
  /\b(?:no|not|don't|dont|do not|doesn't|does not|didn't|did not|haven't|have not|hasn't|has not|hadn't|isn't|is not|aren't|are not|wasn't|weren't|won't|can't|cannot|never|without|nobody|no one|none|nothing|neither|nor|lack|lacks|lacking|missing|zero|absent|no longer|nowhere|free of)\b|n't\b/;

const FUTURE =
  /\b(?:plan|plans|planning|planned|going to|gonna|will|'ll|would|'d|want|wants|wanted|would like|hope|hoping|aim|aiming|intend|considering|consider|thinking about|thinking of|might|someday|eventually|evaluating|exploring whether|looking at|looking into|next (?:quarter|year|month|sprint)|soon|hire|hiring|to hire|should|could|if we|moving to|migrating to|move to|migrate to|switch to|switching to|transition to|roadmap|wish|ideally|dream|pushing for|push for|pushes for|asking for|asks for|argue for|argues for|argue we should|advocating|proposes|proposing|suggests|suggesting|lobbying for|read something about)\b/;

const POST_NEGATION =
  /^[\s'"]*(?:(?:is|are|was|were)\s+)?(?:(?:still|basically|totally|completely|entirely)\s+)?(?:missing|absent|non-?existent|lacking|not (?:set up|in place|there|a thing)|nowhere)\b|^\s*[:?=-]+\s*(?:no|none|nope|nobody|not really|n\/a|zero|nothing)\b/;

// Where each clause break of the last text ends: every term of a sentence asks for its clause, several times.
let breaksOf: { text: string; ends: number[] } = { text: '', ends: [] };

/** The start of the clause containing `index` in `text`. */
export function clauseStart(text: string, index: number): number {
  if (breaksOf.text !== text) breaksOf = { text, ends: matchAll(CLAUSE_BREAK, text).map((m) => m.index + m[0].length) };
  let start = 0;
  for (const end of breaksOf.ends) {
    if (end > index) break;
    start = end;
  }
  return start;
}

// The last lead read: a term's negation and intent checks both ask for the same one.
let lastLead = { text: '', index: -1, lead: '' };

/** The clause text before the term, limited to the last eight words. */
function lead(text: string, index: number): string {
  if (lastLead.index === index && lastLead.text === text) return lastLead.lead;
  const before = text.slice(clauseStart(text, index), index);
  const words = before.split(/\s+/).slice(-8).join(' ');
  lastLead = { text, index, lead: words };
  return words;
}

// "billing and analytics that don't touch PHI": the denial is about some components, inside a relative clause.
const RELATIVE_DENIAL =
  /\b(?:that|which|who|where)\s+(?:\w+\s+)?(?:don't|dont|do not|doesn't|does not|never|won't|can't|cannot|shouldn't|must not|mustn't)\s+(?:\w+\s+){0,2}$/;

/** True when a denial of the term sits in a relative clause about some parts, not the whole system. */
export function isPartialDenial(text: string, start: number): boolean {
  return RELATIVE_DENIAL.test(text.slice(Math.max(0, start - 60), start));
}

// "tracing is partially rolled out", "a platform team formed three months ago": there, but not yet mature.
const IMMATURE =
  /\b(?:partial(?:ly)?|partly|half[- ]?(?:broken|done|rolled out|set up)?|patchy|spotty|flaky|immature|nascent|barely|(?:just|recently|newly) (?:formed|started|set up|created|introduced|hired)|formed (?:\d+|a few|a couple of) (?:weeks|months) ago|starting to|in progress|being rolled out|rolling out|not (?:fully|yet fully)|some of|experimenting with|trial(?:l?ing)?)\b/;

/** True when the term is qualified as only partly in place (within its clause, either side). */
export function isImmature(text: string, start: number, end: number): boolean {
  const from = clauseStart(text, start);
  const next = text.slice(end).search(/[.;:!?,]/);
  const to = next === -1 ? text.length : end + Math.min(next, 60);
  return IMMATURE.test(text.slice(from, start)) || IMMATURE.test(text.slice(end, to));
}

/** True when the term at [start, end) is denied ("no tracing", "CI? none", "we have zero on-call"). */
export function isNegated(text: string, start: number, end: number): boolean {
  if (NEGATOR.test(lead(text, start))) return true;
  return POST_NEGATION.test(text.slice(end, end + 40));
}

// "we're migrating from a monolith to microservices": the target of an ongoing move is not there yet.
const MOVE_TARGET =
  /\b(?:migrating|moving|splitting|breaking|transitioning|porting|rewriting|switching|converting)\b[\w\s,'-]*\b(?:to|into|towards)\s+(?:[\w.-]+\s+){0,3}$/;

// "auditors want PHI isolated", "the rest must be out of PCI scope": an obligation on the system, not a wish.
const REQUIREMENT =
  /\b(?:(?:auditors?|regulators?|compliance(?: officer| team)?|legal|the law|regulation|contracts?|policy|our customers|customers|clients)\b[^.;]{0,30}\b(?:want|wants|require|requires|demand|demands|insist|insists|expect|expects|mandate|mandates)|must|has to|have to|needs? to|should)\b/;

/** True when the clause before the term states an obligation (for compliance wording). */
export function isRequirement(text: string, start: number): boolean {
  return REQUIREMENT.test(text.slice(clauseStart(text, start), start));
}

/** True when the term is an intent or hypothetical, not a current fact ("we plan to adopt k8s"). */
export function isIntent(text: string, start: number): boolean {
  const before = lead(text, start);
  return FUTURE.test(before) || MOVE_TARGET.test(before);
}
