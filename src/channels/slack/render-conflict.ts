/**
 * Renders a disagreement from a thread: the fact, who said what (their words quoted), the value used for
 * now and whether the answer changes the verdict, with one button per value. The buttons collapse once
 * pressed, like a question's.
 */
import type { OutMessage } from '../../core/message.js';
import { buttons, context, sections } from './block-builders.js';
import { escapeMrkdwn, toMrkdwn } from './mrkdwn.js';
import { packBlocks, type SlackMessage } from './slack-message.js';

type ConflictMessage = Extract<OutMessage, { type: 'conflict' }>;

export function renderConflict(message: ConflictMessage): SlackMessage[] {
  const said = message.statements.map(
    (s) =>
      `*${escapeMrkdwn(s.speaker)}*: ${s.quote ? `“${escapeMrkdwn(s.quote)}”` : escapeMrkdwn(s.value)} → ${escapeMrkdwn(s.value)}`,
  );
  const blocks = [
    ...sections(`*${escapeMrkdwn(message.fact)}: which holds?*\n${said.join('\n')}`),
    ...context([
      `Until you tell me, I’m going with *${escapeMrkdwn(message.using)}*, the latest. ${escapeMrkdwn(message.impact)}`,
    ]),
    ...buttons(message.quickReplies, 'q', `archie-conflict:${message.fact}`),
  ];
  return packBlocks(blocks, toMrkdwn(message.text));
}
