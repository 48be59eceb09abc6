/**
 * Negation and intent: "no tracing", "nobody is on call", "we don't have CI", "without Kubernetes",
 * "not yet in production" deny a fact; "we plan to adopt Kubernetes" states an intent, not a fact.
 * Both are read within the clause that holds the term, so "no CI, but we have tracing" keeps tracing.
 */
// Clause boundaries: punctuation, contrastive words, and "and"/"," when a new subject follows.
const CLAUSE_BREAK =
  /[;:()]|\s[-\u2013\u2014]\s|\b(?:but|while|whereas|although|though|however|except|yet we|so we|until|unless|whereas)\b|\b(?:so|and|,)\s+(?=(?:now|today|currently|right now|since|these days)\b)|,\s*(?=(?:or rather|sorry|i mean|make that|no wait|scratch that|correction|just|only|merely|simply|instead|rather)\b)|(?<!\bnot )\b(?:that|which|who)\s+(?=(?:was|were|is|are|has|have|had|will|we|they|runs?|ran|got)\b)|,\s*(?:and\s+|so\s+|but\s+)?(?=(?:we|we're|we've|our|they|their|it|it's|there|the|this|that|everything|most|all|each|someone|someone's|somebody|everyone|everybody|nobody|no one|one of us|i|i'm)\b)|\band\s+(?=(?:we|we're|we've|our|they|their|it|there)\b)|,\s*and\s+(?=(?:[\w-]+\s+){0,2}(?:is|are|was|were|has|have|had|runs?|rotates?|goes|gets?|lives?|sits?|uses?|handles?|owns?|does|do|did|will|can|shares?|stays?|happens?|\w+ed)\b)/g;

// "zero tracing" reads "0 tracing" once number words are digits.
// "no" followed by a comma is an interjection ("Actually no, merge to main triggers a pipeline"), not a denial.
const NEGATOR =
  /\b(?:no(?!\s*[,!])|not|don't|dont|do not|doesn't|does not|didn't|did not|haven't|have not|hasn't|has not|hadn't|isn't|is not|aren't|are not|wasn't|weren't|won't|can't|cannot|never|without|nobody|no one|none|nothing|neither|nor|lack|lacks|lacking|missing|zero|absent|no longer|nowhere|free of)\b|n't\b|(?<![\d.,])\b0\b(?![\d.,%])/;

const FUTURE =
  /\b(?:plan|plans|planning|planned|going to|gonna|will|'ll|would|'d|want|wants|wanted|would like|hope|hoping|aim|aiming|intend|considering|consider|thinking about|thinking of|might|someday|eventually|evaluating|exploring whether|looking at|looking into|next (?:quarter|year|month|sprint)|soon|hire|hiring|to hire|should|could|if we|moving to|migrating to|move to|migrate to|switch to|switching to|transition to|roadmap|wish|ideally|dream|pushing for|push for|pushes for|asking for|asks for|argue for|argues for|argue we should|advocating|proposes|proposing|suggests|suggesting|lobbying for|read something about)\b/;

const POST_NEGATION =
  /^[\s'"?:]*(?:not (?:our|my) (?:problem|concern|worry|job)|(?:is|are|was|were) (?:\w+'s|their|the (?:provider|vendor|cloud)'s) (?:worry|problem|concern|job)|(?:aren't|isn't|are not|is not) (?:for|used for|ours)\b)|^[\s'"]*(?:isn't|aren't|is not|are not|wasn't) (?:something|anything|a thing) (?:that )?(?:we|i|they|anyone)\b|^[\s'"]*(?:(?:is|are|was|were)\s+)?(?:(?:still|basically|totally|completely|entirely)\s+)?(?:missing|absent|non-?existent|lacking|not (?:set up|in place|there|a thing)|nowhere)\b|^\s*[:?=-]+\s*(?:no|none|nope|nobody|not really|n\/a|zero|nothing)\b/;

/** Where each clause of `text` starts and ends (the breaks belong to the clause they open). */
export function clauseRanges(text: string): [number, number][] {
  const starts = [0, ...[...text.matchAll(CLAUSE_BREAK)].map((m) => m.index)];
  const unique = [...new Set(starts)].sort((a, b) => a - b);
  return unique.map((start, i) => [start, unique[i + 1] ?? text.length] as [number, number]).filter(([a, b]) => b > a);
}

/** The start of the clause containing `index` in `text`. */
export function clauseStart(text: string, index: number): number {
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const end = m.index + m[0].length;
    if (end > index) break;
    start = end;
  }
  return start;
}

/** The clause text before the term, limited to the last eight words. */
function lead(text: string, index: number): string {
  return text.slice(clauseStart(text, index), index).split(/\s+/).slice(-8).join(' ');
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

// A denial of a change is not a denial of what would change ("we never got around to splitting the monolith").
const CHANGE_VERB =
  /\b(?:split\w*|break\w*|migrat\w*|mov(?:e|ed|ing)|switch\w*|rewrit\w*|replac\w*|carv\w*|extract\w*|drop\w*)\b/;
// "No one's on call at weekends": a denial limited in time leaves the rest of the week.
const LIMITED_IN_TIME =
  /\b(?:at|on|over|during|outside)\s+(?:the\s+)?(?:weekends?|nights?|fridays?|holidays|business hours|office hours|christmas)\b/;

/** True when the term at [start, end) is denied ("no tracing", "CI? none", "we have zero on-call"). */
export function isNegated(text: string, start: number, end: number): boolean {
  const before = lead(text, start);
  // "It's not that we lack a platform team": a denied denial.
  if (/\bnot that (?:we|they|i|there) (?:lack|don't have|do not have|have no|had no|are without|miss)\b/.test(before))
    return false;
  const negator = NEGATOR.exec(before);
  if (negator) {
    const after = before.slice(negator.index + negator[0].length);
    const clauseEnd = text.slice(end).search(/[.;:!?,]|\bbut\b/);
    const rest = text.slice(end, clauseEnd === -1 ? undefined : end + clauseEnd);
    return !CHANGE_VERB.test(after) && !LIMITED_IN_TIME.test(rest);
  }
  return POST_NEGATION.test(text.slice(end, end + 40));
}

// "we're migrating from a monolith to microservices": the target of an ongoing move is not there yet.
const MOVE_TARGET =
  /\b(?:migrating|moving|splitting|breaking|transitioning|porting|rewriting|switching|converting)\b[\w\s,'-]*\b(?:to|into|towards)\s+(?:[\w.-]+\s+){0,3}$/;

// "auditors want PHI isolated", "the rest must be out of PCI scope": an obligation on the system, not a wish.
const REQUIREMENT =
  /\b(?:(?:auditors?|regulators?|compliance(?: officer| team)?|legal|the law|regulation|contracts?|policy|our customers|customers|clients)\b[^.;]{0,30}\b(?:want|wants|require|requires|demand|demands|insist|insists|expect|expects|mandate|mandates)|must|has to|have to|needs? to|should|(?:may|can) only|only (?:be )?(?:allowed|permitted))\b/;

/** True when the clause before the term states an obligation (for compliance wording). */
export function isRequirement(text: string, start: number): boolean {
  return REQUIREMENT.test(text.slice(clauseStart(text, start), start));
}

// Intent words that schedule rather than wonder: what follows them is planned, not hypothetical.
const PLANNING =
  /\b(?:plan|plans|planning|planned|going to|gonna|will|'ll|aim|aiming|intend|next (?:quarter|year|month|sprint)|soon|roadmap|moving to|migrating to|switching to)\b/;
// "after moving to Buildkite", "since switching to Bedrock": a move already made.
const MOVE_DONE = /\b(?:after|since|ever since|now that we(?:'ve| have)?)\s+(?:\w+ing|moved|migrated|switched)\b/;

/** True when the term is an intent or hypothetical, not a current fact ("we plan to adopt k8s"). */
export function isIntent(text: string, start: number): boolean {
  return intentAt(text, start) !== undefined;
}

/** The modality an intent before the term gives it: planned for a schedule, hypothetical for a wish. */
export function intentAt(text: string, start: number): 'planned' | 'hypothetical' | undefined {
  const before = lead(text, start);
  if (MOVE_DONE.test(before)) return undefined;
  const future = FUTURE.exec(before);
  const move = MOVE_TARGET.exec(before);
  if (!future && !move) return undefined;
  if (move && !future) return /\b(?:moving|migrating|switching)\b/.test(move[0]) ? 'planned' : 'hypothetical';
  return PLANNING.test(future![0]) ? 'planned' : 'hypothetical';
}
