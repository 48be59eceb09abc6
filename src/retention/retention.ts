/**
 * Retention: what Archie keeps, and for how long. A sweep, run at start-up and then every hour,
 * - deletes records whose TTL has passed (dedupe markers, rate-limit windows, greeting markers), which a
 *   SQLite or memory store would otherwise keep forever (Redis expires them itself);
 * - deletes web chat conversations nobody has touched for WEB_CONVERSATION_IDLE_DAYS (transcript and the
 *   consultant's state; the transcript also carries that TTL, so Redis drops it on time by itself);
 * - with CONVERSATION_RETENTION_DAYS set, deletes every conversation's state (and transcript) not updated
 *   for that long, and assessment history entries older than that.
 */
import type Keyv from 'keyv';
import type { HistoryStore } from '../checkins/history-store.js';
import type { Clock } from '../core/clock.js';
import { decodeConversation } from '../core/interview/conversation-state.js';
import { purgeExpired, scanKeys } from '../store/scan-keys.js';
import { deleteConversation, webIdOf } from './conversation-records.js';

export const DAY_MS = 24 * 3_600_000;

export interface RetentionPolicy {
  /** Conversation state, transcripts and history older than this many days go; undefined keeps them. */
  conversationDays?: number;
  /** Web chat conversations idle this many days go. */
  webIdleDays: number;
}

export interface SweepResult {
  /** Records past their TTL. */
  expired: number;
  /** Conversations (state and transcript) past their retention or idle time. */
  conversations: number;
  /** Assessment history entries older than the retention. */
  historyEntries: number;
}

export interface SweepDeps {
  store: Keyv;
  clock: Clock;
  policy: RetentionPolicy;
  /** Assessment history, when check-ins keep it. */
  history?: HistoryStore;
}

interface WebTranscriptDates {
  updatedAt?: unknown;
}

export async function sweep(deps: SweepDeps): Promise<SweepResult> {
  const { store, policy } = deps;
  const now = deps.clock.now().getTime();
  const result: SweepResult = { expired: await purgeExpired(store), conversations: 0, historyEntries: 0 };
  const keepMs = policy.conversationDays !== undefined ? policy.conversationDays * DAY_MS : Number.POSITIVE_INFINITY;
  const webKeepMs = Math.min(keepMs, policy.webIdleDays * DAY_MS);
  const tooOld = (at: unknown, limitMs: number) => {
    const time = typeof at === 'string' ? Date.parse(at) : Number.NaN;
    return Number.isFinite(time) && now - time > limitMs;
  };

  const gone = new Set<string>();
  for await (const key of scanKeys(store, 'conv:')) {
    const id = key.slice('conv:'.length);
    const limit = webIdOf(id) ? webKeepMs : keepMs;
    if (!Number.isFinite(limit)) continue;
    const state = decodeConversation(await store.get(key), new Date(now));
    if (state && tooOld(state.updatedAt, limit)) {
      await deleteConversation(store, id);
      gone.add(id);
    }
  }
  // A transcript can outlive its state (a greeting only, or state deleted first): it has its own date.
  for await (const key of scanKeys(store, 'web:history:')) {
    const id = `web:${key.slice('web:history:'.length)}`;
    if (gone.has(id)) continue;
    const transcript = (await store.get(key)) as WebTranscriptDates | undefined;
    if (transcript && tooOld(transcript.updatedAt, webKeepMs)) {
      await deleteConversation(store, id);
      gone.add(id);
    }
  }
  result.conversations = gone.size;

  if (deps.history && Number.isFinite(keepMs)) {
    const before = new Date(now - keepMs);
    for (const team of await deps.history.teams()) result.historyEntries += await deps.history.prune(team, before);
  }
  return result;
}
