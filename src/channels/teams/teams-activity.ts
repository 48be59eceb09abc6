/**
 * The plain-JSON shape our renderers produce: a subset of the Bot Framework Activity, kept as data so the
 * renderers stay pure and testable; `toSdkActivity` turns it into the SDK's Activity at send time.
 */
import type { Activity } from '@microsoft/agents-activity';

export interface CardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  content: AdaptiveCard;
}

/** Adaptive Card 1.5 JSON (only what we use is typed loosely). */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  msteams?: { width?: 'Full' };
}

export interface TeamsActivity {
  type: 'message';
  text?: string;
  textFormat?: 'markdown' | 'plain';
  summary?: string;
  attachments?: CardAttachment[];
  entities?: Record<string, unknown>[];
}

/**
 * Hands our plain message to the SDK. TurnContext.sendActivities validates and copies every activity
 * (Activity.fromObject) before sending, so parsing it here as well would only double the work.
 */
export function toSdkActivity(message: TeamsActivity): Activity {
  return message as unknown as Activity;
}
