/**
 * One user turn in Teams: chat commands first (check-ins, history), then the consultant; the replies are
 * rendered as cards and, in personal chats with a model configured, streamed as they are written.
 */
import { Activity } from '@microsoft/agents-activity';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { ChannelDeps } from '../../app/channel.js';
import type { CommandContext } from '../../app/commands.js';
import { toArchieError } from '../../core/errors.js';
import { linkableCitations } from '../../core/knowledge/cite.js';
import type { OutMessage, ReplyStream, UserInput } from '../../core/message.js';
import { checkinCard, wantsCheckinCard } from './checkin-card.js';
import { conversationKind } from './read-teams-input.js';
import { renderMessages } from './render-message.js';
import { toSdkActivity } from './teams-activity.js';
import { teamsConversationId } from './teams-conversation-id.js';

export interface AnswerOptions {
  /** Stream model output in personal chats (only when a model is configured). */
  streaming: boolean;
  /** Pause between streamed chunks; the SDK's Teams default (1 s) matches Teams' streaming rate limit. */
  streamDelayMs?: number;
}

export function commandContext(context: TurnContext): CommandContext {
  const activity = context.activity;
  const conversation = activity.conversation!;
  const meta: Record<string, string> = { serviceUrl: activity.serviceUrl ?? '' };
  if (conversation.tenantId) meta.tenantId = conversation.tenantId;
  return {
    // The target is Teams' own address (the stored conversation reference is looked up by it).
    target: { channel: 'teams', key: conversation.id, meta },
    conversationId: teamsConversationId(conversation),
    userId: activity.from?.aadObjectId ?? activity.from?.id,
    ...(activity.localTimezone ? { timeZone: activity.localTimezone } : {}),
  };
}

export async function answerTurn(
  context: TurnContext,
  input: UserInput,
  deps: ChannelDeps,
  options: AnswerOptions,
): Promise<void> {
  const commands = commandContext(context);
  if (input.type === 'text' && wantsCheckinCard(input.text, deps.commands)) {
    return void (await context.sendActivity(toSdkActivity(checkinCard(commands.timeZone))));
  }
  const fromCommand =
    input.type === 'choice'
      ? await deps.commands.tryAction(input.value, commands)
      : input.type === 'text'
        ? await deps.commands.tryText(input.text, commands)
        : undefined;
  if (fromCommand) return send(context, fromCommand);

  const ask = input.type === 'text' ? /^\s*\/?ask\s+([\s\S]+)$/i.exec(input.text) : null;
  if (ask) return send(context, [await askKnowledge(deps, ask[1]!.trim(), commands.userId)]);

  const canStream = options.streaming && conversationKind(context.activity) === 'personal';
  const streamed = { used: false };
  if (canStream && options.streamDelayMs !== undefined) context.streamingResponse.setDelayInMs(options.streamDelayMs);
  const stream: ReplyStream | undefined = canStream
    ? {
        append: async (delta) => {
          streamed.used = true;
          context.streamingResponse.queueTextChunk(delta);
        },
      }
    : undefined;
  const typed = input.type === 'text' ? { type: 'text' as const, text: stripAssess(input.text) } : input;
  const replies = await deps.consultant.handle(commands.conversationId, typed, {
    channel: 'teams',
    userId: commands.userId,
    ...(stream ? { stream } : {}),
  });
  await send(context, replies, streamed.used);
}

/** Sends rendered replies; after a stream, the first reply becomes the stream's final message. */
export async function send(context: TurnContext, messages: OutMessage[], streamed = false): Promise<void> {
  const activities = renderMessages(messages);
  if (streamed) {
    const [first, ...rest] = activities;
    if (first) context.streamingResponse.setFinalMessage(Activity.fromObject(first));
    await context.streamingResponse.endStream();
    if (rest.length > 0) await context.sendActivities(rest.map(toSdkActivity));
    return;
  }
  if (activities.length > 0) await context.sendActivities(activities.map(toSdkActivity));
}

/** "assess <description>" from the Teams command menu starts the interview with the description. */
function stripAssess(text: string): string {
  const match = /^\s*\/?assess\s+([\s\S]+)$/i.exec(text);
  return match ? match[1]!.trim() : text;
}

async function askKnowledge(deps: ChannelDeps, question: string, userId: string | undefined): Promise<OutMessage> {
  let answer: Awaited<ReturnType<ChannelDeps['consultant']['ask']>>;
  try {
    answer = await deps.consultant.ask(question, { channel: 'teams', userId });
  } catch (error) {
    // Over a limit, or a question that cannot be read: the reason in words.
    return { type: 'text', text: toArchieError(error).userMessage };
  }
  const nearby =
    !answer.found && answer.nearby && answer.nearby.length > 0
      ? `\n\nRelated topics: ${linkableCitations(answer.nearby)
          .map((c) => `[${c.title}](${c.url})`)
          .join(' · ')}`
      : '';
  return {
    type: 'text',
    text: `${answer.answer}${nearby}`,
    citations: answer.citations,
    ...(answer.generated ? { generated: true } : {}),
  };
}

/** The invoke response Teams expects after an Action.Execute (a short acknowledgement). */
export function invokeAcknowledgement(): Activity {
  return Activity.fromObject({
    type: 'invokeResponse',
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Got it.' },
    },
  });
}
