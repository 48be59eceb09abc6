/**
 * The rendered transcript of each web conversation, kept in the shared key-value store so a reload or a
 * server restart shows the whole conversation. The consultant keeps its own state; this is what was shown.
 */
import type { OutMessage } from '../../core/message.js';
import type { KeyValueStore } from '../../core/store/key-value-store.js';

/** One line of the transcript as the page shows it. */
export type WebMessage =
  | { seq: number; from: 'user'; text: string; at: string }
  | { seq: number; from: 'archie'; message: OutMessage; at: string };

/** A new transcript line before it is numbered. */
export type NewWebMessage = { from: 'user'; text: string } | { from: 'archie'; message: OutMessage };

export interface WebTranscript {
  schemaVersion: 1;
  id: string;
  createdAt: string;
  updatedAt: string;
  messages: WebMessage[];
}

export interface WebHistory {
  create(id: string): Promise<WebTranscript>;
  load(id: string): Promise<WebTranscript | undefined>;
  /** Appends lines and returns them numbered; undefined when the conversation does not exist. */
  append(id: string, lines: NewWebMessage[]): Promise<WebMessage[] | undefined>;
}

export interface WebHistoryOptions {
  now?: () => Date;
  /** Oldest lines are dropped beyond this, so one endless conversation cannot grow without bound. */
  maxMessages?: number;
  /** A transcript nobody writes to for this long expires (each write renews it). Default: never. */
  idleTtlMs?: number;
}

const isTranscript = (v: unknown): v is WebTranscript =>
  typeof v === 'object' &&
  v !== null &&
  (v as WebTranscript).schemaVersion === 1 &&
  Array.isArray((v as WebTranscript).messages);

/** Transcripts stored as one record per conversation under `web:history:<id>`. */
export function createWebHistory(store: KeyValueStore, options: WebHistoryOptions = {}): WebHistory {
  const now = options.now ?? (() => new Date());
  const maxMessages = options.maxMessages ?? 1_000;
  const key = (id: string) => `web:history:${id}`;

  const load = async (id: string) => {
    const raw = await store.get(key(id));
    return isTranscript(raw) ? raw : undefined;
  };

  return {
    create: async (id) => {
      const at = now().toISOString();
      const transcript: WebTranscript = { schemaVersion: 1, id, createdAt: at, updatedAt: at, messages: [] };
      await store.set(key(id), transcript, options.idleTtlMs);
      return transcript;
    },
    load,
    append: async (id, lines) => {
      const transcript = await load(id);
      if (!transcript) return undefined;
      const at = now().toISOString();
      let seq = (transcript.messages.at(-1)?.seq ?? 0) + 1;
      const added = lines.map((line): WebMessage => ({ ...line, seq: seq++, at }));
      transcript.messages = [...transcript.messages, ...added].slice(-maxMessages);
      transcript.updatedAt = at;
      await store.set(key(id), transcript, options.idleTtlMs);
      return added;
    },
  };
}
