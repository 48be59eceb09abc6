/**
 * Runs the retention sweep (retention.ts) at start-up and then every hour, mounted like a channel so it
 * shares the store, clock and logger, and stops before the store closes. Each sweep that removed
 * something says what in the log (counts only, never ids or content).
 */
import type { MountChannel } from '../app/channel.js';
import { createHistoryStore } from '../checkins/history-store.js';
import { createIndexes } from '../checkins/mount-checkins.js';
import { closeRedis, connectRedis, type RedisClient } from '../checkins/redis-connection.js';
import { type SweepResult, sweep } from './retention.js';

const EVERY_MS = 3_600_000;

export const mountRetention: MountChannel = async (_app, deps) => {
  const { config, clock } = deps;
  const logger = deps.logger.child({ feature: 'retention' });
  const policy = config.retention;
  // History lives in the store, its list of teams in Redis when REDIS_URL is set (as for check-ins).
  let redis: RedisClient | undefined;
  if (policy.conversationDays !== undefined && config.redisUrl) {
    redis = await connectRedis(config.redisUrl, (error) => logger.error({ err: error }, 'Redis connection error'));
  }
  const history =
    policy.conversationDays !== undefined
      ? createHistoryStore(deps.store, createIndexes(deps, redis).teams)
      : undefined;

  let last: (SweepResult & { at: string }) | undefined;
  const runOnce = async () => {
    const at = clock.now().toISOString();
    try {
      const result = await sweep({ store: deps.store, clock, policy, history });
      last = { at, ...result };
      if (result.expired || result.conversations || result.historyEntries) logger.info(result, 'retention sweep');
    } catch (error) {
      logger.error({ err: error }, 'retention sweep failed; the next one runs in an hour');
    }
  };
  const stop = new AbortController();
  const loop = (async () => {
    for (;;) {
      await runOnce();
      try {
        await clock.sleep(EVERY_MS, stop.signal);
      } catch {
        return;
      }
    }
  })();

  return {
    name: 'retention',
    status: () => ({
      conversationDays: policy.conversationDays ?? 'kept until deleted',
      webIdleDays: policy.webIdleDays,
      ...(last ? { lastSweep: last } : {}),
    }),
    close: async () => {
      stop.abort();
      await loop;
      if (redis) await closeRedis(redis);
    },
  };
};
