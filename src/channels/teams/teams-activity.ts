/**
 * The plain-JSON shape our renderers produce: a subset of the Bot Framework Activity, kept as data so the
 * renderers stay pure and testable; `toSdkActivity` turns it into the SDK's Activity at send time.
 */
import { Activity } from '@microsoft/agents-activity';

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

/** Converts our plain message into the SDK Activity (a fresh copy each time: the SDK mutates what it sends). */
export function toSdkActivity(message: TeamsActivity): Activity {
  return Activity.fromObject(structuredClone(message));
}
