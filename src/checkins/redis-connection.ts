/**
 * The Redis clients check-ins use across replicas (node-redis, which BullMQ 6 drives natively and
 * @keyv/redis already ships, so no second driver is needed).
 */
import { createClient } from '@keyv/redis';
import { maskUrl } from '../config/describe-config.js';
import { ArchieError } from '../core/errors.js';
import type { IdIndex } from './id-index.js';

const newClient = (url: string) => createClient({ url });

export type RedisClient = ReturnType<typeof newClient>;

/**
 * A connected client; errors are logged by the caller's `onError` instead of crashing the process. A Redis
 * that does not answer within `timeoutMs` stops start-up with one line naming REDIS_URL (node-redis would
 * otherwise retry forever and the server would never listen).
 */
export async function connectRedis(
  url: string,
  onError: (error: unknown) => void,
  timeoutMs = 5_000,
): Promise<RedisClient> {
  const client = newClient(url);
  let connected = false;
  client.on('error', (error: unknown) => {
    // Refused connections while starting are the one line below, not a log line per retry.
    if (connected) onError(error);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
      }),
    ]);
    connected = true;
    return client;
  } catch (error) {
    client.destroy();
    throw new ArchieError(
      'store_unavailable',
      `cannot reach Redis at ${maskUrl(url)} (REDIS_URL, used by check-ins) within ${Math.round(timeoutMs / 1000)} s: check REDIS_URL and that Redis is running, or unset it to run check-ins in this process.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A Redis set shared by every replica (SADD is atomic: two replicas adding at once lose nothing). */
export function createRedisIndex(redis: RedisClient, key: string): IdIndex {
  return {
    add: async (id) => {
      await redis.sAdd(key, id);
    },
    remove: async (id) => {
      await redis.sRem(key, id);
    },
    list: async () => (await redis.sMembers(key)).sort(),
  };
}

/** Closes a client, tolerating one that already dropped. */
export async function closeRedis(client: RedisClient): Promise<void> {
  try {
    await client.close();
  } catch {
    client.destroy();
  }
}
