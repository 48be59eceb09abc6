/**
 * Translates openai SDK / LangChain errors into the core's vendor-neutral ModelCallError (duck-typed on
 * `status` and `headers`, so an error re-wrapped by LangChain still classifies).
 */
import { ModelCallError, parseRetryAfter } from '../../core/model-assist/model-error.js';

interface HttpishError {
  status?: unknown;
  headers?: unknown;
  name?: unknown;
  message?: unknown;
  code?: unknown;
  cause?: unknown;
  constructor?: { name?: string };
}

function header(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Maps anything an SDK call threw to a ModelCallError the retry policy understands. */
export function toModelError(error: unknown, now: Date = new Date()): ModelCallError {
  if (error instanceof ModelCallError) return error;
  const e = (error ?? {}) as HttpishError;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const kindName = `${typeof e.name === 'string' ? e.name : ''} ${e.constructor?.name ?? ''}`;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const opts = { cause: error, status };

  if (/TimeoutError|APIConnectionTimeoutError/.test(kindName)) return new ModelCallError('timeout', message, opts);
  if (/AbortError|APIUserAbortError/.test(kindName)) return new ModelCallError('aborted', message, opts);
  if (status === 429) {
    const ms = header(e.headers, 'retry-after-ms');
    const retryAfterMs =
      ms && Number.isFinite(Number(ms)) ? Number(ms) : parseRetryAfter(header(e.headers, 'retry-after'), now);
    return new ModelCallError('rate-limit', message, { ...opts, retryAfterMs });
  }
  if (status !== undefined) {
    if (status >= 500 || status === 408 || status === 409) return new ModelCallError('server', message, opts);
    if (status === 401 || status === 403) return new ModelCallError('auth', message, opts);
    return new ModelCallError('bad-request', message, opts);
  }
  if (
    /APIConnectionError|FetchError/.test(kindName) ||
    /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|Connection error/i.test(message)
  ) {
    return new ModelCallError('connection', message, opts);
  }
  if (error instanceof SyntaxError || /OutputParserException|JSON/.test(kindName) || /JSON|parse/i.test(message)) {
    return new ModelCallError('malformed', message, opts);
  }
  return new ModelCallError('server', message, opts);
}
