/** Renders any channel-neutral OutMessage as one or more Slack messages (Block Kit). */
import type { OutMessage } from '../../core/message.js';
import { renderAdrSnippet } from './render-adr.js';
import { renderConflict } from './render-conflict.js';
import { renderQuestion } from './render-question.js';
import { renderRecommendation } from './render-recommendation.js';
import { renderText } from './render-text.js';
import type { SlackMessage } from './slack-message.js';

export function renderMessage(message: OutMessage): SlackMessage[] {
  switch (message.type) {
    case 'text':
      return renderText(message);
    case 'question':
      return renderQuestion(message);
    case 'recommendation':
      return renderRecommendation(message);
    case 'conflict':
      return renderConflict(message);
    case 'adr':
      return renderAdrSnippet(message);
  }
}
