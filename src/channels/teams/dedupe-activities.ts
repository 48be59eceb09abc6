/**
 * The Bot Connector re-sends an activity (same id) when we were slow to acknowledge it. A marker in the
 * shared keyv store, with a TTL, claimed atomically on Redis, makes a retry a no-op on this replica and on
 * every other one.
 */
import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import type Keyv from 'keyv';
import type { Logger } from '../../observability/create-logger.js';
import { claimOnce } from '../../store/claim-once.js';
import { teamsConversationId } from './teams-conversation-id.js';

/** Retries arrive within seconds to minutes; an hour covers them with room to spare. */
export const DEDUPE_TTL_MS = 60 * 60 * 1_000;

/** Activity types Teams sends that produce answers. */
const INBOUND = new Set(['message', 'invoke', 'conversationUpdate', 'installationUpdate', 'messageReaction']);

export function createDedupeMiddleware(
  store: Keyv,
  logger: Logger,
  onDuplicate: () => void = () => {},
  ttlMs = DEDUPE_TTL_MS,
): Middleware {
  return {
    onTurn: async (context: TurnContext, next) => {
      const { id, conversation } = context.activity;
      // Only what Teams delivers counts; proactive continuations reuse the id of the last inbound activity.
      if (!id || !conversation?.id || !INBOUND.has(context.activity.type)) return next();
      try {
        if (!(await claimOnce(store, `teams:seen:${teamsConversationId(conversation)}:${id}`, ttlMs))) {
          logger.info({ activityId: id }, 'teams: ignoring a retried activity');
          return onDuplicate();
        }
      } catch (error) {
        // A store outage must not silence Archie: answering twice beats never answering.
        logger.warn({ err: error }, 'teams: dedupe store unavailable, answering anyway');
      }
      await next();
    },
  };
}
