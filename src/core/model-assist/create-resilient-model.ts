/**
 * The one retry policy for model calls: a per-attempt timeout, bounded retries with exponential backoff
 * (honouring Retry-After), and a circuit breaker. SDK-level retries are disabled in the adapter so this
 * is the only policy. When it gives up it throws; ModelAssist turns that into "use the offline engine".
 */
import type { Clock } from '../clock.js';
import type { ChatMessage, ChatModel } from './chat-model.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import { ModelCallError, toModelCallError } from './model-error.js';

export interface RetryPolicy {
  maxRetries: number;
  timeoutMs: number;
  /** First backoff; doubles each retry (with jitter) up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the user gets the offline answer instead. */
  maxRetryAfterMs?: number;
}

export interface ResilientModelOptions extends RetryPolicy {
  clock: Clock;
  breaker: CircuitBreaker;
  /** Called for each failed attempt (logging, metrics). */
  onFailure?: (error: ModelCallError, attempt: number) => void;
  random?: () => number;
}

/** The endpoint answered, so it is healthy even though this reply is unusable. */
const ENDPOINT_ANSWERED = new Set(['refusal', 'bad-request', 'malformed']);

export function createResilientModel(model: ChatModel, options: ResilientModelOptions): ChatModel {
  const { clock, breaker, maxRetries, timeoutMs, onFailure, random = Math.random } = options;
  const baseDelayMs = options.baseDelayMs ?? 400;
  const maxDelayMs = options.maxDelayMs ?? 4_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;

  async function run<T>(
    call: (signal: AbortSignal) => Promise<T>,
    outer: AbortSignal | undefined,
    canRetry: () => boolean = () => true,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (!breaker.allow()) throw new ModelCallError('connection', 'circuit open: endpoint recently failing');
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new ModelCallError('timeout', `no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      const onOuterAbort = () => controller.abort(outer?.reason);
      outer?.addEventListener('abort', onOuterAbort, { once: true });
      try {
        const result = await call(controller.signal);
        if (timedOut) throw new ModelCallError('timeout', `no reply within ${timeoutMs} ms`);
        breaker.success();
        return result;
      } catch (raw) {
        const error = timedOut
          ? new ModelCallError('timeout', `no reply within ${timeoutMs} ms`, { cause: raw })
          : toModelCallError(raw);
        if (outer?.aborted) throw new ModelCallError('aborted', 'caller aborted', { cause: raw });
        if (error.kind === 'aborted') breaker.release();
        else if (ENDPOINT_ANSWERED.has(error.kind)) breaker.success();
        else breaker.failure();
        onFailure?.(error, attempt);
        if (!error.retryable || attempt >= maxRetries || !canRetry()) throw error;
        if (error.retryAfterMs !== undefined && error.retryAfterMs > maxRetryAfterMs) throw error;
        const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt) * (0.5 + random() / 2);
        await clock.sleep(Math.max(backoff, error.retryAfterMs ?? 0), outer);
      } finally {
        clearTimeout(timer);
        outer?.removeEventListener('abort', onOuterAbort);
      }
    }
  }

  return {
    name: model.name,
    complete(messages: ChatMessage[], opts = {}) {
      // Once text has reached the user, a retry would repeat it: only retry before the first delta.
      let streamed = false;
      const onDelta = opts.onDelta
        ? async (delta: string) => {
            streamed = true;
            await opts.onDelta?.(delta);
          }
        : undefined;
      return run(
        (signal) => model.complete(messages, { signal, ...(onDelta ? { onDelta } : {}) }),
        opts.signal,
        () => !streamed,
      );
    },
    completeStructured(messages, schema, opts = {}) {
      return run(
        (signal) => model.completeStructured(messages, schema, { signal, schemaName: opts.schemaName }),
        opts.signal,
      );
    },
  };
}
