/**
 * Offline fact extraction: turns a team's free-text description into profile facts, with the words
 * each fact came from. Deterministic and model-free. Instructions to the bot (and the rest of their
 * sentence) are skipped; denials set facts to false; intents and hypotheticals set nothing; corrections are flagged.
 */
import { COMPONENTS, FACT_KEYS, type FactKey, type FactUpdate, PAINS, type TeamProfile } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';
import { isCorrection, isSoftCorrection } from './corrections.js';
import { trimEvidence } from './evidence.js';
import { headcountRank } from './headcount-role.js';
import { isLightIngestion } from './ingestion-scale.js';
import { instructionStart } from './instructions.js';
import { findLanguages } from './languages.js';
import { LEXICON, type Proposal, type TermRule } from './lexicon.js';
import { matchAll } from './match-all.js';
import { clauseStart, isImmature, isIntent, isNegated, isPartialDenial, isRequirement } from './negation.js';
import { findQuantities, normalizeText, originalSpan } from './numbers.js';
import { quantityProposals } from './quantity-facts.js';
import { requiredLiterals } from './required-literals.js';
import { RuleFilter } from './rule-filter.js';
import { splitSentences } from './sentences.js';
import { deployFrequency, modelSizes, serviceOwnership } from './special-quantities.js';
import { ARCHITECTURE_RULES, aboutOthers, STAGE_RULES } from './stage-architecture.js';
import { aboutWiderOrg, TEAM_SHAPE_KEYS } from './wider-org.js';

interface Candidate {
  key: FactKey;
  value: unknown;
  priority: number;
  order: number;
  correction: boolean;
  soft: boolean;
  evidence: string;
}

const RULES: TermRule[] = [...LEXICON, ...STAGE_RULES, ...ARCHITECTURE_RULES];
// Most rules cannot match most sentences: a rule runs only on sentences that may hold one of the literals
// every match of its pattern contains (see RuleFilter).
const RULE_FILTER = new RuleFilter(RULES.map((rule) => requiredLiterals(rule.pattern)));
const BOUNDARY_RULES = new Set([
  'compliance',
  'compliance-isolation',
  'sensitive-data',
  'untrusted-code',
  'self-hosted',
]);
const MATURITY_RULES = new Set(['tracing', 'platform-team', 'on-call']);
const HEADCOUNT_KEYS = new Set<FactKey>(['engineers', 'teams']);
const ARRAY_KEYS = new Set<FactKey>(['components', 'independentScaling', 'differentChangePace', 'languages', 'pains']);
const HYPOTHETICAL =
  /^\W*(?:what if|if|suppose|supposing|imagine|hypothetically|assuming|say we|let's say|in theory)\b/i;
const PAST_MIGRATION =
  /\b(?:moved|migrated|went|switched|transitioned|broke|split|rewrote|consolidated|merged|replaced)\b/;
const FROM_BEFORE = /\bfrom\s+(?:a |an |our |the |1 )?(?:big |large |legacy |old |huge |single )?$/;
const MAX_INPUT = 20_000;

// A typed answer is read twice in one turn (as the answer, then for extra facts), usually with the same
// text and a different known profile. Candidates depend on the text alone (only `resolve` reads `known`
// and it never mutates them), so the last text's candidates are reused.
let last: { text: string; candidates: readonly Candidate[] } | undefined;

/** Facts stated in `text`; `known` lets "we're 15 now" count as a correction of a known 12. */
export function extractFacts(text: string, known?: TeamProfile): FactUpdate[] {
  if (typeof text !== 'string' || !text.trim()) return [];
  if (last?.text !== text) last = { text, candidates: findCandidates(text) };
  return resolve(last.candidates, known);
}

/** Every proposal the rules make for `text`, in mention order (before choosing one per fact). */
function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  let order = 0;
  for (const whole of splitSentences(text.slice(0, MAX_INPUT))) {
    // An instruction and everything after it in its sentence is not believed; earlier clauses are.
    const cut = instructionStart(whole.text);
    const sentence = { text: (cut === undefined ? whole.text : whole.text.slice(0, cut)).trim() };
    if (!sentence.text || HYPOTHETICAL.test(sentence.text)) continue;
    const norm = normalizeText(sentence.text);
    const t = norm.text;
    RULE_FILTER.read(t);
    const question = /\?\s*$/.test(sentence.text);
    const correction = isCorrection(sentence.text);
    const soft = isSoftCorrection(sentence.text);
    const push = (proposals: Proposal[] | undefined, start: number, end: number) => {
      // An architecture the team recommends or sells is not the one it runs.
      const from = clauseStart(t, start);
      if (aboutOthers(t, from, start)) proposals = proposals?.filter((p) => p.key !== 'currentArchitecture');
      // "dozens of platform teams elsewhere": the wider company's shape is not the owning team's.
      if (aboutWiderOrg(t, from, end)) proposals = proposals?.filter((p) => !TEAM_SHAPE_KEYS.has(p.key));
      if (!proposals?.length) return;
      const evidence = trimEvidence(sentence.text, norm.map[start] ?? 0, norm.map[end] ?? sentence.text.length);
      for (const p of proposals) {
        candidates.push({
          key: p.key,
          value: p.value,
          priority: p.priority ?? 1,
          order: order++,
          correction: correction && !p.aside,
          soft,
          evidence,
        });
      }
    };

    for (let r = 0; r < RULES.length; r++) {
      const rule = RULES[r]!;
      if (question && rule.notInQuestions) continue;
      if (!RULE_FILTER.mayMatch(r)) continue;
      for (const m of matchAll(rule.pattern, t)) {
        const start = m.index;
        const end = start + m[0].length;
        if (rule.yes[0]?.key === 'currentArchitecture' && FROM_BEFORE.test(t.slice(Math.max(0, start - 30), start))) {
          // "migrating from a monolith" describes today; "we moved from a monolith" describes the past.
          if (!PAST_MIGRATION.test(t))
            push(
              rule.yes.map((p) => ({ ...p, priority: 1 })),
              start,
              end,
            );
          continue;
        }
        const negated = isNegated(t, start, end);
        if (negated && isPartialDenial(t, start)) {
          // "analytics that don't touch PHI": some parts are kept away from it, so the rest does touch it.
          if (BOUNDARY_RULES.has(rule.id)) push(rule.yes, start, end);
          continue;
        }
        if (!negated && isIntent(t, start) && !(rule.id.startsWith('compliance') && isRequirement(t, start))) continue;
        if (!negated && rule.no && MATURITY_RULES.has(rule.id) && isImmature(t, start, end)) {
          // "tracing is partially rolled out": not yet a prerequisite in place.
          push(rule.no, start, end);
          continue;
        }
        if (rule.id === 'heavy-ingestion' && !negated && isLightIngestion(t)) {
          // A nightly job over a small corpus is a schedule, not heavy ingestion.
          push(
            [
              { key: 'heavyIngestion', value: false, priority: 0 },
              { key: 'components', value: ['ingestion'] },
            ],
            start,
            end,
          );
          continue;
        }
        push(negated ? rule.no : rule.yes, start, end);
      }
    }
    let headcount: { proposal: Proposal; start: number; end: number; value: number } | undefined;
    for (const q of findQuantities(t)) {
      if (isIntent(t, q.start)) continue;
      // The organisation's headcount outranks a sub-group's ("45 engineers … one ops person"), in any order.
      const rank = headcountRank(t, q, originalSpan(norm, sentence.text, q.start, q.end));
      const proposals = quantityProposals(t, q).map((p) =>
        HEADCOUNT_KEYS.has(p.key) ? { ...p, priority: p.priority === 0 ? 0 : rank, aside: rank === 0 } : p,
      );
      const end = Math.min(t.length, q.end + 24);
      // Several headcounts of the same rank in one sentence ("12 devs and 6 data scientists", "3 teams of
      // 5 engineers"): the largest is the team.
      const people = proposals.find((p) => p.key === 'engineers');
      push(
        proposals.filter((p) => p !== people),
        q.start,
        end,
      );
      const value = people?.value as number | undefined;
      const better =
        !headcount ||
        (people?.priority ?? 1) > (headcount.proposal.priority ?? 1) ||
        ((people?.priority ?? 1) === (headcount.proposal.priority ?? 1) && (value ?? 0) > headcount.value);
      if (people && value !== undefined && better) {
        headcount = { proposal: people, start: q.start, end, value };
      }
    }
    if (headcount) push([headcount.proposal], headcount.start, headcount.end);
    for (const s of [...modelSizes(t), ...deployFrequency(t), ...serviceOwnership(t)])
      push([s.proposal], s.start, s.end);
    const languages = findLanguages(t, sentence.text);
    if (languages.length) push([{ key: 'languages', value: languages }], 0, t.length);
  }
  return candidates;
}

const rank = (list: readonly string[]) => (v: string) => {
  const i = list.indexOf(v);
  return i === -1 ? list.length : i;
};
const componentRank = rank(COMPONENTS);
const painRank = rank(PAINS);

/** One update per fact: arrays are unions; scalars take a correction, else the strongest, latest mention. */
function resolve(candidates: readonly Candidate[], known?: TeamProfile): FactUpdate[] {
  const byKey = new Map<FactKey, Candidate[]>();
  for (const c of candidates) {
    const list = byKey.get(c.key);
    if (list) list.push(c);
    else byKey.set(c.key, [c]);
  }
  const out: FactUpdate[] = [];
  for (const key of FACT_KEYS) {
    const list = byKey.get(key);
    if (!list?.length) continue;
    let value: unknown;
    let chosen: Candidate;
    if (ARRAY_KEYS.has(key)) {
      const items = [...new Set(list.flatMap((c) => c.value as string[]))];
      if (key === 'pains') items.sort((a, b) => painRank(a) - painRank(b));
      else if (key !== 'languages') items.sort((a, b) => componentRank(a) - componentRank(b));
      value = items;
      chosen = list[0]!;
    } else {
      const corrections = list.filter((c) => c.correction);
      const pool = corrections.length ? corrections : list;
      chosen = pool.reduce((best, c) =>
        c.priority > best.priority || (c.priority === best.priority && c.order > best.order) ? c : best,
      );
      value = chosen.value;
      if (key === 'modelHosting' && !corrections.length) {
        const seen = new Set(list.map((c) => c.value));
        if (seen.has('mixed') || (seen.has('self-hosted') && seen.has('hosted-api'))) value = 'mixed';
      }
    }
    const valid = validFactValue(key, value);
    if (valid === undefined) continue;
    const previous = known?.[key];
    const contradicts = previous !== undefined && JSON.stringify(previous) !== JSON.stringify(valid);
    const isFix = list.some((c) => c.correction) || (contradicts && chosen.soft);
    const update = { key, value: valid, evidence: chosen.evidence } as FactUpdate;
    if (isFix) update.correction = true;
    out.push(update);
  }
  return out;
}
