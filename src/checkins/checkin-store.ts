/**
 * Check-in records in the shared keyv store (`checkin:<id>`), listed through an id index, plus the
 * per-run delivery markers that make a retried or duplicated run post only once.
 */
import type { ProactiveTarget } from '../app/proactive.js';
import type { KeyValueStore } from '../core/store/key-value-store.js';
import type { IdIndex } from './id-index.js';
import type { Schedule } from './schedule.js';

export interface CheckinRecord {
  schemaVersion: 1;
  /** Short id users type (`checkin pause ab12cd`). */
  id: string;
  /** The team: the conversation whose history and profile the check-in reviews. */
  conversationId: string;
  target: ProactiveTarget;
  schedule: Schedule;
  status: 'active' | 'paused';
  /** Why it is paused when Archie paused it (e.g. removed from the channel). */
  pausedReason?: string;
  createdAt: string;
  createdBy?: string;
  /** The scheduled time of the last run that posted (ISO). */
  lastRunAt?: string;
  /** The next scheduled time (ISO), kept so a restart can tell which runs it missed. */
  nextRunAt?: string;
  /** A run that started but has not finished delivering (in-process scheduler); retried at start-up. */
  pendingRunAt?: string;
}

export interface CheckinStore {
  get(id: string): Promise<CheckinRecord | undefined>;
  save(record: CheckinRecord): Promise<void>;
  remove(id: string): Promise<void>;
  all(): Promise<CheckinRecord[]>;
  forConversation(conversationId: string, target?: ProactiveTarget): Promise<CheckinRecord[]>;
  /** Marks a run delivered; false when it already was (another attempt or replica posted it). */
  wasDelivered(id: string, scheduledAt: Date): Promise<boolean>;
  markDelivered(id: string, scheduledAt: Date): Promise<void>;
}

const MARKER_TTL_MS = 35 * 24 * 3_600_000;

function isRecord(raw: unknown): raw is CheckinRecord {
  const r = raw as Partial<CheckinRecord> | undefined;
  return Boolean(r && r.schemaVersion === 1 && typeof r.id === 'string' && r.schedule && r.target);
}

/**
 * True when a check-in belongs to the place asking: its own conversation, or the same channel or chat it
 * posts to. Ids are short and shown in the channel, so a command or button naming one is checked here.
 */
export function belongsTo(record: CheckinRecord, conversationId: string, target?: ProactiveTarget): boolean {
  if (record.conversationId === conversationId) return true;
  return target !== undefined && record.target.channel === target.channel && record.target.key === target.key;
}

export function createCheckinStore(store: KeyValueStore, index: IdIndex): CheckinStore {
  const key = (id: string) => `checkin:${id}`;
  const marker = (id: string, at: Date) => `checkin:sent:${id}:${at.getTime()}`;
  const get = async (id: string) => {
    const raw = await store.get<unknown>(key(id));
    return isRecord(raw) ? raw : undefined;
  };
  const all = async () => {
    const records = await Promise.all((await index.list()).map(get));
    return records
      .filter((r): r is CheckinRecord => r !== undefined)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
  return {
    get,
    save: async (record) => {
      await store.set(key(record.id), record);
      await index.add(record.id);
    },
    remove: async (id) => {
      await store.delete(key(id));
      await index.remove(id);
    },
    all,
    forConversation: async (conversationId, target) =>
      (await all()).filter((r) => belongsTo(r, conversationId, target)),
    wasDelivered: async (id, at) => (await store.get(marker(id, at))) !== undefined,
    markDelivered: async (id, at) => {
      await store.set(marker(id, at), 1, MARKER_TTL_MS);
    },
  };
}
