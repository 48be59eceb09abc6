/**
 * The message shortcut "Ask Archie about this thread" (slack/manifest.json, callback id below): acks at
 * once (Slack shows an error after 3 seconds), then reads the message's thread and answers in it. Archie
 * joins the thread, so replies there need no mention. Why it could not read the thread goes privately
 * to the person who asked, through the shortcut's response_url.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import type { Logger } from '../../observability/create-logger.js';
import type { AskAboutThread } from './ask-about-thread.js';
import { isDmChannel, type ThreadTracker } from './slack-place.js';

export const ASK_THREAD_CALLBACK_ID = 'ask_archie_thread';

export interface ShortcutDeps {
  ask: AskAboutThread;
  threads: ThreadTracker;
  logger: Logger;
}

export function registerShortcut(app: App, { ask, threads, logger }: ShortcutDeps): void {
  app.shortcut<MessageShortcut>(
    { type: 'message_action', callback_id: ASK_THREAD_CALLBACK_ID },
    async ({ ack, shortcut, context, respond }) => {
      await ack();
      const channelId = shortcut.channel.id;
      const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
      await threads.join(channelId, threadTs);
      await ask(
        {
          teamId: shortcut.team?.id ?? shortcut.user.team_id ?? 'T',
          channelId,
          threadTs,
          userId: shortcut.user.id,
          isDm: isDmChannel(channelId),
        },
        {
          botUserId: context.botUserId,
          explain: async (message) => {
            await respond({ response_type: 'ephemeral', replace_original: false, text: message });
          },
        },
      ).catch((error) => logger.error({ err: error }, 'Slack thread shortcut failed'));
    },
  );
}
