/**
 * The rubric for an answer's first sentence, as a reader would judge it:
 * 1. it starts a thought: a capital letter, a digit or "$", and no word that only continues an earlier
 *    sentence ("and", "but", "so", "which", "this", "it", "they", "however"…) and no ellipsis;
 * 2. it is on topic: it shares at least one content word (stemmed) with the question;
 * 3. it answers the kind of question: a figure for "how many / how much" questions, "Yes" or "No" first for
 *    "should / does / is" questions.
 */
import { contentTerms } from '../../../src/core/knowledge/analyze-text.js';
import { splitSentences } from '../../../src/core/knowledge/split-sentences.js';
import type { KnowledgeQuestion } from './types.js';

export interface RubricResult {
  startsThought: boolean;
  onTopic: boolean;
  answersKind: boolean;
  pass: boolean;
}

const CONTINUATIONS =
  /^(and|but|or|so|which|who|whose|that|this|these|those|it|its|they|their|them|he|she|however|also|then|thus|hence|therefore|instead|otherwise|meanwhile|moreover|furthermore|yet|still|even so|as a result|because)\b/i;
const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|thousand|million|billion|half|third|quarter|dozen)\b/i;

/** The answer's first sentence, without a leading Markdown marker. */
export function firstSentence(answer: string): string {
  const first = answer.trim().split('\n')[0] ?? '';
  return (splitSentences(first)[0] ?? first).replace(/^[-*>#\s]+/, '').trim();
}

export function judgeFirstSentence(
  question: Pick<KnowledgeQuestion, 'question' | 'kind'>,
  answer: string,
): RubricResult {
  const sentence = firstSentence(answer);
  const startsThought =
    /^[\p{Lu}\d$"“]/u.test(sentence) && !CONTINUATIONS.test(sentence) && !/^(…|\.\.\.)/.test(sentence);
  const asked = new Set(contentTerms(question.question));
  const onTopic = contentTerms(sentence).some((t) => asked.has(t));
  const answersKind =
    question.kind === 'number'
      ? /\d/.test(sentence) || NUMBER_WORDS.test(sentence)
      : question.kind === 'yes-no'
        ? /^(yes|no)\b/i.test(sentence)
        : true;
  return { startsThought, onTopic, answersKind, pass: startsThought && onTopic && answersKind };
}
