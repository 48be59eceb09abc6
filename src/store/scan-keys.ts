/**
 * The keys under a prefix, on whichever backend keyv has (memory, SQLite or Redis), for the few jobs that
 * must visit every record of a kind: retention sweeps and erasure requests. Keys are yielded as keyv sees
 * them (without its namespace), a page at a time, so a large store is never read into memory at once.
 * Also deletes every record whose TTL has passed, which only Redis does by itself.
 */
import KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import { redisBehindKeyv } from './redis-behind-keyv.js';

const PAGE = 500;

interface ScanningClient {
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[] | string>;
}

/** keyv's key prefix in SQLite and memory (`archie:`); Redis has its own (`redisBehindKeyv`). */
const namespacePrefix = (keyv: Keyv) => (keyv.namespace ? `${keyv.namespace}:` : '');

/** Keys starting with `prefix`, in no promised order; safe to delete while iterating. */
export async function* scanKeys(keyv: Keyv, prefix: string): AsyncGenerator<string> {
  const adapter: unknown = keyv.store;
  const redis = redisBehindKeyv(keyv);
  if (redis) {
    // A single Redis (a cluster would need each master scanned; Archie's deployments use one).
    const client = (await redis.client()) as unknown as ScanningClient;
    const base = redis.keyFor('');
    const match = `${escapeGlob(base + prefix)}*`;
    for await (const batch of client.scanIterator({ MATCH: match, COUNT: PAGE })) {
      for (const key of Array.isArray(batch) ? batch : [batch]) yield String(key).slice(base.length);
    }
    return;
  }
  const ns = namespacePrefix(keyv);
  if (adapter instanceof KeyvSqlite) {
    const table = tableOf(adapter);
    const full = ns + prefix;
    let after = '';
    for (;;) {
      // substr, not LIKE: ids contain `_` and `%`, which LIKE reads as wildcards.
      const rows = (await adapter.query(
        `SELECT key FROM ${table} WHERE key > ? AND substr(key, 1, ?) = ? ORDER BY key LIMIT ${PAGE}`,
        after,
        full.length,
        full,
      )) as Array<{ key: string }>;
      for (const row of rows) yield row.key.slice(ns.length);
      if (rows.length < PAGE) return;
      after = rows.at(-1)!.key;
    }
  }
  if (adapter instanceof Map) {
    for (const key of [...adapter.keys()]) {
      if (typeof key === 'string' && key.startsWith(ns + prefix)) yield key.slice(ns.length);
    }
    return;
  }
  throw new Error('scanKeys: this store cannot list its keys');
}

/**
 * Deletes every record whose TTL has passed; returns how many. keyv only hides an expired record when it
 * is read again, and a dedupe marker or rate-limit window never is, so SQLite and memory stores would
 * otherwise keep them forever. Redis expires keys itself (0).
 */
export async function purgeExpired(keyv: Keyv, now = Date.now()): Promise<number> {
  const adapter: unknown = keyv.store;
  if (redisBehindKeyv(keyv)) return 0;
  const ns = namespacePrefix(keyv);
  if (adapter instanceof KeyvSqlite) {
    const table = tableOf(adapter);
    const rows = (await adapter.query(
      `DELETE FROM ${table} WHERE substr(key, 1, ?) = ? AND json_valid(value) AND json_extract(value, '$.expires') < ? RETURNING key`,
      ns.length,
      ns,
      now,
    )) as unknown[];
    return rows.length;
  }
  if (adapter instanceof Map) {
    let removed = 0;
    for (const [key, stored] of [...adapter.entries()]) {
      if (typeof key !== 'string' || !key.startsWith(ns)) continue;
      const expires = expiresOf(stored);
      if (expires !== undefined && expires < now) {
        adapter.delete(key);
        removed++;
      }
    }
    return removed;
  }
  return 0;
}

/** A memory record is keyv's JSON string, or the object itself for strings (create-store.ts). */
function expiresOf(stored: unknown): number | undefined {
  let record = stored;
  if (typeof stored === 'string') {
    try {
      record = JSON.parse(stored);
    } catch {
      return undefined;
    }
  }
  const expires = (record as { expires?: unknown } | null)?.expires;
  return typeof expires === 'number' ? expires : undefined;
}

const tableOf = (adapter: KeyvSqlite) => (adapter.opts as { table?: string }).table ?? 'keyv';

/** Redis MATCH treats `*?[]\` as pattern characters. */
const escapeGlob = (text: string) => text.replace(/[*?[\]\\]/g, '\\$&');
