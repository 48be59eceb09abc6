/** What mount-checkins needs from a scheduler, in-process (croner + one timer) or BullMQ (replicas). */
import type { CheckinRecord } from './checkin-store.js';

export interface CheckinScheduler {
  kind: 'in-process' | 'bullmq';
  /** Loads every schedule; runs missed while the server was down run once now. */
  start(): Promise<void>;
  /** A schedule was created or resumed. */
  upsert(record: CheckinRecord): Promise<void>;
  /** A schedule was paused or cancelled. */
  remove(id: string): Promise<void>;
  /** Runs a check-in now (`checkin now`), through the same delivery path as scheduled runs. */
  runNow(record: CheckinRecord): Promise<void>;
  status(): Record<string, unknown>;
  /** Stops timers/workers; waits for runs in flight. */
  close(): Promise<void>;
}
