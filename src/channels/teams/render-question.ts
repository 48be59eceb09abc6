/** Renders an interview question as an Adaptive Card: the question, progress, answer buttons and "why?". */
import type { OutMessage } from '../../core/message.js';
import { attachment, card, submitAction, textBlock } from './adaptive-card.js';
import type { TeamsActivity } from './teams-activity.js';

type QuestionMessage = Extract<OutMessage, { type: 'question' }>;

export function renderQuestion(message: QuestionMessage): TeamsActivity {
  const { done, total } = message.progress;
  const body = [
    textBlock(`Question ${Math.min(done + 1, total)} of ${total}`, { isSubtle: true, size: 'Small' }),
    textBlock(message.text, { weight: 'Bolder' }),
    textBlock('Pick an answer or type your own.', { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
  const actions = [
    ...message.quickReplies.map(submitAction),
    {
      type: 'Action.ShowCard',
      title: 'Why this matters',
      card: { type: 'AdaptiveCard', body: [textBlock(message.why)] },
    },
  ];
  // ShowCard goes last but must survive the six-action cap, so trim answers first.
  const answers = actions.slice(0, -1).slice(0, 5);
  return {
    type: 'message',
    summary: message.text.slice(0, 200),
    attachments: [attachment(card(body, [...answers, actions[actions.length - 1]!]))],
  };
}
