/**
 * Where a Slack turn happens and which consultant conversation it belongs to. A thread is one
 * conversation; a DM outside threads is one conversation per DM.
 */
import type Keyv from 'keyv';

export interface SlackPlace {
  teamId: string;
  channelId: string;
  /** Thread root; undefined for top-level DM messages. */
  threadTs?: string;
  userId?: string;
  /** Direct message with Archie (channel ids starting with D). */
  isDm: boolean;
  /** An agent (assistant) thread: supports status and suggested prompts. */
  assistant?: boolean;
}

export const isDmChannel = (channelId: string): boolean => channelId.startsWith('D');

export function conversationIdFor(place: Pick<SlackPlace, 'teamId' | 'channelId' | 'threadTs'>): string {
  return ['slack', place.teamId, place.channelId, place.threadTs].filter(Boolean).join(':');
}

const THREAD_TTL_MS = 90 * 24 * 3_600_000;

/** Threads Archie joined (by mention or slash command), so follow-ups need no mention. Shared by replicas. */
export function createThreadTracker(store: Keyv) {
  const key = (channelId: string, threadTs: string) => `slack:thread:${channelId}:${threadTs}`;
  return {
    join: async (channelId: string, threadTs: string) => {
      await store.set(key(channelId, threadTs), 1, THREAD_TTL_MS);
    },
    has: async (channelId: string, threadTs: string) => (await store.get(key(channelId, threadTs))) !== undefined,
  };
}

export type ThreadTracker = ReturnType<typeof createThreadTracker>;

/** Where a person's direct messages with Archie are: `slack:dm:<team>:<user>` → the DM channel id. */
export const dmKey = (teamId: string, userId: string) => `slack:dm:${teamId}:${userId}`;

/** The latest conversation per user (App Home) and per channel (commands typed outside threads). */
export function createLatestIndex(store: Keyv) {
  const userKey = (teamId: string, userId: string) => `slack:latest:user:${teamId}:${userId}`;
  const channelKey = (channelId: string) => `slack:latest:channel:${channelId}`;
  return {
    record: async (place: SlackPlace) => {
      const id = conversationIdFor(place);
      await Promise.all([
        place.userId ? store.set(userKey(place.teamId, place.userId), id) : undefined,
        store.set(channelKey(place.channelId), id),
        // A person's DM with Archie, so an erasure request finds it whatever they did last.
        place.userId && place.isDm ? store.set(dmKey(place.teamId, place.userId), place.channelId) : undefined,
      ]);
    },
    forUser: async (teamId: string, userId: string) => (await store.get(userKey(teamId, userId))) as string | undefined,
    forChannel: async (channelId: string) => (await store.get(channelKey(channelId))) as string | undefined,
  };
}

export type LatestIndex = ReturnType<typeof createLatestIndex>;
