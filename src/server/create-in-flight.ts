/**
 * Counts HTTP requests and consultant turns in flight so a graceful shutdown can wait for them: Slack
 * and Teams acknowledge first and answer after, so the turn outlives its request.
 */
import type { RequestHandler } from 'express';

export interface InFlight {
  count(): number;
  /** Resolves true when nothing is in flight, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Holds shutdown open for work that outlives its request (Slack and Teams answer after the ack). */
  hold<T>(work: Promise<T>): Promise<T>;
  /** Express middleware counting each request until its response closes. */
  middleware: RequestHandler;
}

export function createInFlight(): InFlight {
  let active = 0;
  let waiters: Array<() => void> = [];
  const settle = () => {
    active--;
    if (active === 0) {
      for (const resolve of waiters) resolve();
      waiters = [];
    }
  };
  return {
    middleware: (_req, res, next) => {
      active++;
      res.once('close', settle);
      next();
    },
    count: () => active,
    drain: (timeoutMs) =>
      active === 0
        ? Promise.resolve(true)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(false), timeoutMs);
            waiters.push(() => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
    hold: async (work) => {
      active++;
      try {
        return await work;
      } finally {
        settle();
      }
    },
  };
}
