/** Renders any channel-neutral OutMessage as the Teams activities that show it. */
import type { OutMessage } from '../../core/message.js';
import { fitCard } from './fit-card.js';
import { renderAdr } from './render-adr.js';
import { renderConflict } from './render-conflict.js';
import { renderQuestion } from './render-question.js';
import { renderRecommendation } from './render-recommendation.js';
import { renderText } from './render-text.js';
import type { TeamsActivity } from './teams-activity.js';

export function renderMessage(message: OutMessage): TeamsActivity[] {
  return renderUnchecked(message).map((activity) => fitCard(activity));
}

function renderUnchecked(message: OutMessage): TeamsActivity[] {
  switch (message.type) {
    case 'text':
      return renderText(message);
    case 'question':
      return [renderQuestion(message)];
    case 'recommendation':
      return [renderRecommendation(message)];
    case 'conflict':
      return [renderConflict(message)];
    case 'adr':
      return renderAdr(message);
  }
}

/**
 * Renders a list of messages in order. A plain text activity followed by a card is sent as one message
 * (the text above the card), as a person would write it: one Bot Connector call instead of two, and one
 * notification instead of two.
 */
export function renderMessages(messages: OutMessage[]): TeamsActivity[] {
  const out: TeamsActivity[] = [];
  for (const activity of messages.flatMap(renderUnchecked)) {
    const previous = out.at(-1);
    if (previous && isPlainText(previous) && activity.attachments?.length && !activity.text && !activity.entities) {
      out[out.length - 1] = { ...activity, text: previous.text, textFormat: 'markdown' };
    } else {
      out.push(activity);
    }
  }
  // Sized once, as sent (a merged card includes the text above it).
  return out.map((activity) => fitCard(activity));
}

function isPlainText(activity: TeamsActivity): boolean {
  return (
    Boolean(activity.text) &&
    !activity.attachments?.length &&
    !activity.entities &&
    (activity.text?.length ?? 0) < 4_000
  );
}
