/**
 * Teams throttles bots per conversation and per app (HTTP 429 with Retry-After). Every send goes through
 * here so nothing is dropped: wait what the service asks (or back off exponentially), then try again.
 */
import type { Clock } from '../../core/clock.js';

export interface ThrottleOptions {
  clock: Clock;
  /** Attempts in total, including the first. */
  maxAttempts?: number;
  /** First backoff when the service gives no Retry-After. */
  baseDelayMs?: number;
  /** Never wait longer than this for one retry. */
  maxDelayMs?: number;
  onRetry?: (info: { attempt: number; delayMs: number; status: number }) => void;
}

const DEFAULTS = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** HTTP status of an SDK/HTTP error, if it has one. */
export function errorStatus(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } } | undefined;
  const status = e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The wait the service asked for in Retry-After (seconds or an HTTP date), in ms. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const headers = (error as { response?: { headers?: unknown } } | undefined)?.response?.headers;
  const raw =
    headers instanceof Headers
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Runs `send`, retrying on 429 (and 502/503/504) with Retry-After or exponential backoff. */
export async function withThrottleRetry<T>(send: () => Promise<T>, options: ThrottleOptions): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULTS.maxAttempts;
  const baseDelayMs = options.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULTS.maxDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const status = errorStatus(error);
      const retryable = status === 429 || status === 502 || status === 503 || status === 504;
      if (!retryable || attempt >= maxAttempts) throw error;
      const backoff = baseDelayMs * 2 ** (attempt - 1);
      const delayMs = Math.min(maxDelayMs, retryAfterMs(error, options.clock.now().getTime()) ?? backoff);
      options.onRetry?.({ attempt, delayMs, status: status! });
      await options.clock.sleep(delayMs);
    }
  }
}
