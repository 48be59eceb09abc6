/**
 * Reads a Teams channel reply chain through Microsoft Graph (app-only, under the team's resource-specific
 * consent `ChannelMessage.Read.Group`): the post and its replies, people only (no apps, not Archie, not
 * deleted or system messages), oldest first, each with its author's display name, bounded like every
 * thread (core `boundThread`). Graph's refusals become messages that say what Archie could not read.
 */
import { ArchieError } from '../../core/errors.js';
import type { ThreadMessage } from '../../core/message.js';
import { type BoundedThread, boundThread, THREAD_BOUNDS, type ThreadBounds } from '../../core/threads/bound-thread.js';
import { type GraphAccess, GraphHttpError } from './graph-access.js';
import { messageHtmlToText } from './read-teams-input.js';

/** A chatMessage as Graph returns it, and as a message action's payload carries it (the fields Archie reads). */
export interface ChatMessage {
  id: string;
  messageType?: string;
  createdDateTime?: string;
  deletedDateTime?: string | null;
  from?: { user?: { displayName?: string | null } | null; application?: { id?: string } | null } | null;
  body?: { contentType?: string; content?: string };
  mentions?: { id: number; mentioned?: { application?: unknown; user?: unknown } }[];
}

export interface ReplyChainLocation {
  tenantId: string;
  /** The team's Microsoft 365 group id (channelData.team.aadGroupId). */
  teamId: string;
  /** The channel's thread id, 19:…@thread.tacv2. */
  channelId: string;
  /** The post that started the reply chain. */
  rootId: string;
}

export interface ChainRead extends BoundedThread {
  /** When the newest message read was written (ISO), to read only what came after it next time. */
  newest?: string;
}

/** Reads the chain at `where`; with `after`, only messages written after that time (ISO). */
export type ReadReplyChain = (where: ReplyChainLocation, after?: string) => Promise<ChainRead>;

export interface ReplyChainReaderOptions {
  graph: GraphAccess;
  bounds?: ThreadBounds;
  /** Replies per page (Graph allows up to 50). */
  pageSize?: number;
  /** Pages read before giving up on a chain too long to reach its end. */
  maxPages?: number;
}

/**
 * Why a reply chain cannot be read when Archie has no credentials for Graph. Like every reason the reader
 * gives, it says why and what would fix it; callers say first what they read instead.
 */
export const NO_GRAPH_ACCESS =
  'Reading a reply chain needs Archie’s client secret (MICROSOFT_APP_PASSWORD) to sign in to Microsoft Graph.';

export function createReplyChainReader(options: ReplyChainReaderOptions): ReadReplyChain {
  const bounds = options.bounds ?? THREAD_BOUNDS;
  const pageSize = options.pageSize ?? 50;
  const maxReplies = pageSize * (options.maxPages ?? 100);

  return async ({ tenantId, teamId, channelId, rootId }, after) => {
    if (!options.graph) throw new ArchieError('thread_unreadable', NO_GRAPH_ACCESS);
    const get = options.graph(tenantId);
    const path = `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages/${encodeURIComponent(rootId)}`;
    try {
      const root = (await get(path)) as ChatMessage;
      const replies: ChatMessage[] = [];
      // Page by page through @odata.nextLink.
      let next: string | undefined = `${path}/replies?$top=${pageSize}`;
      while (next) {
        if (replies.length >= maxReplies) throw tooLong(maxReplies);
        const page = (await get(next)) as { value?: ChatMessage[]; '@odata.nextLink'?: string };
        replies.push(...(page.value ?? []));
        next = page['@odata.nextLink'];
      }
      const since = after ? Date.parse(after) : Number.NEGATIVE_INFINITY;
      const people = [root, ...replies]
        .filter((m) => isFromPerson(m) && Date.parse(m.createdDateTime ?? '') > since)
        .sort((a, b) => Date.parse(a.createdDateTime ?? '') - Date.parse(b.createdDateTime ?? ''));
      const newest = people.at(-1)?.createdDateTime ?? after;
      const messages = people.map(chatMessageToThread).filter((m) => m.text !== '');
      return { ...boundThread(messages, bounds), ...(newest ? { newest } : {}) };
    } catch (error) {
      throw unreadable(error);
    }
  };
}

/** True for something a person wrote (not an app, not Archie, not deleted, not a system event). */
export const isFromPerson = (m: ChatMessage) =>
  (m.messageType ?? 'message') === 'message' && !m.deletedDateTime && !m.from?.application && Boolean(m.from?.user);

/** A chatMessage (from Graph, or a message action's payload) as a thread message. */
export function chatMessageToThread(m: ChatMessage): ThreadMessage {
  const content = m.body?.content ?? '';
  const mentionsApp = (id: number) => Boolean(m.mentions?.find((x) => x.id === id)?.mentioned?.application);
  const text = m.body?.contentType === 'text' ? content.trim() : messageHtmlToText(content, mentionsApp);
  return { speaker: m.from?.user?.displayName?.trim() || 'Someone', text };
}

/** Graph's refusal as what Archie could not read and what would let it. */
function unreadable(error: unknown): unknown {
  if (error instanceof ArchieError || !(error instanceof GraphHttpError)) return error;
  const { status } = error;
  if (status === 403) {
    return new ArchieError(
      'thread_unreadable',
      'This team has not given Archie permission to read its channel messages (ChannelMessage.Read.Group): a team owner grants it by adding or updating the Archie app in the team (Manage team → Apps) with the package that asks for it.',
      { cause: error },
    );
  }
  if (status === 404) {
    return new ArchieError(
      'thread_unreadable',
      'Microsoft Graph does not find this reply chain (it may have been deleted).',
      { cause: error },
    );
  }
  if (status === 401) {
    return new ArchieError(
      'thread_unreadable',
      'Microsoft Graph did not accept Archie’s sign-in: check MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.',
      { cause: error },
    );
  }
  return error;
}

function tooLong(read: number): ArchieError {
  return new ArchieError(
    'thread_unreadable',
    `It is too long for me to reach its latest messages (over ${read.toLocaleString('en-US')}): start a new post with a short summary and mention me there.`,
  );
}
