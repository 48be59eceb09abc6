/**
 * Bolt middleware: Archie answers people only. Drops messages from any bot (including its own echo, which
 * Bolt's ignoreSelf misses when Slack sends it without the bot_message subtype) and message housekeeping
 * subtypes (edits, deletions, joins…), so no reply loop or double answer is possible.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Message subtypes that carry something a person said. */
const HUMAN_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** True when a message (an event, or one returned by conversations.replies) is something a person said. */
export function isFromPerson(message: Record<string, unknown>, botUserId: string | undefined): boolean {
  if (message.bot_id !== undefined || message.bot_profile !== undefined) return false;
  if (!HUMAN_SUBTYPES.has(message.subtype as string | undefined)) return false;
  return !(botUserId && message.user === botUserId);
}

export const ignoreBots: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = (args as { event?: Record<string, unknown> }).event;
  if (event && (event.type === 'message' || event.type === 'app_mention')) {
    if (!isFromPerson(event, args.context.botUserId)) return;
  }
  await args.next();
};
