/**
 * From candidate statements to a reading: today's first-party statements become one fact per key (lists
 * are unions; for a single value, a correction wins, then the strongest statement, then the latest, so
 * "9 engineers, sorry, 11" is 11); plans and past states are kept separately, one per distinct value.
 */
import { COMPONENTS, FACT_KEYS, type FactKey, type FactUpdate, PAINS, type TeamProfile } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';
import type { Candidate } from './read-sentence.js';
import type { PastFact, Plan } from './reading.js';

const ARRAY_KEYS = new Set<FactKey>(['components', 'independentScaling', 'differentChangePace', 'languages', 'pains']);

const rank = (list: readonly string[]) => (v: string) => {
  const i = list.indexOf(v);
  return i === -1 ? list.length : i;
};
const componentRank = rank(COMPONENTS);
const painRank = rank(PAINS);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Today's facts: one update per key. `known` lets "we're 15 now" count as a correction of a known 12. */
function currentFacts(candidates: readonly Candidate[], known?: TeamProfile): FactUpdate[] {
  const byKey = new Map<FactKey, Candidate[]>();
  for (const c of candidates) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
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
      if (key === 'modelSizeB' && !corrections.length) {
        // The fact is the largest model: "27B; the rest are 2B classifiers" is 27.
        chosen = pool.reduce((best, c) => ((c.value as number) > (best.value as number) ? c : best));
        value = chosen.value;
      }
      // A correction about one part ("correction: the classifier is a BERT we serve ourselves", "well, except
      // embeddings") adds to the rest; only one about the whole ("actually everything is self-hosted") replaces it.
      const partial =
        key === 'modelHosting' &&
        corrections.length > 0 &&
        !corrections.some((c) => /\b(?:everything|all|entirely|fully|completely|only|100%)\b/i.test(c.evidence));
      if (key === 'modelHosting' && (!corrections.length || partial)) {
        const seen = new Set(list.map((c) => c.value));
        if (seen.has('mixed') || (seen.has('self-hosted') && seen.has('hosted-api'))) value = 'mixed';
      }
    }
    const valid = validFactValue(key, value);
    if (valid === undefined) continue;
    const previous = known?.[key];
    const contradicts = previous !== undefined && !same(previous, valid);
    const isFix = list.some((c) => c.correction) || (contradicts && chosen.soft);
    const update = { key, value: valid, evidence: chosen.evidence, span: chosen.span } as FactUpdate;
    if (chosen.range) update.range = chosen.range;
    if (isFix) update.correction = true;
    out.push(update);
  }
  return out;
}

/** One entry per key, modality and value (list values one element each), in mention order. */
function distinct<T extends Plan | PastFact>(candidates: readonly Candidate[]): T[] {
  const out: T[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const values = ARRAY_KEYS.has(c.key) ? (c.value as unknown[]).map((v) => [v]) : [c.value];
    for (const value of values) {
      if (validFactValue(c.key, value) === undefined) continue;
      const id = `${c.key}|${c.modality}|${JSON.stringify(value)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({
        key: c.key,
        value,
        modality: c.modality,
        evidence: c.evidence,
        span: c.span,
        ...(c.speaker ? { speaker: c.speaker } : {}),
        ...(c.range ? { range: c.range } : {}),
      } as T);
    }
  }
  return out;
}

/** Facts, plans and history from a message's candidates. */
export function resolveStatements(
  candidates: readonly Candidate[],
  known?: TeamProfile,
): { facts: FactUpdate[]; plans: Plan[]; history: PastFact[] } {
  const facts = currentFacts(
    candidates.filter((c) => c.modality === 'current'),
    known,
  );
  // A plan or a past state that is also today's state adds nothing ("we use OpenAI and will keep it").
  const isToday = (s: { key: FactKey; value: unknown }) => {
    const fact = facts.find((f) => f.key === s.key);
    if (!fact) return false;
    return Array.isArray(fact.value)
      ? (fact.value as unknown[]).some((v) => same([v], s.value))
      : same(fact.value, s.value);
  };
  const plans = distinct<Plan>(
    candidates.filter((c) => c.modality === 'planned' || c.modality === 'hypothetical' || c.modality === 'proposal'),
  ).filter((p) => !isToday(p));
  const history = distinct<PastFact>(candidates.filter((c) => c.modality === 'past')).filter((h) => !isToday(h));
  return { facts, plans, history };
}
