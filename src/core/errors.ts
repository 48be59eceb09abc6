/** One error base class: a stable `code`, a user-safe message, and the cause for the log. */
export class ArchieError extends Error {
  readonly code: string;
  /** Safe to show to a user: plain and actionable, never raw exception text. */
  readonly userMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: string,
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
