/**
 * Renders a disagreement from a reply chain as an Adaptive Card: the fact, who said what (a FactSet of
 * speaker and quoted words), the value used for now and whether the answer changes the verdict, with one
 * button per value.
 */
import type { OutMessage } from '../../core/message.js';
import { attachment, card, submitAction, textBlock } from './adaptive-card.js';
import type { TeamsActivity } from './teams-activity.js';

type ConflictMessage = Extract<OutMessage, { type: 'conflict' }>;

/** People's words go into the card as they wrote them, minus what would turn them into links. */
const plain = (text: string) => text.replace(/[[\]]/g, '');

export function renderConflict(message: ConflictMessage): TeamsActivity {
  const body = [
    textBlock(`${message.fact}: which holds?`, { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: message.statements.map((s) => ({
        title: plain(s.speaker),
        value: s.quote ? `“${plain(s.quote)}” → ${s.value}` : s.value,
      })),
    },
    textBlock(`Until you tell me, I’m going with **${message.using}**, the latest. ${message.impact}`, {
      isSubtle: true,
      size: 'Small',
    }),
  ];
  return {
    type: 'message',
    summary: `${message.fact}: which holds?`,
    attachments: [attachment(card(body, message.quickReplies.map(submitAction)))],
  };
}
