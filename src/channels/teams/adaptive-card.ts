/** Small builders for Adaptive Card 1.5 JSON, so renderers read as content rather than nesting. */
import type { QuickReply } from '../../core/message.js';
import type { AdaptiveCard, CardAttachment } from './teams-activity.js';

/** Teams shows at most six top-level card actions. */
export const MAX_CARD_ACTIONS = 6;

/** The key our buttons put in Action.Submit data; Teams sends it back as `activity.value`. */
export const SUBMIT_KEY = 'archie';

export function card(body: Record<string, unknown>[], actions: Record<string, unknown>[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions: actions.slice(0, MAX_CARD_ACTIONS) } : {}),
    msteams: { width: 'Full' },
  };
}

export function attachment(content: AdaptiveCard): CardAttachment {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}

export function textBlock(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function heading(text: string): Record<string, unknown> {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

/** A button that sends `reply.value` back unchanged (Action.Submit data `{ archie: value }`). */
export function submitAction(reply: QuickReply): Record<string, unknown> {
  return { type: 'Action.Submit', title: reply.label, data: { [SUBMIT_KEY]: reply.value, label: reply.label } };
}

/** Markdown link, with brackets in the title escaped so the link stays intact. */
export function link(title: string, url: string): string {
  return `[${title.replace(/[[\]]/g, '')}](${url})`;
}
