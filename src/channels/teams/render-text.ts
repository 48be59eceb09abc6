/** Renders a text OutMessage: plain markdown, or a card when it carries quick replies. */
import { linkableCitations } from '../../core/knowledge/cite.js';
import type { OutMessage } from '../../core/message.js';
import { attachment, card, link, submitAction, textBlock } from './adaptive-card.js';
import { aiEntity } from './ai-entity.js';
import { splitText } from './split-text.js';
import type { TeamsActivity } from './teams-activity.js';

type TextMessage = Extract<OutMessage, { type: 'text' }>;

/** One activity per ~28 KB of text; buttons and the AI label go on the last piece. */
export function renderText(message: TextMessage): TeamsActivity[] {
  const citations = linkableCitations(message.citations ?? []);
  const sources =
    citations.length > 0 && !message.generated
      ? `\n\nSources: ${citations.map((c) => link(c.title, c.url)).join(' · ')}`
      : '';
  const pieces = splitText(`${message.text}${sources}`);
  return pieces.map((piece, i) => {
    const last = i === pieces.length - 1;
    const entities = message.generated && last ? [aiEntity(citations)] : undefined;
    if (last && message.quickReplies && message.quickReplies.length > 0) {
      return {
        type: 'message',
        summary: piece.slice(0, 200),
        attachments: [attachment(card([textBlock(piece)], message.quickReplies.map(submitAction)))],
        ...(entities ? { entities } : {}),
      };
    }
    return { type: 'message', text: piece, textFormat: 'markdown', ...(entities ? { entities } : {}) };
  });
}
