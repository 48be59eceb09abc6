/** Chooses keyv's backend from STORE_URL: sqlite://path (default), redis://…, or memory://. */
import { mkdirSync } from 'node:fs';
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
  close(): Promise<void>;
}

export function createStore(url: string, namespace = 'archie'): CreatedStore {
  const store = openStore(url, namespace);
  let closing: Promise<void> | undefined;
  // Closing twice (a failed start, then shutdown) must not throw "database is closed".
  return { ...store, close: () => (closing ??= store.close()) };
}

function openStore(url: string, namespace: string): CreatedStore {
  if (url === 'memory' || url === 'memory://') {
    const keyv = new Keyv({ namespace });
    return { keyv, kind: 'memory', location: 'memory', close: async () => {} };
  }
  if (url.startsWith('sqlite://')) {
    const file = resolve(url.slice('sqlite://'.length) || './data/archie.sqlite');
    mkdirSync(dirname(file), { recursive: true });
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
    return { keyv, kind: 'redis', location: maskUrl(url), close: () => keyv.disconnect() };
  }
  throw new ArchieError(
    'config_invalid',
    `STORE_URL "${maskUrl(url)}" is not supported: use sqlite://./data/archie.sqlite, redis://host:6379 or memory://.`,
  );
}
