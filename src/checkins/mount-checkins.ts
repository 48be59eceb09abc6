/**
 * Scheduled architecture check-ins and assessment history, mounted like a channel: registers the
 * `checkin` and `history` chat commands, records every verdict any conversation reaches, and runs the
 * schedules: on BullMQ when REDIS_URL is set (many replicas, each run once), else in-process.
 */
import type { ChannelDeps, MountChannel, MountedChannel } from '../app/channel.js';
import { createTurnLock } from '../store/turn-lock.js';
import { adoptTeamsConversationIds } from './adopt-teams-conversation-ids.js';
import { createCheckinCommand } from './checkin-command.js';
import type { CheckinScheduler } from './checkin-scheduler.js';
import { createCheckinStore } from './checkin-store.js';
import { createInProcessScheduler } from './create-in-process-scheduler.js';
import { runCheckin } from './deliver-checkin.js';
import { createHistoryCommand } from './history-command.js';
import { createHistoryStore, historyEntry } from './history-store.js';
import { createKeyvIndex, type IdIndex } from './id-index.js';
import { createReassessSessions } from './reassess-session.js';
import { closeRedis, connectRedis, createRedisIndex, type RedisClient } from './redis-connection.js';

export const CHECKIN_INDEX_KEY = 'checkins:index';
export const HISTORY_TEAMS_KEY = 'history:teams';

/** The id indexes: Redis sets when REDIS_URL is set (shared by replicas and the CLI), else keyv records. */
export function createIndexes(
  deps: Pick<ChannelDeps, 'store'>,
  redis?: RedisClient,
): { checkins: IdIndex; teams: IdIndex } {
  return redis
    ? {
        checkins: createRedisIndex(redis, `archie:${CHECKIN_INDEX_KEY}`),
        teams: createRedisIndex(redis, `archie:${HISTORY_TEAMS_KEY}`),
      }
    : {
        checkins: createKeyvIndex(deps.store, CHECKIN_INDEX_KEY),
        teams: createKeyvIndex(deps.store, HISTORY_TEAMS_KEY),
      };
}

export const mountCheckins: MountChannel = async (_app, deps) => {
  const { config, clock, metrics } = deps;
  if (!config.checkins.enabled) return undefined;
  const logger = deps.logger.child({ feature: 'checkins' });
  const redisUrl = config.redisUrl;
  const onRedisError = (error: unknown) => logger.error({ err: error }, 'Redis connection error (check-ins)');
  const redis = redisUrl ? await connectRedis(redisUrl, onRedisError) : undefined;
  if (!redis && config.store.url.startsWith('redis')) {
    logger.warn(
      'STORE_URL is Redis but REDIS_URL is not set: check-ins run in-process on every replica. Set REDIS_URL so each check-in runs once.',
    );
  }

  const indexes = createIndexes(deps, redis);
  const checkins = createCheckinStore(deps.store, indexes.checkins);
  const history = createHistoryStore(deps.store, indexes.teams, { serialize: createTurnLock(deps.store) });
  await adoptTeamsConversationIds({ store: deps.store, checkins, history, logger });
  // A gone target pauses its record (deliver-checkin); the scheduler then drops it too.
  const run = async (id: string, scheduledAt: Date, options?: { manual?: boolean; signal?: AbortSignal }) => {
    const outcome = await deliver(id, scheduledAt, options);
    if (outcome === 'gone') await scheduler.remove(id);
    return outcome;
  };
  const deliver = (id: string, scheduledAt: Date, options?: { manual?: boolean; signal?: AbortSignal }) =>
    runCheckin(
      {
        checkins,
        history,
        consultant: deps.consultant,
        proactive: deps.proactive,
        clock,
        logger,
        metrics,
        staleDays: config.checkins.staleDays,
      },
      id,
      scheduledAt,
      options,
    );
  const scheduler: CheckinScheduler = redisUrl
    ? // BullMQ is loaded only when Redis is configured.
      await (await import('./create-bullmq-scheduler.js')).createBullmqScheduler({
        connect: () => connectRedis(redisUrl, onRedisError),
        checkins,
        logger,
        run,
        lockMs: config.checkins.lockMs,
      })
    : createInProcessScheduler({ checkins, clock, logger, run });

  deps.onAssessment(async (event) => {
    await history.record(
      event.conversationId,
      historyEntry(event.assessment, event.profile, event.at, 'conversation', event.channel),
    );
  });
  const sessions = createReassessSessions({ store: deps.store, consultant: deps.consultant, history, clock });
  deps.commands.register(createCheckinCommand({ checkins, scheduler, sessions, clock }));
  deps.commands.register(createHistoryCommand(history));
  if (redis) {
    deps.readiness.push({
      name: 'redis',
      check: async () => ({ ok: (await redis.ping()) === 'PONG' }),
    });
  }

  await scheduler.start();
  logger.info({ scheduler: scheduler.kind }, 'check-ins are on');
  const mounted: MountedChannel = {
    name: 'checkins',
    status: () => scheduler.status(),
    close: async () => {
      await scheduler.close();
      if (redis) await closeRedis(redis);
    },
  };
  return mounted;
};
