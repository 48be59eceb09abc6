/**
 * Check-ins on one machine: croner computes each schedule's next run from the injected Clock, and one
 * timer (Clock.sleep) wakes for the earliest. Each record keeps `nextRunAt`, so after a restart a schedule
 * whose next run passed while the server was down runs once (for its latest missed time), never a flood.
 */
import { setMaxListeners } from 'node:events';
import type { Clock } from '../core/clock.js';
import type { Logger } from '../observability/create-logger.js';
import type { CheckinScheduler } from './checkin-scheduler.js';
import type { CheckinRecord, CheckinStore } from './checkin-store.js';
import { DeliveryFailed, type RunOutcome } from './deliver-checkin.js';
import { nextRun, previousRun } from './schedule.js';

export interface InProcessOptions {
  checkins: CheckinStore;
  clock: Clock;
  logger: Logger;
  run(id: string, scheduledAt: Date, options?: { manual?: boolean; signal?: AbortSignal }): Promise<RunOutcome>;
  /** Check-ins delivered at once (rate limits are per channel; this bounds memory and sockets). Default 16. */
  concurrency?: number;
  /** Longest single sleep, so a suspended laptop or clock change is noticed. Default 1 hour. */
  maxSleepMs?: number;
}

export function createInProcessScheduler(options: InProcessOptions): CheckinScheduler {
  const { checkins, clock, logger } = options;
  const concurrency = options.concurrency ?? 16;
  const maxSleep = options.maxSleepMs ?? 3_600_000;
  const next = new Map<string, { at: Date; record: CheckinRecord }>();
  const waiting: (() => Promise<void>)[] = [];
  const inFlight = new Set<Promise<void>>();
  let wake = new AbortController();
  const stop = new AbortController();
  // Every run in flight may be waiting out a rate limit on this signal.
  setMaxListeners(0, stop.signal);
  let closed = false;
  let loop: Promise<void> | undefined;
  let runs = 0;

  const pump = () => {
    while (inFlight.size < concurrency && waiting.length) {
      const job = waiting.shift()!;
      const p = job().finally(() => {
        inFlight.delete(p);
        pump();
      });
      inFlight.add(p);
    }
  };

  const dispatch = (id: string, at: Date, manual = false) => {
    waiting.push(async () => {
      try {
        const outcome = await options.run(id, at, { manual, signal: stop.signal });
        runs += 1;
        logger.debug({ checkinId: id, scheduledAt: at.toISOString(), outcome }, 'check-in run');
        if (!manual) await settle(id, at);
      } catch (error) {
        // The run stays pending in the record: the next start-up delivers it.
        if (stop.signal.aborted) return;
        const level = error instanceof DeliveryFailed ? 'warn' : 'error';
        logger[level]({ err: error, checkinId: id }, 'check-in run failed; it will be retried at the next start');
      }
    });
    pump();
  };

  /** Records the next run (and the run being delivered) so a restart knows what it missed. */
  const persistNext = async (id: string, at: Date | undefined, pending?: Date) => {
    const fresh = await checkins.get(id);
    if (!fresh) return;
    await checkins.save({
      ...fresh,
      nextRunAt: at?.toISOString(),
      ...(pending ? { pendingRunAt: pending.toISOString() } : {}),
    });
  };

  /** The run finished (posted, duplicate, skipped or gone): it is no longer pending. */
  const settle = async (id: string, at: Date) => {
    const fresh = await checkins.get(id);
    if (fresh?.pendingRunAt === at.toISOString()) await checkins.save({ ...fresh, pendingRunAt: undefined });
  };

  /** Runs what is due (once per schedule, for its latest due time) and moves each to its next run. */
  const fireDue = async () => {
    const now = clock.now();
    for (const [id, entry] of [...next]) {
      if (entry.at.getTime() > now.getTime()) continue;
      const latest = previousRun(entry.record.schedule, now) ?? entry.at;
      const scheduledAt = latest.getTime() >= entry.at.getTime() ? latest : entry.at;
      const following = nextRun(entry.record.schedule, now);
      if (following) next.set(id, { at: following, record: entry.record });
      else next.delete(id);
      await persistNext(id, following, scheduledAt);
      dispatch(id, scheduledAt);
    }
  };

  const run = async () => {
    while (!closed) {
      await fireDue();
      const earliest = Math.min(...[...next.values()].map((e) => e.at.getTime()));
      const delay = Number.isFinite(earliest) ? Math.max(0, earliest - clock.now().getTime()) : maxSleep;
      try {
        await clock.sleep(Math.min(delay, maxSleep), wake.signal);
      } catch {
        // Woken early: the schedules changed.
      }
      if (wake.signal.aborted) wake = new AbortController();
    }
  };

  const track = (record: CheckinRecord, from: Date) => {
    const at = nextRun(record.schedule, from);
    if (at) next.set(record.id, { at, record });
    else next.delete(record.id);
    return at;
  };

  return {
    kind: 'in-process',
    start: async () => {
      const now = clock.now();
      for (const record of await checkins.all()) {
        if (record.status !== 'active') continue;
        const stored = record.nextRunAt ? new Date(record.nextRunAt) : undefined;
        const missed =
          stored && stored.getTime() <= now.getTime() ? (previousRun(record.schedule, now) ?? stored) : undefined;
        const pending = record.pendingRunAt ? new Date(record.pendingRunAt) : undefined;
        // Missed while down (or cut off mid-delivery): ONE catch-up run for the latest time, never a flood.
        const catchUp = [missed, pending]
          .filter((d): d is Date => d !== undefined)
          .sort((a, b) => b.getTime() - a.getTime())[0];
        const at = track(record, now);
        await persistNext(record.id, at, catchUp);
        if (catchUp) dispatch(record.id, catchUp);
      }
      loop = run();
    },
    upsert: async (record) => {
      const at = track(record, clock.now());
      await persistNext(record.id, at);
      wake.abort();
    },
    remove: async (id) => {
      next.delete(id);
      wake.abort();
    },
    runNow: async (record) => {
      dispatch(record.id, clock.now(), true);
    },
    status: () => ({ scheduler: 'in-process', schedules: next.size, runs, inFlight: inFlight.size }),
    close: async () => {
      closed = true;
      waiting.length = 0;
      stop.abort();
      wake.abort();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
