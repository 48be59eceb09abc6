/**
 * Extractive answering: scores every sentence of the retrieved passages against the question and keeps the
 * best 1-3. A sentence scores for the question's (IDF-weighted) terms it contains, for the rank of its
 * passage, and — when the question asks for a figure ("how much", "save", "how many") — for carrying one.
 */
import { contentTerms, stem } from '../knowledge/analyze-text.js';
import type { RetrievedPassage } from '../knowledge/knowledge.js';
import { splitSentences } from '../knowledge/split-sentences.js';
import type { TermStatistics } from './term-statistics.js';

export interface SelectedSentence {
  text: string;
  passage: RetrievedPassage;
  score: number;
}

export interface SelectOptions {
  maxSentences: number;
  /** A further sentence must score at least this share of the best one. */
  keepRatio: number;
  /** Passages scoring below this share of the top hit are not quoted. */
  passageRatio: number;
}

export const DEFAULT_SELECT_OPTIONS: SelectOptions = { maxSentences: 3, keepRatio: 0.8, passageRatio: 0.3 };

// Words a question uses for what a source states with other words ("save" ↔ "cost fell").
const RELATED_WORDS: Record<string, string[]> = {
  save: ['cut', 'reduce', 'fell', 'fall', 'lower', 'cheaper', 'saving', 'drop'],
  cost: ['spend', 'bill', 'price', 'cheaper', 'saving', 'expensive', 'dollar'],
  cheap: ['cost', 'spend', 'saving'],
  expensive: ['cost', 'spend', 'premium'],
  fast: ['latency', 'throughput', 'ms', 'speed'],
  slow: ['latency', 'overhead', 'ms'],
  speed: ['latency', 'throughput', 'faster'],
  adopt: ['use', 'usage', 'adoption', 'share'],
  use: ['adoption', 'usage', 'adopt'],
  fail: ['abandon', 'failure', 'cancel', 'scrap', 'return'],
  abandon: ['fail', 'failure', 'cancel', 'scrap'],
  big: ['size', 'large', 'people', 'engineer'],
  large: ['size', 'big', 'people'],
  team: ['engineer', 'developer', 'people'],
};
const RELATED: ReadonlyMap<string, string[]> = new Map(
  Object.entries(RELATED_WORDS).map(([word, related]) => [stem(word), related.map(stem)]),
);

/** A question that asks for a figure (how many, how much, what share, savings, cost, latency). */
export const FIGURE_QUESTION =
  /\b(how (much|many|big|fast|slow|long|often|large)|what (percentage|percent|share|fraction|proportion|number)|sav(e|ed|es|ing|ings)|percent(age)?|cost|costs|figures?|numbers?|statistics?|rate|ratio|latency|throughput)\b|%/i;
export const HAS_FIGURE = /\d/;
const CONTINUES_EARLIER =
  /^(and|but|or|so|which|that|this|these|those|it|its|they|their|however|also|then|thus|hence|therefore|instead|otherwise|yet|still)\b/i;
const HAS_MEASURE = /\d\s?(%|x\b|×|ms\b|percent|per ?cent)|\$\s?\d/i;

/** Picks the sentences that best answer the question, best first. */
export function selectSentences(
  question: string,
  terms: readonly string[],
  hits: readonly RetrievedPassage[],
  stats: TermStatistics,
  options: Partial<SelectOptions> = {},
): SelectedSentence[] {
  const opts = { ...DEFAULT_SELECT_OPTIONS, ...options };
  const top = hits[0];
  if (!top) return [];
  const total = terms.reduce((sum, t) => sum + stats.idf(t), 0) || 1;
  const wantsFigure = FIGURE_QUESTION.test(question);
  const candidates: (SelectedSentence & { order: number })[] = [];
  hits
    .filter((hit) => hit.score >= top.score * opts.passageRatio)
    .forEach((hit, rank) => {
      // A sentence need not repeat its source's subject: "Prime Video" in the title covers every sentence.
      const titleTerms = new Set(contentTerms(hit.title));
      splitSentences(hit.text).forEach((sentence, index) => {
        const words = sentence.split(/\s+/).length;
        // Questions in the text and fragments are not answers.
        if (words < 4 || sentence.endsWith('?')) return;
        const sentenceTerms = new Set(contentTerms(sentence));
        let weight = 0;
        let own = 0;
        let viaTitle = 0;
        for (const t of terms) {
          if (stats.matches(t, sentenceTerms)) {
            weight += stats.idf(t);
            own++;
          } else if (RELATED.get(t)?.some((r) => sentenceTerms.has(r))) {
            weight += 0.6 * stats.idf(t);
            own++;
          } else if (stats.matches(t, titleTerms)) {
            weight += 0.8 * stats.idf(t);
            viaTitle++;
          }
        }
        // An answer must say something about the question itself, not share one stray word with it
        // ("meaning of life" vs "a language end-of-life"): two of its words, one in the sentence.
        if (own === 0 || own + viaTitle < Math.min(2, terms.length)) return;
        const local = weight / total;
        let score = local + 0.6 * (hit.score / top.score);
        // A figure only helps a sentence that is on the question's topic.
        if (wantsFigure && HAS_FIGURE.test(sentence)) {
          score += (HAS_MEASURE.test(sentence) ? 0.5 : 0.3) * Math.min(1, 2 * local);
        }
        // A sentence that continues an earlier one ("This means…", "It…") reads as starting mid-thought.
        if (CONTINUES_EARLIER.test(sentence)) score -= 0.3;
        // Prefer whole sentences over terse fragments, and readable ones over run-ons.
        if (words < 7) score -= 0.15;
        if (words > 60) score -= 0.2;
        candidates.push({ text: finish(sentence), passage: hit, score, order: rank * 1000 + index });
      });
    });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen: SelectedSentence[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= opts.maxSentences) break;
    if (chosen.length > 0 && candidate.score < chosen[0]!.score * opts.keepRatio) break;
    if (chosen.some((c) => nearDuplicate(c.text, candidate.text))) continue;
    chosen.push({ text: candidate.text, passage: candidate.passage, score: candidate.score });
  }
  return chosen;
}

function finish(sentence: string): string {
  return /[.!?…:;)"”']$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Two sentences saying the same thing (a summary and its "key figures" bullet) are quoted once. */
export function nearDuplicate(a: string, b: string): boolean {
  const x = new Set(contentTerms(a));
  const y = new Set(contentTerms(b));
  const shared = [...x].filter((t) => y.has(t)).length;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.75;
}
