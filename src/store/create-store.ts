/**
 * Chooses keyv's backend from STORE_URL: sqlite://path (default), redis://…, or memory://. `probe` proves at
 * start-up that the store takes a write and gives it back within a deadline, so a server never runs on a
 * store that keeps nothing or never answers; its failure is one line naming STORE_URL and the fix.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { maskUrl } from '../config/describe-config.js';
import { ArchieError } from '../core/errors.js';

export { maskUrl };

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export interface CreatedStore {
  keyv: Keyv;
  kind: StoreKind;
  /** Where the data lives, safe to log (no credentials). */
  location: string;
  /** Writes, reads back and deletes a key within `timeoutMs`; throws a `store_unavailable` ArchieError otherwise. */
  probe(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** How long start-up waits for the store to answer (an orchestrator then sees an exit, not a hang). */
export const STORE_PROBE_TIMEOUT_MS = 5_000;

export function createStore(url: string, namespace = 'archie'): CreatedStore {
  const store = openStore(url, namespace);
  let closing: Promise<void> | undefined;
  // Closing twice (a failed start, then shutdown) must not throw "database is closed".
  return { ...store, close: () => (closing ??= store.close()) };
}

type OpenedStore = Omit<CreatedStore, 'probe'> & { probe?: CreatedStore['probe']; abandon?: () => void };

function openStore(url: string, namespace: string): CreatedStore {
  const opened = openBackend(url, namespace);
  return {
    ...opened,
    probe: (timeoutMs = STORE_PROBE_TIMEOUT_MS) =>
      probeKeyv(opened, timeoutMs).catch((error: unknown) => {
        opened.abandon?.();
        throw new ArchieError('store_unavailable', unavailable(opened, timeoutMs, error), { cause: error });
      }),
  };
}

/** One write, read and delete; keyv reports some backend failures only as 'error' events, so those count too. */
async function probeKeyv(store: OpenedStore, timeoutMs: number): Promise<void> {
  const key = `startup-probe:${process.pid}:${Date.now()}`;
  const value = Math.random().toString(36).slice(2);
  let failure: unknown;
  const onError = (error: unknown) => {
    failure ??= error;
  };
  store.keyv.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ProbeTimeout()), timeoutMs);
    });
    await Promise.race([
      (async () => {
        await store.keyv.set(key, value, 60_000);
        const back = await store.keyv.get(key);
        await store.keyv.delete(key);
        if (failure) throw failure;
        if (back !== value) throw new Error('the value written was not read back');
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    store.keyv.off('error', onError);
  }
}

class ProbeTimeout extends Error {}

function unavailable(store: OpenedStore, timeoutMs: number, error: unknown): string {
  const seconds = Math.round(timeoutMs / 1000);
  if (store.kind === 'sqlite') {
    return `cannot write the SQLite file at ${store.location}${error instanceof ProbeTimeout ? ` (no answer within ${seconds} s)` : ''}: set STORE_URL to a path on a writable disk (e.g. sqlite://./data/archie.sqlite) and check the directory's permissions.`;
  }
  if (store.kind === 'redis') {
    return `cannot use the Redis store at ${store.location} (${error instanceof ProbeTimeout ? `no answer within ${seconds} s` : 'it refused a write'}): check STORE_URL and that Redis is running and reachable.`;
  }
  return `the conversation store did not work: check STORE_URL.`;
}

/** Creates the SQLite file's missing directories one level at a time (a recursive mkdir never returns on /proc). */
function makeDirectories(dir: string, url: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) {
    missing.unshift(at);
    at = dirname(at);
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      throw new ArchieError(
        'store_unavailable',
        `cannot create the directory ${level} for the SQLite file: set STORE_URL to a path on a writable disk (e.g. sqlite://./data/archie.sqlite); it was ${maskUrl(url)}.`,
        { cause: error },
      );
    }
  }
}

function openBackend(url: string, namespace: string): OpenedStore {
  if (url === 'memory' || url === 'memory://') {
    const keyv = new Keyv({ namespace });
    return { keyv, kind: 'memory', location: 'memory', close: async () => {} };
  }
  if (url.startsWith('sqlite://')) {
    const file = resolve(url.slice('sqlite://'.length) || './data/archie.sqlite');
    makeDirectories(dirname(file), url);
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
    // Write-ahead logging, synced at checkpoints: a turn's few writes no longer wait on an fsync each (the
    // default rollback journal syncs every write), and readers never wait on the writer. A crash of Archie
    // loses nothing; a power cut can lose the last moments of writes. Every other query waits for them:
    // sqlite3 runs queries in parallel, so merely issuing them first did not make them run first.
    const query = adapter.query;
    const pragmas = (async () => {
      for (const pragma of ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']) {
        await query(pragma).catch(() => undefined); // A file system without WAL support keeps the journal.
      }
    })();
    adapter.query = async (sql, ...parameters) => {
      await pragmas;
      return query(sql, ...parameters);
    };
    const keyv = new Keyv({ store: adapter, namespace });
    return { keyv, kind: 'sqlite', location: file, close: () => keyv.disconnect() };
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const adapter = new KeyvRedis(url);
    const keyv = new Keyv({ store: adapter, namespace, useKeyPrefix: false });
    let abandoned = false;
    return {
      keyv,
      kind: 'redis',
      location: maskUrl(url),
      // A client that never connected reconnects forever: stop it, so the process can exit.
      abandon: () => {
        abandoned = true;
        try {
          adapter.client.destroy();
        } catch {
          // Already closed.
        }
      },
      close: () => (abandoned ? Promise.resolve() : keyv.disconnect()),
    };
  }
  throw new ArchieError(
    'config_invalid',
    `STORE_URL "${maskUrl(url)}" is not supported: use sqlite://./data/archie.sqlite, redis://host:6379 or memory://.`,
  );
}
