/**
 * A fixed-window counter in the shared store: approximate across replicas (read-then-write, no lock),
 * which is what an abuse limit needs; it never blocks a turn on a store error.
 */
import type { Clock } from '../clock.js';
import type { KeyValueStore } from '../store/key-value-store.js';

export interface WindowCount {
  count: number;
  /** Milliseconds until the window resets. */
  resetInMs: number;
}

/** Counts per key in fixed time windows (e.g. messages per minute, model tokens per hour). */
export function createFixedWindowCounter(store: KeyValueStore, clock: Clock, windowMs: number) {
  return {
    /** Adds `amount` to `key` in the current window and returns the new total. */
    async add(key: string, amount = 1): Promise<WindowCount> {
      const now = clock.now().getTime();
      const window = Math.floor(now / windowMs);
      const storeKey = `limit:${key}:${window}`;
      const count = ((await store.get<number>(storeKey)) ?? 0) + amount;
      await store.set(storeKey, count, windowMs + 1_000);
      return { count, resetInMs: (window + 1) * windowMs - now };
    },
    async peek(key: string): Promise<number> {
      const window = Math.floor(clock.now().getTime() / windowMs);
      return (await store.get<number>(`limit:${key}:${window}`)) ?? 0;
    },
  };
}
