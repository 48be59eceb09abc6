/**
 * A vendor-neutral model failure. Adapters translate SDK errors into this so the retry policy and the
 * circuit breaker in the core can decide without importing a vendor.
 */
export type ModelFailureKind =
  | 'timeout'
  | 'rate-limit'
  | 'server'
  | 'connection'
  | 'malformed'
  | 'refusal'
  | 'auth'
  | 'bad-request'
  | 'aborted';

/** Kinds worth another attempt; the rest fail fast (retrying a 401 or a refusal only burns budget). */
const RETRYABLE: ReadonlySet<ModelFailureKind> = new Set([
  'timeout',
  'rate-limit',
  'server',
  'connection',
  'malformed',
]);

export class ModelCallError extends Error {
  readonly kind: ModelFailureKind;
  /** From a Retry-After header, when the endpoint sent one. */
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(
    kind: ModelFailureKind,
    message: string,
    options: { cause?: unknown; retryAfterMs?: number; status?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ModelCallError';
    this.kind = kind;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** Normalises anything thrown by a ChatModel into a ModelCallError (unknown errors count as server faults). */
export function toModelCallError(error: unknown): ModelCallError {
  if (error instanceof ModelCallError) return error;
  if (error instanceof SyntaxError) return new ModelCallError('malformed', error.message, { cause: error });
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new ModelCallError('timeout', 'model call timed out', { cause: error });
  if (name === 'AbortError') return new ModelCallError('aborted', 'model call aborted', { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new ModelCallError('server', message, { cause: error });
}

/** Parses a Retry-After header value (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
