/**
 * Where a channel reply chain is, from an activity: Graph needs the team's group id, the channel and the
 * post that started the chain; Teams addresses the chain as the channel id with `;messageid=<post>`, the
 * id it puts on activities in that chain. Also remembers, per chain, when the newest
 * message Archie has read was written (a time, never the text), so the next mention reads only what
 * people wrote since.
 */
import type { Activity } from '@microsoft/agents-activity';
import type Keyv from 'keyv';
import type { ReplyChainLocation } from './read-reply-chain.js';

export interface ReplyChain extends ReplyChainLocation {
  /** Teams' address of the chain (the conversation id on its activities); teamsConversationId names it for the consultant. */
  conversationId: string;
}

interface ChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
}

/** The chain an activity belongs to (or that `rootId` starts), or undefined outside a team channel. */
export function replyChainOf(activity: Activity, rootId?: string): ReplyChain | undefined {
  if (activity.conversation?.conversationType !== 'channel') return undefined;
  const data = (activity.channelData ?? {}) as ChannelData;
  const [base = '', ...rest] = (activity.conversation.id ?? '').split(';');
  const root = rootId ?? /^messageid=(.+)$/.exec(rest.join(';'))?.[1];
  const channelId = data.channel?.id ?? base;
  const teamId = data.team?.aadGroupId;
  const tenantId = data.tenant?.id ?? activity.conversation.tenantId;
  if (!root || !teamId || !tenantId || !channelId) return undefined;
  return { tenantId, teamId, channelId, rootId: root, conversationId: `${base};messageid=${root}` };
}

const TTL_MS = 90 * 24 * 3_600_000;

/** When the newest message Archie read in each chain was written. Shared by replicas through the store. */
export function createChainCursor(store: Keyv) {
  const key = (conversationId: string) => `teams:chain-read:${conversationId}`;
  const noted = (conversationId: string) => `teams:chain-unread-noted:${conversationId}`;
  return {
    /** True the first time a chain could not be read (say why once, not on every mention). */
    firstProblem: async (conversationId: string) => {
      if ((await store.get(noted(conversationId))) !== undefined) return false;
      await store.set(noted(conversationId), 1, TTL_MS);
      return true;
    },
    get: async (conversationId: string) => (await store.get(key(conversationId))) as string | undefined,
    set: async (conversationId: string, newest: string | undefined) => {
      if (newest) await store.set(key(conversationId), newest, TTL_MS);
    },
  };
}

export type ChainCursor = ReturnType<typeof createChainCursor>;
