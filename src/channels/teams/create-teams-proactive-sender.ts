/**
 * Proactive delivery into Teams (check-ins): continue the conversation from its stored reference and post
 * the messages. A removed bot or deleted chat is `gone`; throttling is retried, then reported with
 * `retryAfterMs` so the caller can reschedule instead of dropping the message.
 */
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type Keyv from 'keyv';
import type { DeliveryResult, ProactiveSender } from '../../app/proactive.js';
import type { Logger } from '../../observability/create-logger.js';
import { deleteConversationReference, loadConversationReference } from './conversation-references.js';
import { renderMessages } from './render-message.js';
import { toSdkActivity } from './teams-activity.js';
import { errorStatus, retryAfterMs } from './throttle-retry.js';

export interface TeamsProactiveOptions {
  adapter: CloudAdapter;
  store: Keyv;
  logger: Logger;
  /** The bot's app id; undefined when running unauthenticated locally. */
  appId?: string;
}

const GONE_CODES = /BotNotInConversationRoster|ConversationNotFound|ConversationBlockedByUser|BotDisabledByAdmin/i;

export function createTeamsProactiveSender(options: TeamsProactiveOptions): ProactiveSender {
  return {
    send: async (target, messages): Promise<DeliveryResult> => {
      const reference = await loadConversationReference(options.store, target.key);
      if (!reference) {
        return {
          ok: false,
          gone: true,
          reason: 'Archie has not seen this Teams conversation yet (no stored conversation reference).',
        };
      }
      // The adapter turns errors inside the callback into onTurnError, so catch them here to report them.
      let failure: { error: unknown } | undefined;
      try {
        // Without an app id the SDK needs an identity object without an audience: anonymous, local only.
        await options.adapter.continueConversation(options.appId ?? {}, reference, async (context) => {
          // A continuation carries a made-up activity id; post a new message rather than a reply to it.
          context.onSendActivities(async (_ctx, activities, next) => {
            for (const activity of activities) activity.replyToId = undefined;
            return next();
          });
          try {
            await context.sendActivities(renderMessages(messages).map(toSdkActivity));
          } catch (error) {
            failure = { error };
          }
        });
      } catch (error) {
        failure = { error };
      }
      return failure ? deliveryFailure(failure.error, options, target.key) : { ok: true };
    },
  };
}

async function deliveryFailure(error: unknown, options: TeamsProactiveOptions, key: string): Promise<DeliveryResult> {
  const status = errorStatus(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (status === 429) {
    return {
      ok: false,
      gone: false,
      retryAfterMs: retryAfterMs(error) ?? 60_000,
      reason: 'Teams is throttling Archie',
    };
  }
  if (status === 403 || status === 404 || GONE_CODES.test(detail)) {
    await deleteConversationReference(options.store, key);
    options.logger.info({ conversationId: key, status }, 'teams: conversation gone, reference removed');
    return { ok: false, gone: true, reason: 'Archie is no longer in this Teams conversation' };
  }
  options.logger.error({ err: error, conversationId: key }, 'teams: proactive send failed');
  return { ok: false, gone: false, reason: 'Teams did not accept the message; it will be retried' };
}
