/**
 * One turn at a time per conversation, across every replica. In one process a per-key queue orders turns;
 * when replicas share a Redis store, each turn also holds a lease on the conversation (`SET NX PX`,
 * renewed while the turn runs, released only by its holder), so two replicas handed two quick messages of
 * one conversation cannot both read its state and then overwrite each other's save. A replica that dies
 * holding a lease loses it when the lease runs out. A turn that cannot get the lease in `waitMs` runs
 * anyway and says so in the log: answering late beats never answering.
 */
import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import { createSerializeByKey, type SerializeByKey } from '../core/serialize-by-key.js';
import { redisBehindKeyv } from './redis-behind-keyv.js';

export interface TurnLockOptions {
  /** How long a lease lasts unless renewed (a dead replica's lease frees after this). Default 30 s. */
  leaseMs?: number;
  /** How long a turn waits for another replica's lease before running anyway. Default 60 s. */
  waitMs?: number;
  /** Called when a turn gave up waiting. */
  onWaitExpired?: (key: string) => void;
}

// Delete / extend the lease only if it is still ours (another replica may hold it after ours expired).
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** The per-key queue, plus a Redis lease when `keyv` is backed by Redis. */
export function createTurnLock(keyv: Keyv, options: TurnLockOptions = {}): SerializeByKey {
  const local = createSerializeByKey();
  const redis = redisBehindKeyv(keyv);
  if (!redis) return local;
  const leaseMs = options.leaseMs ?? 30_000;
  const waitMs = options.waitMs ?? 60_000;

  return (key, task) =>
    local(key, async () => {
      const client = await redis.client();
      const name = redis.keyFor(`turn-lock:${key}`);
      const token = randomUUID();
      const deadline = Date.now() + waitMs;
      let held = false;
      for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
        held = (await client.set(name, token, { NX: true, PX: leaseMs })) === 'OK';
        if (held || Date.now() >= deadline) break;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
      if (!held) {
        options.onWaitExpired?.(key);
        return task();
      }
      const renew = setInterval(() => {
        void client.eval(RENEW, { keys: [name], arguments: [token, String(leaseMs)] }).catch(() => undefined);
      }, leaseMs / 3);
      renew.unref();
      try {
        return await task();
      } finally {
        clearInterval(renew);
        await client.eval(RELEASE, { keys: [name], arguments: [token] }).catch(() => undefined);
      }
    });
}
