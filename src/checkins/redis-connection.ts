/**
 * The Redis clients check-ins use across replicas (node-redis, which BullMQ 6 drives natively and
 * @keyv/redis already ships, so no second driver is needed).
 */
import { createClient } from '@keyv/redis';
import type { IdIndex } from './id-index.js';

const newClient = (url: string) => createClient({ url });

export type RedisClient = ReturnType<typeof newClient>;

/** A connected client; errors are logged by the caller's `onError` instead of crashing the process. */
export async function connectRedis(url: string, onError: (error: unknown) => void): Promise<RedisClient> {
  const client = newClient(url);
  client.on('error', onError);
  await client.connect();
  return client;
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
