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

export interface WindowCounter {
  /** Adds `amount` to `key` in the current window and returns the new total. */
  add(key: string, amount?: number): Promise<WindowCount>;
  peek(key: string): Promise<number>;
}

/** Counts per key in fixed time windows (e.g. messages per minute, model tokens per hour). */
export function createFixedWindowCounter(store: KeyValueStore, clock: Clock, windowMs: number): WindowCounter {
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

/**
 * The same counter held in this process, for a deployment whose store belongs to one process anyway
 * (memory, SQLite): no store round trips per message, and windows that have passed are dropped, where
 * SQLite would keep an expired row for every user and minute (it purges nothing by itself).
 */
export function createLocalWindowCounter(clock: Clock, windowMs: number): WindowCounter & { size(): number } {
  const counts = new Map<string, { window: number; count: number }>();
  let swept = 0;
  const current = () => {
    const now = clock.now().getTime();
    const window = Math.floor(now / windowMs);
    if (window !== swept) {
      for (const [key, entry] of counts) if (entry.window < window) counts.delete(key);
      swept = window;
    }
    return { now, window };
  };
  return {
    async add(key, amount = 1) {
      const { now, window } = current();
      const entry = counts.get(key);
      const count = (entry?.window === window ? entry.count : 0) + amount;
      counts.set(key, { window, count });
      return { count, resetInMs: (window + 1) * windowMs - now };
    },
    async peek(key) {
      const { window } = current();
      const entry = counts.get(key);
      return entry?.window === window ? entry.count : 0;
    },
    /** Keys counted in the current window (after dropping past ones). */
    size() {
      current();
      return counts.size;
    },
  };
}
