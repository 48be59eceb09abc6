/**
 * Conversation references, stored on every inbound activity (`teams:ref:<conversationId>`), are what lets
 * check-ins post into a chat or channel thread later through `adapter.continueConversation`.
 */
import type { ConversationReference } from '@microsoft/agents-activity';
import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import type Keyv from 'keyv';
import type { Logger } from '../../observability/create-logger.js';

export function referenceKey(conversationId: string): string {
  return `teams:ref:${conversationId}`;
}

export async function loadConversationReference(
  store: Keyv,
  conversationId: string,
): Promise<ConversationReference | undefined> {
  const raw = await store.get<string>(referenceKey(conversationId));
  return raw ? (JSON.parse(raw) as ConversationReference) : undefined;
}

export async function deleteConversationReference(store: Keyv, conversationId: string): Promise<void> {
  await store.delete(referenceKey(conversationId));
}

export function createStoreReferencesMiddleware(store: Keyv, logger: Logger): Middleware {
  return {
    onTurn: async (context: TurnContext, next) => {
      const activity = context.activity;
      // Proactive continuations (event ContinueConversation) are ours, not the user's: nothing new to store.
      if (activity.conversation?.id && activity.serviceUrl && activity.type !== 'event') {
        // Without the activity id, a proactive post is a new message in the chat (or in the channel thread
        // the conversation id names) rather than a reply to whatever was said last.
        const { activityId: _lastActivity, ...reference } = activity.getConversationReference();
        // Stored as JSON so every keyv backend (memory, SQLite, Redis) round-trips it identically.
        await store.set(referenceKey(activity.conversation.id), JSON.stringify(reference)).catch((error: unknown) => {
          logger.warn({ err: error }, 'teams: could not store the conversation reference');
        });
      }
      await next();
    },
  };
}
