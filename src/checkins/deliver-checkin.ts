/**
 * Runs one check-in at one scheduled time: post it once (a marker per check-in and scheduled time makes
 * a retried job or a second replica a no-op), wait out rate limits (Retry-After, then backoff, bounded),
 * and pause the schedule with a reason when Archie was removed from the place it posts to.
 */
import type { ProactiveRegistry } from '../app/proactive.js';
import type { Clock } from '../core/clock.js';
import type { Consultant } from '../core/consultant.js';
import type { Logger } from '../observability/create-logger.js';
import type { Metrics } from '../observability/metrics.js';
import { checkinMessage } from './checkin-message.js';
import type { CheckinStore } from './checkin-store.js';
import type { HistoryEntry, HistoryStore } from './history-store.js';
import { runsAt } from './schedule.js';

export interface DeliverDeps {
  checkins: CheckinStore;
  history: HistoryStore;
  consultant: Pick<Consultant, 'snapshot'>;
  proactive: Pick<ProactiveRegistry, 'send'>;
  clock: Clock;
  logger: Logger;
  metrics: Pick<Metrics, 'checkinsFired' | 'checkinsFailed'>;
  staleDays: number;
  /** Attempts within one run before giving up (BullMQ then retries the job). Default 6. */
  attempts?: number;
  /** First backoff when the platform gives no Retry-After. Default 1 s, doubling, capped at 60 s. */
  backoffMs?: number;
}

export type RunOutcome = 'posted' | 'duplicate' | 'skipped' | 'gone';

/** Thrown when every attempt failed; the scheduler retries later (BullMQ attempts/backoff). */
export class DeliveryFailed extends Error {}

/** The last assessment to show: from history, else the conversation's own snapshot (undated). */
async function lastAssessment(deps: DeliverDeps, conversationId: string) {
  const latest = await deps.history.latest(conversationId);
  if (latest) return latest;
  const snapshot = await deps.consultant.snapshot(conversationId);
  if (!snapshot?.assessment) return undefined;
  const a = snapshot.assessment;
  return {
    at: deps.clock.now().toISOString(),
    verdict: a.verdict,
    confidence: a.confidence,
    profile: snapshot.profile,
  };
}

export async function runCheckin(
  deps: DeliverDeps,
  id: string,
  scheduledAt: Date,
  options: { manual?: boolean; signal?: AbortSignal } = {},
): Promise<RunOutcome> {
  const record = await deps.checkins.get(id);
  // No record: cancelled or erased (`archie data delete`) while scheduled; the scheduler then drops it.
  if (!record) return 'gone';
  if (record.status === 'paused' && !options.manual) return 'skipped';
  if (!options.manual && !runsAt(record.schedule, scheduledAt)) return 'skipped';
  if (await deps.checkins.wasDelivered(id, scheduledAt)) return 'duplicate';

  const last = (await lastAssessment(deps, record.conversationId)) as HistoryEntry | undefined;
  const message = checkinMessage({
    record,
    last,
    scheduledAt,
    now: deps.clock.now(),
    staleDays: deps.staleDays,
  });
  const attempts = deps.attempts ?? 6;
  let backoff = deps.backoffMs ?? 1_000;
  let reason = 'not attempted';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const result = await deps.proactive.send(record.target, [message]);
    if (result.ok) {
      await deps.checkins.markDelivered(id, scheduledAt);
      const fresh = (await deps.checkins.get(id)) ?? record;
      await deps.checkins.save({ ...fresh, lastRunAt: scheduledAt.toISOString() });
      deps.metrics.checkinsFired.inc({ channel: record.target.channel });
      return 'posted';
    }
    reason = result.reason;
    if (result.gone) {
      const fresh = (await deps.checkins.get(id)) ?? record;
      await deps.checkins.save({ ...fresh, status: 'paused', pausedReason: result.reason });
      deps.metrics.checkinsFailed.inc({ reason: 'gone' });
      deps.logger.warn(
        { checkinId: id, channel: record.target.channel, reason: result.reason },
        'check-in target is gone; schedule paused',
      );
      return 'gone';
    }
    if (attempt === attempts) break;
    const wait = result.retryAfterMs ?? backoff;
    deps.metrics.checkinsFailed.inc({ reason: result.retryAfterMs !== undefined ? 'rate_limited' : 'retry' });
    deps.logger.info({ checkinId: id, attempt, waitMs: wait, reason }, 'check-in not delivered yet; retrying');
    await deps.clock.sleep(wait, options.signal);
    backoff = Math.min(backoff * 2, 60_000);
  }
  deps.metrics.checkinsFailed.inc({ reason: 'gave_up' });
  throw new DeliveryFailed(`check-in ${id} not delivered after ${attempts} attempts: ${reason}`);
}
