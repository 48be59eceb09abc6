/**
 * Reads a Slack thread for Archie: conversations.replies page by page (cursor pagination), people only
 * (no bots, not Archie), each message with who wrote it, bounded to the latest messages (core
 * `boundThread`). Scopes: `channels:history`, `groups:history`, `im:history`, `mpim:history` for public
 * channels, private channels, DMs and group DMs; a missing one becomes a message naming it.
 */
import type { webApi } from '@slack/bolt';
import { ArchieError } from '../../core/errors.js';
import type { ThreadMessage } from '../../core/message.js';
import { type BoundedThread, boundThread, THREAD_BOUNDS, type ThreadBounds } from '../../core/threads/bound-thread.js';
import { isFromPerson } from './ignore-bots.js';
import { mentionedUsers, readableText } from './mrkdwn.js';
import type { UserDirectory } from './user-directory.js';

export interface SlackThreadReaderOptions {
  client: webApi.WebClient;
  users: UserDirectory;
  bounds?: ThreadBounds;
  /** Messages per conversations.replies call (Slack suggests at most 200). */
  pageSize?: number;
  /** Pages read before giving up on a thread too long to reach its end. */
  maxPages?: number;
}

export interface ThreadLocation {
  channelId: string;
  threadTs: string;
  /** Archie's own user id: its messages are not read. */
  botUserId?: string;
}

export type ReadSlackThread = (where: ThreadLocation) => Promise<BoundedThread>;

type SlackMessage = Record<string, unknown> & { ts?: string; user?: string; text?: string };

export function createSlackThreadReader(options: SlackThreadReaderOptions): ReadSlackThread {
  const bounds = options.bounds ?? THREAD_BOUNDS;
  const pageSize = options.pageSize ?? 200;
  const maxPages = options.maxPages ?? 50;

  return async ({ channelId, threadTs, botUserId }) => {
    // Oldest first, so the latest messages come last: keep a window of them while paging, never the whole thread.
    const window: SlackMessage[] = [];
    const seen = new Set<string>();
    let dropped = 0;
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (page === maxPages) throw tooLong(maxPages * pageSize);
      const result = await replies(options.client, { channel: channelId, ts: threadTs, limit: pageSize, cursor });
      for (const message of (result.messages ?? []) as SlackMessage[]) {
        // Some pages repeat the parent message: each message counts once.
        if (!message.ts || seen.has(message.ts)) continue;
        seen.add(message.ts);
        if (isFromPerson(message, botUserId) && message.user && message.text?.trim()) window.push(message);
      }
      if (window.length > bounds.maxMessages) dropped += window.splice(0, window.length - bounds.maxMessages).length;
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!result.has_more || !cursor) break;
    }
    const ids = new Set(window.flatMap((m) => [m.user!, ...mentionedUsers(m.text!)]));
    ids.delete(botUserId ?? '');
    const names = new Map(await Promise.all([...ids].map(async (id) => [id, await options.users.handle(id)] as const)));
    const messages: ThreadMessage[] = window
      .map((m) => ({ speaker: names.get(m.user!) ?? `@${m.user}`, text: readableText(m.text!, names, botUserId) }))
      .filter((m) => m.text !== '');
    return boundThread(messages, bounds, dropped);
  };
}

async function replies(
  client: webApi.WebClient,
  args: webApi.ConversationsRepliesArguments,
): Promise<webApi.ConversationsRepliesResponse> {
  try {
    return await client.conversations.replies(args);
  } catch (error) {
    throw unreadable(error);
  }
}

/** Slack's refusal as something the person who asked can act on. */
function unreadable(error: unknown): unknown {
  const data = (error as { data?: { error?: string; needed?: string } }).data;
  switch (data?.error) {
    case 'missing_scope':
      return new ArchieError(
        'thread_unreadable',
        `I can’t read this thread: my Slack app is missing the \`${data.needed ?? 'channels:history'}\` scope. A workspace admin can add it under OAuth & Permissions in the app settings and reinstall the app.`,
        { cause: error },
      );
    case 'not_in_channel':
    case 'channel_not_found':
      return new ArchieError(
        'thread_unreadable',
        'I can’t read threads in this conversation because I’m not a member of it. Invite me (`/invite @Archie`) and ask again.',
        { cause: error },
      );
    case 'thread_not_found':
      return new ArchieError(
        'thread_unreadable',
        'I couldn’t find that thread; it may have been deleted. Mention me in the thread and tell me about your system.',
        {
          cause: error,
        },
      );
    default:
      return error;
  }
}

function tooLong(read: number): ArchieError {
  return new ArchieError(
    'thread_unreadable',
    `This thread is too long for me to reach its latest messages (over ${read.toLocaleString('en-US')}). Start a new thread with a short summary and mention me there.`,
  );
}
