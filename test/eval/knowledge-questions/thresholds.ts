/**
 * Levels the offline answers must keep on the development question set (`npm run eval` and the question
 * test fail below them). The held-out set is reported in aggregate beside them.
 */
export const ANSWER_THRESHOLDS = {
  /** Reached 96.1% (74/77) when introduced. */
  expectedSource: 0.95,
  /** Reached 97.4% (75/77). */
  keyFact: 0.9,
  /** Every off-topic question declined (14/14). */
  offTopicRefused: 1,
  /**
   * Reached 72.7% before yes/no questions got a Yes/No lead, 89.6% (69/77) with it (a Yes only where the source affirms the question outright); the rest are yes/no
   * questions whose sources take no clear stance (no Yes/No is better than a wrong one) and alternatives.
   */
  onTopicFirstSentence: 0.85,
} as const;
