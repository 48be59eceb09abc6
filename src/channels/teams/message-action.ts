/**
 * The message action "Ask Archie about this" (a messaging-extension action command on messages, see
 * teams/manifest.json): Teams sends `composeExtension/submitAction` with the message. Teams allows five
 * seconds for the invoke, so Archie closes the dialog at once and answers in the conversation afterwards:
 * in a channel, in the message's reply chain, after reading the whole chain when the team lets it (else
 * it says what it read instead); in a chat, about the message itself.
 */
import { Activity } from '@microsoft/agents-activity';
import type { AgentApplication, CloudAdapter, TurnContext, TurnState } from '@microsoft/agents-hosting';
import type { ChannelDeps } from '../../app/channel.js';
import { ArchieError } from '../../core/errors.js';
import type { OutMessage, ThreadInput, ThreadMessage } from '../../core/message.js';
import type { ChainReading } from './answer-in-chain.js';
import { type ChatMessage, chatMessageToThread, isFromPerson } from './read-reply-chain.js';
import { renderMessages } from './render-message.js';
import { replyChainOf } from './reply-chain.js';
import { toSdkActivity } from './teams-activity.js';
import { teamsConversationId } from './teams-conversation-id.js';

/** The command id in the manifest's composeExtensions. */
export const ASK_ARCHIE_COMMAND_ID = 'askArchie';

interface SubmitAction {
  commandId?: string;
  commandContext?: string;
  messagePayload?: ChatMessage & { replyToId?: string | null };
  /** The dialog's fields (the manifest's parameters). */
  data?: { note?: unknown };
}

export interface MessageActionDeps extends ChainReading {
  adapter: CloudAdapter;
  deps: ChannelDeps;
  /** The bot's app id (undefined when running unauthenticated, locally). */
  appId?: string;
}

export function registerMessageAction(app: AgentApplication<TurnState>, options: MessageActionDeps): void {
  app.addRoute(
    async (context) => context.activity.type === 'invoke' && context.activity.name === 'composeExtension/submitAction',
    async (context) => {
      const action = (context.activity.value ?? {}) as SubmitAction;
      if (action.commandId !== ASK_ARCHIE_COMMAND_ID || !action.messagePayload) {
        await context.sendActivity(invokeResponse(400, { error: 'Archie has no such message action.' }));
        return;
      }
      // An empty answer closes the dialog; the reply follows in the conversation.
      await context.sendActivity(invokeResponse(200, {}));
      const answering = answerAbout(context, action, options).catch((error) =>
        options.deps.logger.error({ err: error }, 'teams: could not answer the message action'),
      );
      void answering;
    },
    true,
  );
}

/** Reads the message (and its chain), runs the consultant and posts the replies where the message is. */
async function answerAbout(context: TurnContext, action: SubmitAction, options: MessageActionDeps): Promise<void> {
  const { deps, readChain, cursor } = options;
  const activity = context.activity;
  const payload = action.messagePayload!;
  const chain = replyChainOf(activity, payload.replyToId || payload.id);
  // Teams' address for the answer (the reply chain, or the chat), and the consultant's id for it.
  const address = chain?.conversationId ?? activity.conversation!.id;
  const conversationId = teamsConversationId({ id: address, tenantId: activity.conversation?.tenantId });
  const picked: ThreadMessage[] = isFromPerson(payload) ? [chatMessageToThread(payload)] : [];
  const out: OutMessage[] = [];
  let thread: ThreadInput = { type: 'thread', messages: picked };
  if (chain) {
    try {
      const read = await readChain(chain);
      await cursor.set(conversationId, read.newest);
      thread = { type: 'thread', messages: read.messages, ...(read.cut ? { cut: read.cut } : {}) };
    } catch (error) {
      const known = error instanceof ArchieError && error.code === 'thread_unreadable';
      deps.logger[known ? 'info' : 'error']({ err: error }, 'teams: reply chain not read for the message action');
      const why = known ? error.userMessage : 'Microsoft Graph did not answer.';
      out.push({ type: 'text', text: `I read only the message you picked, not the rest of its reply chain. ${why}` });
    }
  }
  const note = typeof action.data?.note === 'string' ? action.data.note.trim() : '';
  if (note) thread.messages.push({ speaker: activity.from?.name?.trim() || 'You', text: note });
  if (thread.messages.length === 0) {
    out.push({
      type: 'text',
      text: 'That message was written by an app, and I read what people write. Pick a person’s message, or tell me about your system.',
    });
  } else {
    const userId = activity.from?.aadObjectId ?? activity.from?.id;
    out.push(...(await deps.consultant.handle(conversationId, thread, { channel: 'teams', userId })));
  }
  const reference = activity.getConversationReference();
  reference.conversation = { ...reference.conversation, id: address };
  await options.adapter.continueConversation(options.appId ?? {}, reference, async (turn) => {
    // A continuation carries a made-up activity id: post into the conversation, not as a reply to it.
    turn.onSendActivities(async (_ctx, activities, next) => {
      for (const a of activities) a.replyToId = undefined;
      return next();
    });
    await turn.sendActivities(renderMessages(out).map(toSdkActivity));
  });
}

function invokeResponse(status: number, body: unknown): Activity {
  return Activity.fromObject({ type: 'invokeResponse', value: { status, body } });
}
