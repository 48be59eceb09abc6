/**
 * Bolt middleware: Archie answers people only. Drops messages from any bot (including its own echo, which
 * Bolt's ignoreSelf misses when Slack sends it without the bot_message subtype) and message housekeeping
 * subtypes (edits, deletions, joins…), so no reply loop or double answer is possible.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Message subtypes that carry something a person said. */
const HUMAN_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export const ignoreBots: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = (args as { event?: Record<string, unknown> }).event;
  if (event && (event.type === 'message' || event.type === 'app_mention')) {
    if (event.bot_id !== undefined || event.bot_profile !== undefined) return;
    if (!HUMAN_SUBTYPES.has(event.subtype as string | undefined)) return;
    if (args.context.botUserId && event.user === args.context.botUserId) return;
  }
  await args.next();
};
