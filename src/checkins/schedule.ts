/**
 * A check-in schedule: a cron pattern (croner syntax, 5-7 fields) in an IANA time zone, plus an optional
 * "every N weeks" filter anchored on the first run. Plain forms ("weekly on monday 09:00") are translated
 * to this shape by `parseSchedule`; the next run is always computed by croner, so DST is croner's job.
 */
import { Cron } from 'croner';

export interface Schedule {
  /** Cron pattern croner understands (e.g. "0 9 * * 1", "0 9 * * 2#1", "* * * * * *"). */
  pattern: string;
  /** IANA time zone the pattern is read in. */
  timeZone: string;
  /** Only every Nth weekly occurrence, counted from `anchor` (N ≥ 2). */
  everyWeeks?: number;
  /** ISO instant of the first occurrence; every-N-weeks runs are whole weeks after it. */
  anchor?: string;
  /** How the user asked for it, normalised ("every 2 weeks on Monday at 09:00"). */
  description: string;
}

const WEEK_MS = 7 * 24 * 3_600_000;

function cron(schedule: Schedule): Cron {
  return new Cron(schedule.pattern, { timezone: schedule.timeZone, paused: true });
}

/** True when `at` is one of the weeks an every-N-weeks schedule runs (whole weeks from the anchor). */
function onParity(schedule: Schedule, at: Date): boolean {
  if (!schedule.everyWeeks || !schedule.anchor) return true;
  // Round: a DST change shifts the wall-clock occurrence by an hour, never by a week.
  const weeks = Math.round((at.getTime() - Date.parse(schedule.anchor)) / WEEK_MS);
  return ((weeks % schedule.everyWeeks) + schedule.everyWeeks) % schedule.everyWeeks === 0;
}

/** The first run strictly after `after`, or undefined when the schedule never runs again. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  const job = cron(schedule);
  let cursor: Date | null = after;
  // Weekly patterns hit the parity within everyWeeks occurrences; other patterns match at once.
  for (let i = 0; i < Math.max(1, schedule.everyWeeks ?? 1) + 1; i += 1) {
    cursor = job.nextRun(cursor);
    if (!cursor) return undefined;
    if (onParity(schedule, cursor)) return cursor;
  }
  return undefined;
}

/** The latest run at or before `at` (the one a catch-up stands in for), or undefined. */
export function previousRun(schedule: Schedule, at: Date): Date | undefined {
  const job = cron(schedule);
  const runs = job.previousRuns(Math.max(1, schedule.everyWeeks ?? 1) + 1, new Date(at.getTime() + 1));
  const hit = runs.find((run) => onParity(schedule, run));
  if (!hit) return undefined;
  if (schedule.anchor && hit.getTime() < Date.parse(schedule.anchor)) return undefined;
  return hit;
}

/** True when a run at `at` belongs to the schedule (BullMQ fires every week; this skips off-weeks). */
export function runsAt(schedule: Schedule, at: Date): boolean {
  return onParity(schedule, at);
}

/** The next `count` runs after `after` (for confirmations and `checkin list`). */
export function upcomingRuns(schedule: Schedule, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  let cursor = after;
  while (runs.length < count) {
    const next = nextRun(schedule, cursor);
    if (!next) break;
    runs.push(next);
    cursor = next;
  }
  return runs;
}

/** A run time as the team reads it: "Mon 2 Mar 2026, 09:00 (Europe/Berlin)". */
export function formatRun(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timeZone})`;
}
