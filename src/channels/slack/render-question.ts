/** Renders an interview question: the question, its progress, and one button per quick reply. */
import type { OutMessage } from '../../core/message.js';
import { buttons, context, sections } from './block-builders.js';
import { toMrkdwn } from './mrkdwn.js';
import { packBlocks, type SlackMessage } from './slack-message.js';

type QuestionMessage = Extract<OutMessage, { type: 'question' }>;

/** Block id prefix that marks question buttons (the action handler collapses them once answered). */
export const QUESTION_BLOCK = 'archie-q';

export function renderQuestion(message: QuestionMessage): SlackMessage[] {
  const { done, total } = message.progress;
  const blocks = [
    ...sections(`*${toMrkdwn(message.text)}*`),
    ...context([
      `Question ${Math.min(done + 1, Math.max(total, 1))} of ${Math.max(total, 1)} · or just type your answer`,
    ]),
    ...buttons(message.quickReplies, 'q', `${QUESTION_BLOCK}:${message.questionId}`),
  ];
  return packBlocks(blocks, toMrkdwn(message.text));
}
