/**
 * Event listeners: the agent (assistant) container in DMs, plain DMs, @mentions in channels and the
 * follow-ups in threads Archie joined, and the App Home (home tab + first visit to the messages tab).
 */
import { type App, Assistant, type AssistantConfig } from '@slack/bolt';
import type { ChannelDeps } from '../../app/channel.js';
import type { AskAboutThread } from './ask-about-thread.js';
import type { PostReplies } from './post-replies.js';
import { renderHome } from './render-home.js';
import type { RunTurn, TurnInput } from './run-turn.js';
import { isDmChannel, type LatestIndex, type SlackPlace, type ThreadTracker } from './slack-place.js';

export interface EventDeps {
  deps: ChannelDeps;
  run: RunTurn;
  threads: ThreadTracker;
  latest: LatestIndex;
  ask: AskAboutThread;
  post: PostReplies;
}

export const SUGGESTED_PROMPTS = [
  {
    title: 'Review our RAG assistant',
    message: 'We are 6 engineers building a RAG assistant over our internal docs, on one cloud, with a hosted LLM API.',
  },
  { title: 'Should inference be its own service?', message: 'When should GPU inference be its own service?' },
  { title: 'Monolith or microservices?', message: 'How do I choose between a modular monolith and microservices?' },
];

const teamOf = (body: unknown, fallback?: string) => (body as { team_id?: string }).team_id ?? fallback ?? 'T';

/** Removes `<@U…>` mentions of Archie so the consultant sees only what the person wrote. */
export function stripMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(\|[^>]*)?>/g;
  return text.replace(mention, '').trim();
}

export function registerEvents(app: App, { deps, run, threads, latest, ask, post }: EventDeps): void {
  const contextKey = (channelId: string, threadTs: string) => `slack:assistant-context:${channelId}:${threadTs}`;
  // The agent thread's context (which channel the user is looking at) lives in the shared store.
  const threadContextStore: NonNullable<AssistantConfig['threadContextStore']> = {
    get: async ({ payload }) => {
      const p = payload as {
        channel?: string;
        thread_ts?: string;
        assistant_thread?: { channel_id: string; thread_ts: string };
      };
      const channel = p.assistant_thread?.channel_id ?? p.channel;
      const thread = p.assistant_thread?.thread_ts ?? p.thread_ts;
      return channel && thread ? ((await deps.store.get(contextKey(channel, thread))) ?? {}) : {};
    },
    save: async ({ payload }) => {
      const t = (payload as { assistant_thread?: { channel_id: string; thread_ts: string; context?: object } })
        .assistant_thread;
      if (t) await deps.store.set(contextKey(t.channel_id, t.thread_ts), t.context ?? {});
    },
  };

  app.assistant(
    new Assistant({
      threadContextStore,
      threadStarted: async ({ event, body, setSuggestedPrompts, saveThreadContext, logger }) => {
        const thread = event.assistant_thread;
        await saveThreadContext();
        const place: SlackPlace = {
          teamId: teamOf(body),
          channelId: thread.channel_id,
          threadTs: thread.thread_ts,
          userId: thread.user_id,
          isDm: true,
          assistant: true,
        };
        await run(place, { type: 'greet' });
        await setSuggestedPrompts({ title: 'Try one of these', prompts: SUGGESTED_PROMPTS }).catch((error) =>
          logger.debug(`setSuggestedPrompts failed: ${error}`),
        );
      },
      userMessage: async ({ message, body, context }) => {
        const m = message as { channel: string; thread_ts?: string; user?: string; text?: string };
        await run(
          {
            teamId: teamOf(body, context.teamId),
            channelId: m.channel,
            threadTs: m.thread_ts,
            userId: m.user,
            isDm: true,
            assistant: true,
          },
          { type: 'text', text: m.text ?? '' },
        );
      },
    }),
  );

  app.event('app_mention', async ({ event, body, context }) => {
    const threadTs = event.thread_ts ?? event.ts;
    // Asked into a thread it has not followed: what the team already wrote there is the description.
    const askedIn = event.thread_ts !== undefined && !(await threads.has(event.channel, threadTs));
    await threads.join(event.channel, threadTs);
    const text = stripMention(event.text, context.botUserId);
    const place = {
      teamId: teamOf(body, context.teamId),
      channelId: event.channel,
      threadTs,
      userId: event.user,
      isDm: isDmChannel(event.channel),
    } satisfies SlackPlace;
    const own: TurnInput = text === '' ? { type: 'greet' } : { type: 'text', text };
    // A chat command ("@Archie checkin weekly") is about the command, not the thread.
    if (!askedIn || (own.type === 'text' && deps.commands.isCommand(own.text))) return run(place, own);
    await ask(place, {
      botUserId: context.botUserId,
      explain: (message) => post(place, [{ type: 'text', text: message }]),
      otherwise: own,
    });
  });

  app.message(async ({ message, body, context }) => {
    const m = message as {
      channel: string;
      channel_type?: string;
      thread_ts?: string;
      user?: string;
      text?: string;
    };
    const text = m.text ?? '';
    const teamId = teamOf(body, context.teamId);
    if (m.channel_type === 'im') {
      // Threaded DMs belong to the Assistant above; this is a top-level DM conversation.
      await run({ teamId, channelId: m.channel, userId: m.user, isDm: true }, { type: 'text', text });
      return;
    }
    if (!m.thread_ts) return;
    // Messages that mention Archie also arrive as app_mention: answer those once, there.
    if (context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    if (!(await threads.has(m.channel, m.thread_ts))) return;
    await run(
      { teamId, channelId: m.channel, threadTs: m.thread_ts, userId: m.user, isDm: false },
      { type: 'text', text },
    );
  });

  app.event('app_home_opened', async ({ event, body, client, context, logger }) => {
    const teamId = teamOf(body, context.teamId);
    if (event.tab === 'home') {
      const conversationId = await latest.forUser(teamId, event.user);
      const snapshot = conversationId ? await deps.consultant.snapshot(conversationId) : undefined;
      await client.views.publish({
        user_id: event.user,
        view: renderHome({ snapshot, commands: deps.commands.list() }),
      });
      return;
    }
    if (event.tab === 'messages' && event.channel) {
      const key = `slack:greeted:${teamId}:${event.user}`;
      if ((await deps.store.get(key)) !== undefined) return;
      await deps.store.set(key, Date.now());
      logger.debug('First visit to the Messages tab: greeting');
      await run({ teamId, channelId: event.channel, userId: event.user, isDm: true }, { type: 'greet' });
    }
  });
}
