/**
 * Per-knowledge-base term statistics (document frequency over passages), computed once per KB and cached,
 * used to judge how much of a question the retrieved passages actually cover.
 */
import { contentTerms } from '../knowledge/analyze-text.js';
import type { KnowledgeBase, Passage } from '../knowledge/knowledge.js';

export interface TermStatistics {
  /** The stemmed content terms of each passage (title, heading, tags and text), by passage id. */
  termsOf(passage: Passage): ReadonlySet<string>;
  /** Inverse document frequency; a term never seen weighs as much as the rarest term. */
  idf(term: string): number;
  /** The IDF of a term found in a single passage (the rarest seen word). */
  maxIdf: number;
  /** Share of passages containing the term (0..1). */
  spread(term: string): number;
  /** True when `term` occurs in `terms` exactly or, for longer words, as a prefix either way ("monolith(ic)"). */
  matches(term: string, terms: ReadonlySet<string>): boolean;
}

const cache = new WeakMap<KnowledgeBase, TermStatistics>();

/** Returns the (cached) statistics for a knowledge base. */
export function termStatistics(kb: KnowledgeBase): TermStatistics {
  let stats = cache.get(kb);
  if (!stats) {
    stats = computeStatistics(kb.passages);
    cache.set(kb, stats);
  }
  return stats;
}

function computeStatistics(passages: readonly Passage[]): TermStatistics {
  const byPassage = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const p of passages) {
    const terms = new Set(contentTerms([p.title, p.heading ?? '', (p.tags ?? []).join(' '), p.text].join('\n')));
    byPassage.set(p.id, terms);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(passages.length, 1);
  const idfOf = (count: number) => Math.log(1 + n / Math.max(count, 1));
  const matches = (term: string, terms: ReadonlySet<string>): boolean => {
    if (terms.has(term)) return true;
    if (term.length < 5) return false;
    // Either word may extend the other: "monolith" ~ "monolithic", "orchestrat" ~ "orchestration".
    for (const t of terms) if (t.startsWith(term) || (t.length >= 6 && term.startsWith(t))) return true;
    return false;
  };
  return {
    termsOf: (p) => byPassage.get(p.id) ?? new Set(contentTerms(`${p.title}\n${p.heading ?? ''}\n${p.text}`)),
    idf: (term) => idfOf(df.get(term) ?? 0),
    maxIdf: idfOf(1),
    spread: (term) => (df.get(term) ?? 0) / n,
    matches,
  };
}
