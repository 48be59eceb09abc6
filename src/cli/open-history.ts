/**
 * The assessment history the CLI reads and writes: the same records `archie serve` keeps (history in
 * STORE_URL, the list of teams in Redis when REDIS_URL is set), so `archie history` shows verdicts from
 * Slack, Teams, the web and `archie chat` alike.
 */
import type Keyv from 'keyv';
import { createHistoryStore, type HistoryStore } from '../checkins/history-store.js';
import { createIndexes } from '../checkins/mount-checkins.js';
import { closeRedis, connectRedis, type RedisClient } from '../checkins/redis-connection.js';
import type { Config } from '../config/config-schema.js';

export interface OpenedHistory {
  history: HistoryStore;
  close(): Promise<void>;
}

export async function openHistory(config: Config, store: Keyv): Promise<OpenedHistory> {
  let redis: RedisClient | undefined;
  if (config.redisUrl) redis = await connectRedis(config.redisUrl, () => {});
  return {
    history: createHistoryStore(store, createIndexes({ store }, redis).teams),
    close: async () => {
      if (redis) await closeRedis(redis);
    },
  };
}
