/**
 * Bolt middleware and receiver error handler for payloads that are signed but not shaped like Slack's:
 * events whose ids or text are not strings are dropped before any listener, and a payload Bolt itself
 * cannot process gets 400 (it is the request that is wrong, not the server), never a 500.
 */
import {
  type AnyMiddlewareArgs,
  AuthorizationError,
  type Middleware,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';

const STRING_FIELDS = ['channel', 'user', 'ts', 'thread_ts', 'text', 'tab'] as const;

export const ignoreMalformed: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = (args as { event?: Record<string, unknown> }).event;
  if (event) {
    const thread = event.assistant_thread as Record<string, unknown> | undefined;
    const bad =
      STRING_FIELDS.some((f) => event[f] !== undefined && event[f] !== null && typeof event[f] !== 'string') ||
      (event.type === 'assistant_thread_started' &&
        (typeof thread?.channel_id !== 'string' || typeof thread?.thread_ts !== 'string'));
    if (bad) {
      args.logger.warn(`Ignoring a malformed Slack ${String(event.type)} event`);
      return;
    }
  }
  await args.next();
};

/** ExpressReceiver `processEventErrorHandler`: 401 for authorization, 400 for a payload Bolt choked on. */
export async function answerUnprocessable({
  error,
  logger,
  response,
}: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (response.headersSent) {
    logger.error(`A Slack handler failed after the ack: ${error}`);
    return false;
  }
  if (error instanceof AuthorizationError) {
    response.writeHead(401);
    response.end();
    return true;
  }
  logger.warn(`Slack payload could not be processed: ${error}`);
  response.writeHead(400);
  response.end();
  return true;
}
