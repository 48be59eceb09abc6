/**
 * Before Teams conversation ids were namespaced (`teams:<tenant>:<conversation>`), a Teams interview was
 * stored under the bare Teams conversation id. The first activity in such a conversation moves its state
 * to the namespaced id, once, so a team upgrading mid-interview carries on where it was.
 *
 * Only with authentication on: then the id comes from the Bot Service and names a real Teams conversation.
 * Without it anyone can send any id, and moving `slack:…` or `web:…` state is exactly what namespacing
 * prevents. (Check-in records and history are moved at start-up: checkins/adopt-teams-conversation-ids.ts.)
 */
import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import type Keyv from 'keyv';
import { createConversationStore } from '../../core/interview/conversation-state.js';
import type { Logger } from '../../observability/create-logger.js';
import { isTeamsConversationId, teamsConversationId } from './teams-conversation-id.js';

export function createAdoptLegacyMiddleware(store: Keyv, logger: Logger): Middleware {
  const conversations = createConversationStore(store);
  return {
    onTurn: async (context: TurnContext, next) => {
      const conversation = context.activity.conversation;
      if (conversation?.id && context.activity.type !== 'event' && !isTeamsConversationId(conversation.id)) {
        await adopt(conversation.id, teamsConversationId(conversation)).catch((error: unknown) =>
          logger.warn({ err: error }, 'teams: could not move a conversation stored under its old id'),
        );
      }
      await next();
    },
  };

  async function adopt(legacyId: string, id: string): Promise<void> {
    const legacy = await conversations.load(legacyId);
    if (legacy === undefined) return;
    // Never overwrite a conversation already under the new id; the old record then stays where it is.
    if ((await conversations.load(id)) !== undefined) return;
    await conversations.save(id, legacy);
    await conversations.delete(legacyId);
    logger.info({ conversationId: id }, 'teams: conversation moved from its old id');
  }
}
