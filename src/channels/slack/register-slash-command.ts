/**
 * `/archie`: help, `assess <description>`, `ask <question>`, and every registered chat command
 * (`checkin …`, `history`). Help is answered in the ack; everything else acks first and posts after.
 */
import type { App, RespondFn, webApi } from '@slack/bolt';
import type { ChannelDeps } from '../../app/channel.js';
import { toArchieError } from '../../core/errors.js';
import { templatedSummary } from '../../core/interview/interview-messages.js';
import { type OutMessage, RECOMMENDATION_ACTIONS } from '../../core/message.js';
import { quoteUserText } from '../../core/render/quote-user-text.js';
import { openCheckinModal } from './checkin-modal.js';
import type { PostReplies } from './post-replies.js';
import { renderHelp } from './render-help.js';
import { renderMessage } from './render-message.js';
import type { RunTurn } from './run-turn.js';
import { conversationIdFor, isDmChannel, type SlackPlace, type ThreadTracker } from './slack-place.js';

export interface SlashDeps {
  deps: ChannelDeps;
  client: webApi.WebClient;
  post: PostReplies;
  run: RunTurn;
  threads: ThreadTracker;
}

export function registerSlashCommand(app: App, { deps, client, post, run, threads }: SlashDeps): void {
  const { consultant, commands, logger } = deps;

  app.command('/archie', async ({ command, ack, respond }) => {
    const text = command.text.trim();
    const [word = '', ...restWords] = text.split(/\s+/);
    const verb = word.toLowerCase();
    const rest = text.slice(word.length).trim();
    const ephemeral = (message: string) => ack({ response_type: 'ephemeral', text: message });

    const long = deps.tooLong(text);
    if (long) return void (await ephemeral(long));
    if (verb === '' || verb === 'help') return void (await ephemeral(renderHelp(commands.list())));
    if (verb === 'checkin' && restWords.length === 0 && command.trigger_id && commands.isCommand(text)) {
      await ack();
      const place = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
      return void (await openCheckinModal(client, deps, command.trigger_id, place).catch((error) =>
        logger.error({ err: error }, 'Could not open the check-in modal'),
      ));
    }
    if ((verb === 'assess' || verb === 'ask') && restWords.length === 0) {
      return void (await ephemeral(
        verb === 'assess'
          ? 'Tell me about your system: `/archie assess We are 5 engineers building a RAG assistant…`'
          : 'What would you like to know? `/archie ask When should inference be its own service?`',
      ));
    }
    const known = verb === 'assess' || verb === 'ask' || commands.isCommand(text);
    if (!known) return void (await ephemeral(renderHelp(commands.list(), word)));
    await ack();

    const place: SlackPlace = {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      isDm: isDmChannel(command.channel_id),
    };
    try {
      if (verb === 'assess') return void (await assess(place, rest, respond));
      if (verb === 'ask') {
        const answer = await consultant.ask(rest, { channel: 'slack', userId: command.user_id });
        const nearby = !answer.found && answer.nearby?.length ? answer.nearby : [];
        await deliver(place, respond, [
          {
            type: 'text',
            text: `**Question:** ${quoteUserText(rest)}\n\n${answer.answer}`,
            citations: [...answer.citations, ...nearby],
            generated: answer.generated,
          },
        ]);
        return;
      }
      await run(place, { type: 'text', text });
    } catch (error) {
      const problem = toArchieError(error);
      logger.error({ err: error, code: problem.code }, 'Slack /archie failed');
      await respond({ response_type: 'ephemeral', text: problem.userMessage }).catch(() => {});
    }
  });

  /** Posts in the channel; where Archie is not a member, answers privately through the response_url. */
  async function deliver(place: SlackPlace, respond: RespondFn, messages: OutMessage[]): Promise<string | undefined> {
    try {
      const first = renderMessage(messages[0]!)[0]!;
      const posted = await client.chat.postMessage({
        channel: place.channelId,
        text: first.text,
        blocks: first.blocks,
        unfurl_links: false,
      });
      const rest = [...renderMessage(messages[0]!).slice(1)];
      for (const part of rest)
        await client.chat.postMessage({ channel: place.channelId, thread_ts: posted.ts, ...part });
      if (messages.length > 1) await post({ channelId: place.channelId, threadTs: posted.ts }, messages.slice(1));
      return posted.ts;
    } catch (error) {
      logger.info({ err: error }, 'Could not post in the channel; answering privately');
      for (const message of messages) {
        for (const part of renderMessage(message)) {
          await respond({ response_type: 'ephemeral', replace_original: false, text: part.text, blocks: part.blocks });
        }
      }
      return undefined;
    }
  }

  async function assess(place: SlackPlace, description: string, respond: RespondFn): Promise<void> {
    const result = await consultant.assess(description, { channel: 'slack', userId: place.userId });
    const a = result.assessment;
    const ts = await deliver(place, respond, [
      {
        type: 'recommendation',
        assessment: a,
        summary: `${templatedSummary(a)} Reply in this thread to add details or correct me; I will re-assess.`,
        actions: [...RECOMMENDATION_ACTIONS],
      },
    ]);
    // The posted verdict starts a conversation: its thread (or the DM) continues from this profile.
    const conversation: SlackPlace = { ...place, threadTs: place.isDm ? undefined : ts };
    if (ts || place.isDm) {
      await consultant.seed(conversationIdFor(conversation), result.profile);
      if (conversation.threadTs) await threads.join(place.channelId, conversation.threadTs);
    }
  }
}
