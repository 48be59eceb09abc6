/** Renders a plain text reply (answers, notices, greetings) with its sources and quick replies. */
import type { OutMessage } from '../../core/message.js';
import { buttons, context, sections } from './block-builders.js';
import { sourcesLine, toMrkdwn } from './mrkdwn.js';
import { packBlocks, type SlackMessage } from './slack-message.js';

type TextMessage = Extract<OutMessage, { type: 'text' }>;

export function renderText(message: TextMessage): SlackMessage[] {
  const notes = [sourcesLine(message.citations ?? []), message.generated ? '_AI generated_' : undefined];
  const blocks = [
    ...sections(toMrkdwn(message.text)),
    ...context(notes.filter((n): n is string => n !== undefined)),
    ...buttons(message.quickReplies ?? [], 'a', 'archie-text'),
  ];
  return packBlocks(blocks, toMrkdwn(message.text));
}
