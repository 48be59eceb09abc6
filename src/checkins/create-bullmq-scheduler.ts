/**
 * Check-ins across replicas on BullMQ job schedulers: one scheduler per check-in (pattern + time zone,
 * next run computed by croner like the in-process scheduler), so each run is one job that exactly one
 * worker takes. A replica that dies mid-run loses its lock; BullMQ's stalled-job check hands the job to
 * another replica. Missed runs while every replica was down are the one delayed job waiting in Redis:
 * it runs once at start-up and the next run is computed from then on.
 */
import { type Job, Queue, Worker } from 'bullmq';
import { Cron } from 'croner';
import type { Logger } from '../observability/create-logger.js';
import type { CheckinScheduler } from './checkin-scheduler.js';
import type { CheckinRecord, CheckinStore } from './checkin-store.js';
import type { RunOutcome } from './deliver-checkin.js';
import { closeRedis, type RedisClient } from './redis-connection.js';

export const CHECKIN_QUEUE = 'archie-checkins';

export interface BullmqOptions {
  /** Creates a Redis connection (BullMQ needs one for the queue and one for the worker). */
  connect(): Promise<RedisClient>;
  checkins: CheckinStore;
  logger: Logger;
  run(id: string, scheduledAt: Date, options?: { manual?: boolean }): Promise<RunOutcome>;
  /** BullMQ key prefix (default "archie"). */
  prefix?: string;
  /** Job lock; a replica that stops renewing it for this long is presumed dead. Default 30 s. */
  lockMs?: number;
  concurrency?: number;
}

interface CheckinJob {
  id: string;
  /** Only for `checkin now` jobs; scheduled jobs carry their time in `opts.prevMillis`. */
  scheduledAt?: number;
}

/** Next run for BullMQ's job schedulers: croner, so patterns mean the same in both schedulers. */
export function croneRepeatStrategy(millis: number, opts: { pattern?: string; tz?: string }): number | undefined {
  if (!opts.pattern) return undefined;
  return new Cron(opts.pattern, { timezone: opts.tz, paused: true }).nextRun(new Date(millis))?.getTime();
}

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 30_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 1_000 },
};

export async function createBullmqScheduler(options: BullmqOptions): Promise<CheckinScheduler> {
  const { checkins, logger } = options;
  const prefix = options.prefix ?? 'archie';
  const lockMs = options.lockMs ?? 30_000;
  const settings = { repeatStrategy: croneRepeatStrategy as never };
  const queueConnection = await options.connect();
  const workerConnection = await options.connect();
  const queue = new Queue<CheckinJob>(CHECKIN_QUEUE, { connection: queueConnection as never, prefix, settings });
  let worker: Worker<CheckinJob, RunOutcome> | undefined;
  let runs = 0;

  const upsert = async (record: CheckinRecord) => {
    await queue.upsertJobScheduler(
      record.id,
      { pattern: record.schedule.pattern, tz: record.schedule.timeZone },
      { name: 'checkin', data: { id: record.id }, opts: JOB_OPTIONS },
    );
  };

  const process = async (job: Job<CheckinJob, RunOutcome>): Promise<RunOutcome> => {
    const manual = job.name === 'checkin-now';
    const at = manual ? (job.data.scheduledAt ?? job.timestamp) : (job.opts.prevMillis ?? job.timestamp);
    const outcome = await options.run(job.data.id, new Date(at), { manual });
    runs += 1;
    logger.info({ checkinId: job.data.id, jobId: job.id, outcome, attempt: job.attemptsMade }, 'check-in job done');
    return outcome;
  };

  return {
    kind: 'bullmq',
    start: async () => {
      // Reconcile: schedulers without an active record go; active records without a scheduler get one.
      // Existing schedulers are left alone, so a run missed while every replica was down still runs once.
      const existing = await queue.getJobSchedulers(0, -1);
      const records = new Map((await checkins.all()).map((r) => [r.id, r]));
      for (const s of existing) {
        if (s.key && records.get(s.key)?.status !== 'active') await queue.removeJobScheduler(s.key);
      }
      const present = new Set(existing.map((s) => s.key));
      for (const record of records.values()) {
        if (record.status === 'active' && !present.has(record.id)) await upsert(record);
      }
      worker = new Worker<CheckinJob, RunOutcome>(CHECKIN_QUEUE, process, {
        connection: workerConnection as never,
        prefix,
        settings,
        concurrency: options.concurrency ?? 16,
        lockDuration: lockMs,
        stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
        maxStalledCount: 2,
      });
      worker.on('failed', (job, error) =>
        logger.warn({ err: error, checkinId: job?.data.id, attempt: job?.attemptsMade }, 'check-in job failed'),
      );
      worker.on('error', (error) => logger.error({ err: error }, 'check-in worker error'));
    },
    upsert,
    remove: async (id) => {
      await queue.removeJobScheduler(id);
    },
    runNow: async (record) => {
      const at = Date.now();
      await queue.add(
        'checkin-now',
        { id: record.id, scheduledAt: at },
        { ...JOB_OPTIONS, jobId: `now-${record.id}-${at}` },
      );
    },
    status: () => ({ scheduler: 'bullmq', queue: CHECKIN_QUEUE, runs, running: worker?.isRunning() ?? false }),
    close: async () => {
      await worker?.close();
      await queue.close();
      await closeRedis(workerConnection);
      await closeRedis(queueConnection);
    },
  };
}
