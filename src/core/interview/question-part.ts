/**
 * The question inside a mixed message ("We're 4 now. What did Prime Video save?"): once the statement's
 * facts are recorded, a knowledge question is answered in the same turn. A question about the team's own
 * architecture ("Should we split?") is what the recommendation answers, so it gets no separate answer.
 */
import type { Answer } from '../consultant.js';
import type { OutMessage } from '../message.js';
import type { AssistContext } from '../model-assist/model-assist.js';
import { sentenceTexts, splitSentences } from '../text/split-sentences.js';
import { answerMessage } from './interview-messages.js';

/** The question sentences of a mixed message ("We're 4. Should we split?" → "Should we split?"). */
export function questionSentences(text: string): string | undefined {
  const questions = sentenceTexts(text).filter((s) => s.endsWith('?'));
  return questions.length ? questions.join(' ') : undefined;
}

/**
 * The text to read facts from: without its knowledge questions ("What is distributed tracing?" says nothing
 * about the team). Questions about the team's own architecture stay ("should we split, given our 3
 * teams?"), and so does a message that is all question.
 */
export function factText(text: string): string {
  const questions = splitSentences(text).filter((s) => s.text.endsWith('?') && !asksForVerdict(s.text));
  if (!questions.length) return text;
  // Cut the questions out in place: the rest keeps its lines, so a fenced block or a section under a
  // heading is still read (and screened) as one block.
  let kept = '';
  let at = 0;
  for (const q of questions) {
    kept += text.slice(at, q.start);
    at = q.end;
  }
  kept += text.slice(at);
  return kept.trim() ? kept : text;
}

const ABOUT_US =
  /\b(should|shall|do|can|could|would|must)\s+(we|i|our (team|system|app))\b|\bwhat (would|do) you (recommend|suggest)\b/i;
const ARCHITECTURE =
  /\b(split|break (it |this )?(up|apart)|extract|microservices?|monolith(ic)?|modular|hybrid|services?|architecture|recommend|suggest|stay|move)\b/i;

/** True for a question about the team's own architecture, which the verdict answers. */
export function asksForVerdict(question: string): boolean {
  return ABOUT_US.test(question) && ARCHITECTURE.test(question);
}

/** Replies to the question part of a message whose statement part changed facts: a found knowledge answer. */
export async function answerQuestionPart(
  question: string | undefined,
  answer: (question: string, ctx: AssistContext) => Promise<Answer>,
  ctx: AssistContext,
): Promise<OutMessage[]> {
  if (!question || asksForVerdict(question)) return [];
  try {
    // No streaming: this answer sits between other replies of the same turn.
    const found = await answer(question, { ...ctx, stream: undefined });
    return found.found ? [answerMessage(found)] : [];
  } catch {
    return [];
  }
}

/**
 * "Should we split?" asked while questions remain: say the recommendation will answer it, just before the
 * next question. (When the turn ends in the recommendation, that is the answer.)
 */
export function withVerdictNote<T extends { messages: OutMessage[] }>(result: T, question: string | undefined): T {
  if (!question || !asksForVerdict(question)) return result;
  const at = result.messages.findIndex((m) => m.type === 'question');
  if (at < 0) return result;
  result.messages.splice(at, 0, {
    type: 'text',
    text: 'I’ll answer your question with my recommendation, right after the questions that could change it.',
  });
  return result;
}
