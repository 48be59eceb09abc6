/**
 * A ReplyStream backed by Slack's chat streaming (chat.startStream / appendStream / stopStream through
 * WebClient.chatStream). The stream message starts on the first delta, so a turn that streams nothing
 * posts nothing extra; each delta is shown as it comes.
 */
import type { webApi } from '@slack/bolt';
import type { ReplyStream } from '../../core/message.js';
import type { SlackPlace } from './slack-place.js';

export interface SlackStream {
  stream: ReplyStream;
  /** Stops the stream (if it started; once) and returns the text it showed. */
  finish(): Promise<string | undefined>;
}

export function createSlackStream(client: webApi.WebClient, place: SlackPlace & { threadTs: string }): SlackStream {
  let streamer: ReturnType<webApi.WebClient['chatStream']> | undefined;
  let text = '';
  let stopped = false;
  return {
    stream: {
      append: async (delta) => {
        if (delta === '') return;
        streamer ??= client.chatStream({
          channel: place.channelId,
          thread_ts: place.threadTs,
          recipient_team_id: place.teamId,
          ...(place.userId ? { recipient_user_id: place.userId } : {}),
          // Deltas are already whole sentences (the core streams a sentence at a time); the WebClient's own
          // 256-character buffer would hold the first one back for no reason.
          buffer_size: 1,
        });
        text += delta;
        await streamer.append({ markdown_text: delta });
      },
    },
    finish: async () => {
      if (!streamer) return undefined;
      if (!stopped) {
        stopped = true;
        await streamer.stop();
      }
      return text;
    },
  };
}
