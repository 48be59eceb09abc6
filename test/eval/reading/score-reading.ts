/**
 * Scores a reader against the annotated reading corpus, fact by fact. Each produced fact is split into
 * atoms (one per list element) carrying its modality; an atom is correct when it matches an expectation
 * in the case's `yields` or `allows`, a false positive otherwise. Recall counts the `yields` matched.
 * A `forbids` match is a misreading the annotator called out; those are counted by category too.
 */
import type { Category, Expect, Modality, ReadingCase } from './types.js';

/** One fact as a reader produced it: a value (a list counts per element) with its modality. */
export interface ReadFactAtom {
  key: string;
  value: unknown;
  modality: Modality;
}

export type Reader = (text: string) => readonly ReadFactAtom[] | Promise<readonly ReadFactAtom[]>;

export interface Tally {
  produced: number;
  correct: number;
  expected: number;
  found: number;
  forbidden: number;
}

export interface CaseResult {
  id: string;
  category: Category;
  missed: Expect[];
  wrong: ReadFactAtom[];
  forbidden: ReadFactAtom[];
}

export interface ReadingScore {
  total: Tally;
  byCategory: Map<Category, Tally>;
  cases: CaseResult[];
}

const emptyTally = (): Tally => ({ produced: 0, correct: 0, expected: 0, found: 0, forbidden: 0 });

export const precision = (t: Tally) => (t.produced === 0 ? 1 : t.correct / t.produced);
export const recall = (t: Tally) => (t.expected === 0 ? 1 : t.found / t.expected);

/** Atoms of a fact: one per element of a list. */
function atoms(fact: ReadFactAtom): ReadFactAtom[] {
  return Array.isArray(fact.value) ? fact.value.map((value) => ({ ...fact, value })) : [fact];
}

function sameValue(expected: Expect['value'], got: unknown): boolean {
  if (expected === undefined) return true;
  if (typeof expected === 'object') {
    return typeof got === 'number' && got >= expected.min && got <= expected.max;
  }
  if (typeof expected === 'number') {
    return typeof got === 'number' && Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === 'string') return typeof got === 'string' && got.toLowerCase() === expected.toLowerCase();
  return got === expected;
}

/** True when the atom is what the expectation describes (no modality means the current state). */
export function matches(expect: Expect, atom: ReadFactAtom): boolean {
  return (
    expect.key === atom.key && (expect.modality ?? 'current') === atom.modality && sameValue(expect.value, atom.value)
  );
}

const atomKey = (a: ReadFactAtom) => `${a.key}|${a.modality}|${JSON.stringify(a.value)}`;

/** Scores one case. */
export function scoreCase(c: ReadingCase, produced: readonly ReadFactAtom[]): CaseResult & { tally: Tally } {
  const seen = new Map<string, ReadFactAtom>();
  for (const fact of produced) for (const atom of atoms(fact)) seen.set(atomKey(atom), atom);
  const unique = [...seen.values()];
  const acceptable = [...c.yields, ...(c.allows ?? [])];
  const wrong = unique.filter((a) => !acceptable.some((e) => matches(e, a)));
  const forbidden = unique.filter((a) => (c.forbids ?? []).some((e) => matches(e, a)));
  const missed = c.yields.filter((e) => !unique.some((a) => matches(e, a)));
  const tally: Tally = {
    produced: unique.length,
    correct: unique.length - wrong.length,
    expected: c.yields.length,
    found: c.yields.length - missed.length,
    forbidden: forbidden.length,
  };
  return { id: c.id, category: c.category, missed, wrong, forbidden, tally };
}

const add = (into: Tally, t: Tally) => {
  into.produced += t.produced;
  into.correct += t.correct;
  into.expected += t.expected;
  into.found += t.found;
  into.forbidden += t.forbidden;
};

/** Scores a reader on a set of cases. */
export async function scoreReading(cases: readonly ReadingCase[], read: Reader): Promise<ReadingScore> {
  const total = emptyTally();
  const byCategory = new Map<Category, Tally>();
  const results: CaseResult[] = [];
  for (const c of cases) {
    const { tally, ...result } = scoreCase(c, await read(c.text));
    add(total, tally);
    const cat = byCategory.get(c.category) ?? emptyTally();
    add(cat, tally);
    byCategory.set(c.category, cat);
    results.push(result);
  }
  return { total, byCategory, cases: results };
}
