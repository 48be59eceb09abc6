/**
 * "First caller wins" for a key, across every replica: true for whoever claims `key` first within `ttlMs`,
 * false for everyone after. On Redis it is one atomic `SET key value NX PX ttl`, so two replicas handed the
 * same retried Slack event or Teams activity at the same moment cannot both answer it. SQLite and memory
 * stores belong to one process, where a read then a write is made atomic by the claims in progress.
 */
import type Keyv from 'keyv';
import { redisBehindKeyv } from './redis-behind-keyv.js';

const inProgress = new WeakMap<Keyv, Set<string>>();

export async function claimOnce(keyv: Keyv, key: string, ttlMs: number): Promise<boolean> {
  const redis = redisBehindKeyv(keyv);
  if (redis) {
    // Written as keyv writes it, so `keyv.get(key)` still reads the claim.
    const now = Date.now();
    const value = (await keyv.serialize?.({ value: now, expires: now + ttlMs })) ?? String(now);
    const client = await redis.client();
    const reply = await client.set(redis.keyFor(key), value, { NX: true, PX: ttlMs });
    return reply === 'OK';
  }
  let claiming = inProgress.get(keyv);
  if (!claiming) {
    claiming = new Set();
    inProgress.set(keyv, claiming);
  }
  if (claiming.has(key)) return false;
  claiming.add(key);
  try {
    if ((await keyv.get(key)) !== undefined) return false;
    await keyv.set(key, Date.now(), ttlMs);
    return true;
  } finally {
    claiming.delete(key);
  }
}
