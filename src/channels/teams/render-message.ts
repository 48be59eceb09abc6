/** Renders any channel-neutral OutMessage as the Teams activities that show it. */
import type { OutMessage } from '../../core/message.js';
import { fitCard } from './fit-card.js';
import { renderAdr } from './render-adr.js';
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
    case 'adr':
      return renderAdr(message);
  }
}

/** Renders a list of messages in order. */
export function renderMessages(messages: OutMessage[]): TeamsActivity[] {
  return messages.flatMap(renderMessage);
}
