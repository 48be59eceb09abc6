/**
 * A Clock for tests: time moves only when the test advances it, and sleeps resolve in due order as it
 * does (with the microtasks in between), so schedules spanning weeks run in milliseconds.
 */
import type { Clock } from '../../src/core/clock.js';

export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, waking every sleeper due on the way, in order. */
  advance(ms: number): Promise<void>;
  /** Moves to an instant (forward only). */
  advanceTo(at: Date | string): Promise<void>;
  /** Sleepers currently waiting. */
  pending(): number;
  /** Lets queued promises run without moving time. */
  settle(): Promise<void>;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createFakeClock(start: Date | string = '2026-01-05T08:00:00Z'): FakeClock {
  let now = new Date(start).getTime();
  let seq = 0;
  const sleepers = new Map<number, { at: number; resolve: () => void }>();

  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await tick();
  };

  const advanceTo = async (target: number) => {
    await settle();
    for (;;) {
      const due = [...sleepers.entries()].filter(([, s]) => s.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      sleepers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].resolve();
      await settle();
    }
    now = Math.max(now, target);
    await settle();
  };

  return {
    now: () => new Date(now),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const id = ++seq;
        sleepers.set(id, { at: now + Math.max(0, ms), resolve });
        signal?.addEventListener(
          'abort',
          () => {
            sleepers.delete(id);
            reject(signal.reason);
          },
          { once: true },
        );
      }),
    advance: (ms) => advanceTo(now + ms),
    advanceTo: (at) => advanceTo(new Date(at).getTime()),
    pending: () => sleepers.size,
    settle,
  };
}
