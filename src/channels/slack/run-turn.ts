/**
 * One Slack turn, wherever it came from (DM, agent thread, mention, thread follow-up, button): chat
 * commands first, then the consultant, with a "thinking…" status, streaming when a model is configured,
 * and plain errors. Every listener funnels through here so behaviour is the same everywhere.
 */
import type { webApi } from '@slack/bolt';
import type { ChannelDeps } from '../../app/channel.js';
import type { CommandContext } from '../../app/commands.js';
import { ownsAction } from '../../app/limits/guard-consultant.js';
import { toArchieError } from '../../core/errors.js';
import type { OutMessage, TurnContext, UserInput } from '../../core/message.js';
import type { PostReplies } from './post-replies.js';
import { conversationIdFor, type LatestIndex, type SlackPlace } from './slack-place.js';
import { createSlackStream, type SlackStream } from './slack-stream.js';
import type { UserDirectory } from './user-directory.js';

export type TurnInput = UserInput | { type: 'greet' };

export interface TurnRunnerDeps {
  deps: ChannelDeps;
  client: webApi.WebClient;
  post: PostReplies;
  latest: LatestIndex;
  users: UserDirectory;
}

export type RunTurn = (place: SlackPlace, input: TurnInput) => Promise<void>;

export function createTurnRunner({ deps, client, post, latest, users }: TurnRunnerDeps): RunTurn {
  const { consultant, commands, logger, config } = deps;
  const commandContexts = createCommandContexts(users, latest);

  const setStatus = async (place: SlackPlace, status: string) => {
    if (!place.assistant || !place.threadTs) return;
    await client.assistant.threads
      .setStatus({ channel_id: place.channelId, thread_ts: place.threadTs, status })
      .catch((error) => logger.debug({ err: error }, 'Slack setStatus failed'));
  };

  return async (place, input) => {
    const target = { channelId: place.channelId, threadTs: place.threadTs };
    const conversationId = conversationIdFor(place);
    let stream: SlackStream | undefined;
    try {
      if (input.type === 'text' && commands.isCommand(input.text)) {
        const replies = await commands.tryText(input.text, await commandContexts(place));
        if (replies) return await post(target, replies);
      }
      if (input.type === 'choice' && ownsAction(commands, input.value)) {
        const replies = await commands.tryAction(input.value, await commandContexts(place));
        if (replies) return await post(target, replies);
      }

      await setStatus(place, 'is thinking…');
      if (config.llm && place.threadTs) stream = createSlackStream(client, { ...place, threadTs: place.threadTs });
      const ctx: TurnContext = { channel: 'slack', userId: place.userId, stream: stream?.stream };
      const replies =
        input.type === 'greet'
          ? await consultant.greet(conversationId, ctx)
          : await consultant.handle(conversationId, input, ctx);
      const streamed = await stream?.finish();
      await post(target, withoutStreamed(replies, streamed));
      if (replies.some((r) => r.type === 'recommendation')) await latest.record(place);
    } catch (error) {
      const problem = toArchieError(error);
      logger.error({ err: error, code: problem.code, conversationId }, 'Slack turn failed');
      await setStatus(place, '');
      // Close a stream the failure interrupted, so Slack does not show it as still typing.
      await stream?.finish().catch(() => undefined);
      await post(target, [{ type: 'text', text: problem.userMessage }]).catch((postError) =>
        logger.error({ err: postError }, 'Could not tell the Slack user about the failure'),
      );
    }
  };
}

/** Drops a text reply that the stream already showed word for word. */
function withoutStreamed(replies: OutMessage[], streamed: string | undefined): OutMessage[] {
  if (!streamed) return replies;
  const shown = streamed.trim();
  return replies.filter((r) => !(r.type === 'text' && r.text.trim() === shown));
}

/** Builds the CommandContext for a place, with the user's time zone. */
function createCommandContexts(users: UserDirectory, latest: LatestIndex) {
  return async (place: SlackPlace): Promise<CommandContext> => ({
    target: {
      channel: 'slack',
      key: place.channelId,
      meta: { team_id: place.teamId, ...(place.threadTs ? { thread_ts: place.threadTs } : {}) },
    },
    // Outside a thread, a channel's commands act on its latest review (history is kept per conversation).
    conversationId:
      place.threadTs || place.isDm
        ? conversationIdFor(place)
        : ((await latest.forChannel(place.channelId)) ?? conversationIdFor(place)),
    userId: place.userId,
    timeZone: await users.timeZone(place.userId),
  });
}
