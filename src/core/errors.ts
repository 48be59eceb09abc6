/** Archie's errors: one class with a typed code, a user-safe message and the cause for the log. */

/**
 * Every code an ArchieError carries. Boundaries map these to exit codes (CLI) or HTTP statuses (web API);
 * a code added here is one the compiler makes each mapping consider, and a mapping cannot name a code
 * that nothing throws.
 */
export type ArchieErrorCode =
  /** A message, question or profile the consultant cannot use (empty, binary, only emoji, invalid). */
  | 'bad_input'
  /** A description too thin to assess (no system, or no team size): the message names what is missing. */
  | 'insufficient_input'
  /** A message longer than MAX_MESSAGE_CHARS (the guard's refusal says the limit). */
  | 'too_long'
  /** More messages than RATE_LIMIT_MESSAGES_PER_MINUTE (the guard's refusal says when to continue). */
  | 'rate_limited'
  /** A CLI command used wrongly (unknown option, missing argument). */
  | 'usage'
  /** Configuration that cannot run (a setting out of range, an unsupported STORE_URL, an unreadable page). */
  | 'config_invalid'
  /** `archie serve` cannot listen: the port is taken. */
  | 'port_in_use'
  /** The conversation store cannot be opened. */
  | 'store_unavailable'
  /** The knowledge base folder is missing or empty, a document is malformed, or it cannot be loaded. */
  | 'knowledge_missing'
  | 'knowledge_malformed'
  | 'knowledge_unavailable'
  /** A Slack thread or Teams reply chain cannot be read (missing scope or permission, deleted, too long). */
  | 'thread_unreadable'
  /** Anything else: the user sees a generic apology, the log gets the cause. */
  | 'internal';

/** One error base class: a stable `code`, a user-safe message, and the cause for the log. */
export class ArchieError extends Error {
  readonly code: ArchieErrorCode;
  /** Safe to show to a user: plain and actionable, never raw exception text. */
  readonly userMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ArchieErrorCode,
    userMessage: string,
    options: { cause?: unknown; details?: Record<string, unknown>; message?: string } = {},
  ) {
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = 'ArchieError';
    this.code = code;
    this.userMessage = userMessage;
    this.details = options.details;
  }
}

/** Wraps anything thrown into an ArchieError so a boundary never shows raw exception text. */
export function toArchieError(
  error: unknown,
  fallback = 'Something went wrong on our side. Please try again.',
): ArchieError {
  if (error instanceof ArchieError) return error;
  return new ArchieError('internal', fallback, { cause: error });
}
