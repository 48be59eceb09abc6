/** Builds a real consultant (real knowledge base and engine, memory or SQLite store) and drives interviews. */
import type { Clock } from '../../../src/core/clock.js';
import type { AssessmentListener, Consultant } from '../../../src/core/consultant.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import type { KnowledgeBase } from '../../../src/core/knowledge/knowledge.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage, TurnContext, UserInput } from '../../../src/core/message.js';
import type { ModelAssist } from '../../../src/core/model-assist/model-assist.js';
import type { KeyValueStore } from '../../../src/core/store/key-value-store.js';
import { createStore } from '../../../src/store/create-store.js';

export const ctx: TurnContext = { channel: 'terminal', userId: 'u1' };

let kb: Promise<KnowledgeBase> | undefined;
/** The real knowledge base, loaded once per test file. */
export const knowledge = () => {
  kb ??= loadKnowledgeBase();
  return kb;
};

export const fixedClock: Clock = {
  now: () => new Date('2026-03-02T10:00:00Z'),
  sleep: async () => {},
};

export async function makeConsultant(
  options: {
    store?: KeyValueStore;
    assist?: ModelAssist;
    onAssessment?: AssessmentListener;
    maxMessageChars?: number;
  } = {},
): Promise<Consultant> {
  return createConsultant({
    knowledge: await knowledge(),
    store: options.store ?? createStore('memory://').keyv,
    clock: fixedClock,
    assist: options.assist,
    onAssessment: options.onAssessment,
    limits: { maxMessageChars: options.maxMessageChars },
  });
}

export const text = (t: string): UserInput => ({ type: 'text', text: t });
export const choice = (value: string): UserInput => ({ type: 'choice', value });

export const last = (messages: OutMessage[]) => messages[messages.length - 1]!;
export type QuestionMessage = Extract<OutMessage, { type: 'question' }>;
export type RecommendationMessage = Extract<OutMessage, { type: 'recommendation' }>;
export const questionOf = (messages: OutMessage[]) => messages.find((m): m is QuestionMessage => m.type === 'question');
export const recommendationOf = (messages: OutMessage[]) =>
  messages.find((m): m is RecommendationMessage => m.type === 'recommendation');
export const allText = (messages: OutMessage[]) =>
  messages
    .map((m) => ('text' in m ? m.text : m.type === 'recommendation' ? m.summary : m.type === 'adr' ? m.markdown : ''))
    .join('\n');

/**
 * Sends a description, then answers every question by picking the quick reply `pick` returns (default: the
 * first option). Returns the questions asked and the final recommendation.
 */
export async function interview(
  consultant: Consultant,
  id: string,
  description: string,
  pick: (q: Extract<OutMessage, { type: 'question' }>) => UserInput = (q) => choice(q.quickReplies[0]!.value),
) {
  const questions: Extract<OutMessage, { type: 'question' }>[] = [];
  let replies = await consultant.handle(id, text(description), ctx);
  for (let i = 0; i < 10; i++) {
    const q = questionOf(replies);
    if (!q) break;
    questions.push(q);
    replies = await consultant.handle(id, pick(q), ctx);
  }
  return { questions, recommendation: recommendationOf(replies), replies };
}
