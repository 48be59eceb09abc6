/**
 * Admission control: at most MAX_TURNS_IN_FLIGHT consultant turns run at once, so a burst of senders
 * cannot queue unbounded work behind the health checks and every other request. What happens to the
 * excess depends on who can wait:
 * - Slack has already been acknowledged (it must be, within 3 s, or it re-delivers), so its turns wait
 *   for a slot in arrival order and are answered late rather than never.
 * - The web chat and Teams hold their HTTP request open for the turn, so a request that arrives while
 *   every slot is taken gets 503 with Retry-After at once, and the client tries again.
 * Liveness, readiness and metrics never pass through here.
 */
import type { RequestHandler } from 'express';

export interface Admission {
  /** Runs `work` in a free slot; callers beyond the limit wait in arrival order. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** True when a new turn would have to wait: every slot is taken, or others already wait. */
  full(): boolean;
  /** Express middleware: 503 with Retry-After and a plain sentence while `full()`, else next. */
  gate(): RequestHandler;
  stats(): { running: number; waiting: number; limit: number; refused: number };
}

export interface AdmissionOptions {
  /** Turns running at once. */
  limit: number;
  /** Seconds a refused client is told to wait (Retry-After). Default 2. */
  retryAfterSeconds?: number;
  /** Called for each refused request (metrics). */
  onRefused?: () => void;
}

export const BUSY_MESSAGE =
  'Archie is answering many conversations right now. Please send that again in a few seconds.';

export function createAdmission(options: AdmissionOptions): Admission {
  const { limit } = options;
  const retryAfter = String(options.retryAfterSeconds ?? 2);
  let running = 0;
  let refused = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    // The slot passes straight to the next waiter, so nobody arriving meanwhile can overtake it.
    if (next) next();
    else running--;
  };

  const full = () => running >= limit || waiting.length > 0;

  return {
    run: async (work) => {
      if (running < limit && waiting.length === 0) running++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await work();
      } finally {
        release();
      }
    },
    full,
    gate: () => (_req, res, next) => {
      if (!full()) return next();
      refused++;
      options.onRefused?.();
      res.setHeader('Retry-After', retryAfter);
      res.status(503).json({ error: BUSY_MESSAGE });
    },
    stats: () => ({ running, waiting: waiting.length, limit, refused }),
  };
}
