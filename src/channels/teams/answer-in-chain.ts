/**
 * A mention in a Teams channel reply chain: Teams delivers only the messages that mention Archie, so
 * Archie reads what people wrote in the chain since it last read it (Microsoft Graph, with the team's
 * consent) and takes it as one thread turn. Where it cannot read the chain, it says so once per chain,
 * plainly, and answers the mention on its own words.
 */
import type { TurnContext } from '@microsoft/agents-hosting';
import type { ChannelDeps } from '../../app/channel.js';
import { ArchieError } from '../../core/errors.js';
import type { UserInput } from '../../core/message.js';
import { type AnswerOptions, answerTurn, send } from './answer-turn.js';
import type { ReadReplyChain } from './read-reply-chain.js';
import { type ChainCursor, replyChainOf } from './reply-chain.js';
import { teamsConversationId } from './teams-conversation-id.js';

export interface ChainReading {
  readChain: ReadReplyChain;
  cursor: ChainCursor;
}

/** Answers a message in a channel, reading its reply chain first when there is something new in it. */
export async function answerInChain(
  context: TurnContext,
  input: UserInput,
  deps: ChannelDeps,
  options: AnswerOptions,
  { readChain, cursor }: ChainReading,
): Promise<void> {
  const activity = context.activity;
  const chain = replyChainOf(activity);
  const answerAlone = () => answerTurn(context, input, deps, options);
  if (!chain || input.type !== 'text' || deps.commands.isCommand(input.text)) return answerAlone();
  // The consultant's id for the chain is the one every Teams turn in it uses.
  const conversationId = teamsConversationId({ id: chain.conversationId, tenantId: activity.conversation?.tenantId });
  const after = await cursor.get(conversationId);
  if (after === undefined && activity.id === chain.rootId) {
    // A new post that mentions Archie: nothing before it to read. Later mentions read from here on.
    await cursor.set(conversationId, activity.timestamp ? new Date(activity.timestamp).toISOString() : undefined);
    return answerAlone();
  }
  let read: Awaited<ReturnType<ReadReplyChain>>;
  try {
    read = await readChain(chain, after);
  } catch (error) {
    const known = error instanceof ArchieError && error.code === 'thread_unreadable';
    deps.logger[known ? 'info' : 'error'](
      { err: error, conversationId: chain.conversationId },
      'teams: reply chain not read',
    );
    if (await cursor.firstProblem(chain.conversationId)) {
      const why = known ? error.userMessage : 'Microsoft Graph did not answer.';
      await context.sendActivity(
        `I can only see the messages that mention me, not the rest of this reply chain. ${why}`,
      );
    }
    return answerAlone();
  }
  await cursor.set(conversationId, read.newest);
  // Only the mention itself is new: answer it as it is.
  if (read.messages.length <= 1) return answerAlone();
  const replies = await deps.consultant.handle(
    conversationId,
    { type: 'thread', messages: read.messages, ...(read.cut ? { cut: read.cut } : {}) },
    { channel: 'teams', userId: activity.from?.aadObjectId ?? activity.from?.id },
  );
  await send(context, replies);
}
