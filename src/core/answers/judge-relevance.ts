/**
 * Decides honestly whether retrieved passages answer a question. BM25 returns *something* for any word it
 * has seen ("best", "give"), so a hit alone proves nothing. Two checks must both pass:
 * - the top score, relative to the number of terms in the question, is high (the passage is about it);
 * - one passage contains enough of the question: most of its words (common domain words such as "model"
 *   or "service" count here), or distinctive words worth more than one rare word (IDF mass), or — for a
 *   short question — nearly all of its IDF mass.
 */
import type { RetrievedPassage } from '../knowledge/knowledge.js';
import type { TermStatistics } from './term-statistics.js';

export interface RelevanceOptions {
  /** Minimum BM25 score of the best hit per question term. */
  minScorePerTerm: number;
  /** Matched IDF mass needed, as a multiple of the IDF of a word seen in a single passage. */
  distinctiveWords: number;
  /** Share of a short question's IDF mass that suffices instead. */
  shortQuestionCoverage: number;
  /** Share of the question's words one passage must contain (when the IDF mass is not reached). */
  minMatchedShare: number;
  /** How many top hits are checked for matched terms. */
  depth: number;
}

export const DEFAULT_RELEVANCE_OPTIONS: RelevanceOptions = {
  minScorePerTerm: 3.5,
  distinctiveWords: 1.25,
  shortQuestionCoverage: 0.9,
  minMatchedShare: 0.5,
  depth: 5,
};

export interface Relevance {
  found: boolean;
  /** Best single-passage share of the question's IDF mass (0..1). */
  coverage: number;
  /** Best single-passage matched IDF mass. */
  matchedMass: number;
  /** Best single-passage share of the question's words. */
  matchedShare: number;
  scorePerTerm: number;
  /** Question terms found in at least one checked passage. */
  matched: string[];
}

/**
 * Judges whether `hits` (best first) answer a question whose content terms are `terms`. The hits must come
 * from the lexical retriever: the score check is calibrated on its BM25 scale, not on fused (RRF) scores.
 */
export function judgeRelevance(
  terms: readonly string[],
  hits: readonly RetrievedPassage[],
  stats: TermStatistics,
  options: Partial<RelevanceOptions> = {},
): Relevance {
  const opts = { ...DEFAULT_RELEVANCE_OPTIONS, ...options };
  const total = terms.reduce((sum, t) => sum + stats.idf(t), 0);
  if (terms.length === 0 || hits.length === 0 || total === 0) {
    return { found: false, coverage: 0, matchedMass: 0, matchedShare: 0, scorePerTerm: 0, matched: [] };
  }
  let matchedMass = 0;
  let matchedCount = 0;
  const matched = new Set<string>();
  for (const hit of hits.slice(0, opts.depth)) {
    const passageTerms = stats.termsOf(hit);
    let mass = 0;
    let count = 0;
    for (const t of terms) {
      if (stats.matches(t, passageTerms)) {
        mass += stats.idf(t);
        count++;
        matched.add(t);
      }
    }
    matchedMass = Math.max(matchedMass, mass);
    matchedCount = Math.max(matchedCount, count);
  }
  const scorePerTerm = hits[0]!.score / terms.length;
  const needed = Math.min(opts.distinctiveWords * stats.maxIdf, opts.shortQuestionCoverage * total);
  const matchedShare = matchedCount / terms.length;
  const enough = matchedMass >= needed || matchedShare >= opts.minMatchedShare;
  return {
    found: scorePerTerm >= opts.minScorePerTerm && enough,
    coverage: matchedMass / total,
    matchedMass,
    matchedShare,
    scorePerTerm,
    matched: [...matched],
  };
}
