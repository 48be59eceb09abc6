/**
 * Reads one sentence: every rule of the vocabulary and every quantity is matched, and each match takes the
 * polarity and modality of the clause it sits in ("no tracing, but we have PagerDuty": tracing denied,
 * on-call stated; "next quarter we move to GKE": Kubernetes planned). The result is a list of candidate
 * statements in mention order; resolve-statements.ts chooses among them.
 */
import type { FactKey, TeamProfile } from '../profile/profile.js';
import { isCorrection, isSoftCorrection } from './corrections.js';
import { countsAnotherGroup, headcountRank } from './headcount-role.js';
import { isLightIngestion } from './ingestion-scale.js';
import { findLanguageMentions } from './languages.js';
import { LEXICON, type Proposal, type TermRule } from './lexicon.js';
import { type Modality, readScopes, type Scope, scopeAt, termModality } from './modality.js';
import { clauseStart, intentAt, isImmature, isIntent, isNegated, isPartialDenial, isRequirement } from './negation.js';
import { findQuantities, normalizeText } from './numbers.js';
import { peopleList } from './people-list.js';
import { isNotACount, quantityProposals } from './quantity-facts.js';
import { scalingMentions } from './scaling.js';
import { deployFrequency, modelSizes, serviceOwnership } from './special-quantities.js';
import { ARCHITECTURE_RULES, aboutOthers, STAGE_RULES } from './stage-architecture.js';
import { aboutWiderOrg, TEAM_SHAPE_KEYS } from './wider-org.js';

export interface Candidate {
  key: FactKey;
  value: unknown;
  modality: Modality;
  speaker?: string;
  priority: number;
  order: number;
  correction: boolean;
  soft: boolean;
  /** Offsets of the stating words in the message, and the clause quoted as evidence. */
  span: [number, number];
  evidence: string;
  range?: [number, number];
}

const RULES: TermRule[] = [...LEXICON, ...STAGE_RULES, ...ARCHITECTURE_RULES];
const COMPONENT_RULES = LEXICON.filter((r) => r.yes.length === 1 && r.yes[0]!.key === 'components');
const HEADCOUNT_KEYS = new Set<FactKey>(['engineers', 'teams']);
/** Counts a bare corrected number can refer back to ("We're 12 engineers. Well, 10"). */
const COUNT_KEYS = new Set<FactKey>([
  'engineers',
  'teams',
  'users',
  'requestsPerDay',
  'services',
  'deploysPerWeek',
  'corpusDocuments',
  'documentsPerDay',
]);
const MAX_EVIDENCE = 120;
const INFRA_KEYS = new Set<FactKey>(['containerPlatform', 'modelHosting', 'gpuInference']);
const ANOTHER_PARTY_RUNS =
  /\b(?:customers?|clients?|partners?|resellers?|vendors?|tenants?) (?:[\w-]+ ){0,2}?(?:to |can |could |will |would )?(?:runs?|running|hosts?|self-?host\w*|install\w*|deploy\w*|operat\w*)\b|\b(?:their|the customer's|customers'|clients') own\b/;
const RESTATED =
  /\b(?:it's|it is|that's|we're at|today|now)\s+(?:(?:more like|closer to|about|around|roughly|only|just|down to|up to|nearer|~)\s*)?$/;
const ANOTHER_PARTY_AFTER =
  /^\s*(?:\w+\s+){0,2}?(?:that|which)\s+(?:our\s+)?(?:customers?|clients?|banks|hospitals|partners?|tenants?)\s+(?:\w+\s+)?(?:run|deploy|install|host|operate)/;
// "we had on-call, but we dropped it once traffic calmed down": removed later in the sentence.
const REMOVED_LATER =
  /^[^.;]{0,30}?\b(?:but|and|then|until|before)\b[^.;]{0,20}?\b(?:cancel(?:l)?ed|retired|dropped|ditched|ripped out|stopped|removed|got rid of|turned off|shut down|killed|disbanded|dissolved) (?:it|them|that|those)\b/;
const RECOUNT = /^\s*(?:if (?:you|we) (?:count|include|add)|counting|including|incl\.?|with)\b/;
const REMOVED =
  /\b(?:cancel(?:l)?ed|retired|dropped|ripped out|stopped|removed|got rid of|turned off|shut down|decommissioned|abandoned)\b/;

export interface SentenceContext {
  /** Offset of the sentence in the message. */
  offset: number;
  /** Candidates are numbered across the whole message. */
  order: { next: number };
  /** The last count stated in the message, which a bare corrected number refers to. */
  lastCount?: FactKey;
  /** What is already known from earlier turns. */
  known?: TeamProfile;
}

/**
 * The known count a bare corrected number refers to: the one it names as wrong ("11, not 9"), else the
 * known count nearest to it (within a factor of three), so "actually 12" after "9 engineers, 2 teams" is 12
 * engineers.
 */
function knownCountFor(value: number, text: string, known: TeamProfile | undefined): FactKey | undefined {
  if (!known) return undefined;
  const counts = [...COUNT_KEYS].filter((k) => typeof known[k] === 'number' && (known[k] as number) > 0);
  const named = /\bnot (\d+(?:\.\d+)?)\b/.exec(text);
  if (named) {
    const key = counts.find((k) => known[k] === Number(named[1]));
    if (key) return key;
  }
  let best: { key: FactKey; distance: number } | undefined;
  for (const key of counts) {
    const distance = Math.abs(Math.log(value / (known[key] as number)));
    if (distance <= Math.log(3) && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** The clause around [from, to) of `sentence`, as the user's exact words (at most MAX_EVIDENCE characters). */
function quote(sentence: string, clause: [number, number], from: number, to: number): string {
  let [a, b] = clause;
  if (b - a > MAX_EVIDENCE) {
    a = Math.max(clause[0], Math.min(from - 40, to - MAX_EVIDENCE + 10));
    b = Math.min(clause[1], a + MAX_EVIDENCE);
    // Whole words only: snap inwards, never past the words that state the fact.
    if (a > clause[0]) {
      const space = sentence.indexOf(' ', a);
      if (space !== -1 && space < from) a = space + 1;
    }
    if (b < clause[1]) {
      const space = sentence.lastIndexOf(' ', b);
      if (space > to) b = space;
    }
  }
  return sentence
    .slice(a, b)
    .trim()
    .replace(/^[,;:\s]+|[,;:\s]+$/g, '');
}

// Where a sentence's question begins: a clause boundary, then a word that asks ("…, should we split it?").
const QUESTION_CLAUSE =
  /(?:[,;:]|\s[-\u2013\u2014])\s*(?:(?:so|and|but|now|then|basically|honestly|i guess|i wonder)\s+)?(?:should|shall|could|would|can|do|does|did|is|are|will|what|how|why|any thoughts|thoughts|wdyt)\b/i;
// A sentence that supposes or asks from its first word states nothing ("if we were 50, should we…?").
const ASKS_OR_SUPPOSES =
  /^\W*(?:if|suppose|supposing|say|imagine|what if|assuming|hypothetically|should|shall|could|would|can|do|does|did|is|are|was|were|will|what|how|why|when|which|who)\b/i;

/**
 * What a sentence states: all of it, or, when it ends in a question, the statements before the clause that
 * asks ("Solo founder here, a Django app on GPT-4o-mini, should I split it?" states the founder and the
 * app); nothing when the sentence asks or supposes from its start.
 */
export function statedPart(sentence: string): string {
  if (!/\?\s*$/.test(sentence)) return sentence;
  if (ASKS_OR_SUPPOSES.test(sentence)) return '';
  const question = QUESTION_CLAUSE.exec(sentence);
  return question ? sentence.slice(0, question.index) : '';
}

/** Candidate statements in one sentence (normalised text, instructions already removed). */
export function readSentence(whole: string, ctx: SentenceContext): Candidate[] {
  const candidates: Candidate[] = [];
  const sentence = statedPart(whole);
  if (!sentence.trim()) return candidates;
  const norm = normalizeText(sentence);
  const t = norm.text;
  const scopes = readScopes(t);
  const sentenceCorrection = isCorrection(sentence);
  const soft = isSoftCorrection(sentence);
  const at = (i: number) => norm.map[Math.min(i, norm.map.length - 1)] ?? sentence.length;

  const push = (proposals: Proposal[] | undefined, start: number, end: number, scope: Scope, modality: Modality) => {
    if (scope.others) return;
    // An architecture the team recommends or sells is not the one it runs.
    const from = clauseStart(t, start);
    if (modality === 'current' && aboutOthers(t, from, start))
      proposals = proposals?.filter((p) => p.key !== 'currentArchitecture');
    // "dozens of platform teams elsewhere": the wider company's shape is not the owning team's.
    if (aboutWiderOrg(t, from, end)) proposals = proposals?.filter((p) => !TEAM_SHAPE_KEYS.has(p.key));
    // "our biggest customer runs their own Kubernetes", "letting customers self-host via Docker Compose": the
    // infrastructure of the party that runs it is theirs, not the team's.
    if (ANOTHER_PARTY_RUNS.test(t.slice(from, start)) || ANOTHER_PARTY_AFTER.test(t.slice(end, end + 60)))
      proposals = proposals?.filter((p) => !INFRA_KEYS.has(p.key));
    if (!proposals?.length) return;
    const span: [number, number] = [ctx.offset + at(start), ctx.offset + at(end)];
    const evidence = quote(sentence, [0, sentence.length], at(start), at(end));
    for (const p of proposals) {
      const m = p.key === 'components' && modality !== 'current' ? modalityOf(scope, start, p.key) : modality;
      candidates.push({
        key: p.key,
        value: p.value,
        modality: m,
        ...(m === 'proposal' && scope.speaker ? { speaker: scope.speaker } : {}),
        priority: p.priority ?? 1,
        order: ctx.order.next++,
        correction: (sentenceCorrection || scope.correction) && !p.aside,
        soft,
        span,
        evidence,
        ...(p.range ? { range: p.range } : {}),
      });
    }
  };
  /** The modality of a term: its clause's, refined by a move, an intent before it, or a removal. */
  const modalityOf = (scope: Scope, start: number, key?: FactKey): Modality => {
    const m = termModality(t, scope, start, key);
    // A term a move places in today ("break our monolith into services": the monolith) stays there.
    if (m === 'current' && scope.modality !== 'current') return m;
    if (m !== 'current' || key === 'components') return m;
    const intent = intentAt(t, start);
    return intent ?? m;
  };

  for (const rule of RULES) {
    for (const m of t.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // A match that runs from the proposer into what they propose ("legal reckons we should keep… separate")
      // is theirs.
      const first = scopeAt(scopes, start);
      const last = scopeAt(scopes, end - 1);
      const scope = last.modality === 'proposal' && first.modality === 'current' ? last : first;
      const modality = modalityOf(scope, start);
      const negated = isNegated(t, start, end);
      if (negated && isPartialDenial(t, start)) {
        // "analytics that don't touch PHI": some parts are kept away from it, so the rest does touch it.
        if (rule.partialDenial === 'keep-yes') push(rule.yes, start, end, scope, modality);
        continue;
      }
      // An obligation on the system ("auditors want PHI isolated") is today's requirement, not a wish.
      const required = rule.requirementIsFact && isRequirement(t, start);
      let effective: Modality = required && modality === 'hypothetical' ? 'current' : modality;
      // "We've never had tracing": never, up to now, is today's state.
      if (negated && effective === 'past' && /\bnever\b/.test(t.slice(clauseStart(t, start), start)))
        effective = 'current';
      if (!negated && rule.no && rule.immatureMeansNo && effective === 'current' && isImmature(t, start, end)) {
        // "tracing is partially rolled out": not yet a prerequisite in place.
        push(rule.no, start, end, scope, effective);
        continue;
      }
      if (!negated && rule.lightWhen?.(t)) {
        push(rule.light, start, end, scope, effective);
        continue;
      }
      if (
        !negated &&
        effective === 'past' &&
        rule.no &&
        (REMOVED.test(t.slice(scope.start, start)) || REMOVED_LATER.test(t.slice(end, end + 80)))
      ) {
        // "we stopped the rota in January": it was there, and it is not any more.
        push(rule.no, start, end, scope, 'current');
      }
      push(negated ? rule.no : rule.yes, start, end, scope, effective);
    }
  }

  // Headcounts: per modality, the organisation's figure outranks a sub-group's, and the largest of equals wins.
  const headcounts = new Map<
    Modality,
    { proposal: Proposal; start: number; end: number; value: number; scope: Scope }
  >();
  let sentenceCount: FactKey | undefined;
  for (const q of findQuantities(t)) {
    const scope = scopeAt(scopes, q.start);
    const modality = modalityOf(scope, q.start);
    const rank = headcountRank(t, q, sentence.slice(at(q.start), at(q.end)));
    let proposals = quantityProposals(t, q).map((p) =>
      HEADCOUNT_KEYS.has(p.key)
        ? { ...p, priority: p.priority === 0 || rank === 0 ? 0 : Math.max(rank, p.priority ?? 1), aside: rank === 0 }
        : p,
    );
    if (q.low !== undefined && q.high !== undefined)
      proposals = proposals.map((p) => (COUNT_KEYS.has(p.key) ? { ...p, range: [q.low!, q.high!] } : p));
    const denied = /(?:\bnot|n't|\brather than|\binstead of|\bno longer)\s*$/.test(
      t.slice(Math.max(0, q.start - 20), q.start),
    );
    // "4 microservices, 5 if you count the reranker": a recount of the figure just given.
    const recount = RECOUNT.test(t.slice(q.end, q.end + 30));
    // "~2M requests a day; today it's more like 40k": a bare figure restating the count just given.
    const restated =
      sentenceCount !== undefined &&
      RESTATED.test(
        t.slice(Math.max(0, q.start - 30), q.start) + t.slice(q.start, q.end).replace(/[\d.,]+\s*\S*$/, ''),
      );
    const corrects = scope.correction || sentenceCorrection;
    const referent = ctx.lastCount ?? (corrects ? knownCountFor(q.value, t, ctx.known) : undefined);
    if (
      !proposals.length &&
      !denied &&
      (corrects || recount || restated) &&
      referent &&
      q.value > 0 &&
      !isIntent(t, q.start) &&
      !isNotACount(t, q)
    ) {
      // "We're 12 engineers. Well, 10": a bare number correcting the count just stated (or, in a later
      // message, the known count it names as wrong or the nearest one: "actually 12" after "9 engineers").
      proposals = [{ key: referent, value: Math.round(q.value) }];
    }
    const end = Math.min(t.length, q.end + 24);
    const people = proposals.find((p) => p.key === 'engineers');
    push(
      proposals.filter((p) => p !== people),
      q.start,
      end,
      scope,
      modality,
    );
    for (const p of proposals) if (COUNT_KEYS.has(p.key)) ctx.lastCount = sentenceCount = p.key;
    const value = people?.value as number | undefined;
    if (!people || value === undefined) continue;
    // The wider company's headcount never competes with the team's ("200 company-wide, but 6 on the copilot").
    if (aboutWiderOrg(t, clauseStart(t, q.start), end) || countsAnotherGroup(t, q)) continue;
    const best = headcounts.get(modality);
    const better =
      !best ||
      // "We're 10 engineers, or rather 11": the corrected figure replaces the one it corrects.
      (scope.correction && !best.scope.correction && (people.priority ?? 1) > 0) ||
      (people.priority ?? 1) > (best.proposal.priority ?? 1) ||
      ((people.priority ?? 1) === (best.proposal.priority ?? 1) && (scope.correction || (value ?? 0) > best.value));
    if (better) headcounts.set(modality, { proposal: people, start: q.start, end, value, scope });
  }
  for (const [modality, h] of headcounts) push([h.proposal], h.start, h.end, h.scope, modality);
  for (const s of [...modelSizes(t), ...deployFrequency(t), ...serviceOwnership(t), ...peopleList(t)]) {
    const scope = scopeAt(scopes, s.start);
    push([s.proposal], s.start, s.end, scope, modalityOf(scope, s.start));
  }
  for (const s of scalingMentions(t, COMPONENT_RULES, (i) => clauseStart(t, i))) {
    const scope = scopeAt(scopes, s.start);
    push([{ key: 'independentScaling', value: [s.component] }], s.start, s.end, scope, modalityOf(scope, s.start));
  }
  for (const scope of scopes) {
    const clause = t.slice(scope.start, scope.end);
    for (const language of findLanguageMentions(clause, sentence.slice(at(scope.start), at(scope.end)))) {
      const start = scope.start + language.index;
      const modality = modalityOf(scope, start);
      if (isNegated(t, start, start + language.name.length)) continue;
      push([{ key: 'languages', value: [language.name] }], start, start + language.name.length, scope, modality);
    }
  }
  // "The latest statement wins" means the latest in the user's words, not in the order the rules ran.
  const orders = candidates.map((c) => c.order).sort((a, b) => a - b);
  candidates.sort((a, b) => a.span[0] - b.span[0] || a.order - b.order);
  candidates.forEach((c, i) => {
    c.order = orders[i]!;
  });
  return candidates;
}

export { isLightIngestion };
