/**
 * Posts the consultant's replies into a Slack place: Block Kit messages via chat.postMessage, ADRs as a
 * file via files.uploadV2 (falling back to code-block snippets when the upload is refused).
 */
import type { webApi } from '@slack/bolt';
import type { OutMessage } from '../../core/message.js';
import type { Logger } from '../../observability/create-logger.js';
import { renderAdrSnippet } from './render-adr.js';
import { renderMessage } from './render-message.js';
import { mergeMessages, type SlackMessage, wireBlocks } from './slack-message.js';

export interface ReplyTarget {
  channelId: string;
  threadTs?: string;
}

export type PostReplies = (target: ReplyTarget, messages: OutMessage[]) => Promise<void>;

export function createReplyPoster(client: webApi.WebClient, logger: Logger): PostReplies {
  const post = async (target: ReplyTarget, message: SlackMessage) => {
    await client.chat.postMessage({
      channel: target.channelId,
      thread_ts: target.threadTs,
      text: message.text,
      blocks: wireBlocks(message.blocks),
      unfurl_links: false,
      unfurl_media: false,
    });
  };

  return async (target, messages) => {
    let pending: SlackMessage[] = [];
    const flush = async () => {
      for (const part of mergeMessages(pending)) await post(target, part);
      pending = [];
    };
    for (const message of messages) {
      if (message.type === 'adr') {
        await flush();
        try {
          const file = { filename: message.filename, title: message.title, content: message.markdown };
          const initial_comment = `Here is the ADR: *${message.title}*`;
          await client.files.uploadV2(
            target.threadTs
              ? { ...file, channel_id: target.channelId, thread_ts: target.threadTs, initial_comment }
              : { ...file, channel_id: target.channelId, initial_comment },
          );
          continue;
        } catch (error) {
          logger.warn({ err: error }, 'Slack file upload failed; posting the ADR as snippets instead');
        }
        for (const part of renderAdrSnippet(message)) await post(target, part);
        continue;
      }
      pending.push(...renderMessage(message));
    }
    await flush();
  };
}
