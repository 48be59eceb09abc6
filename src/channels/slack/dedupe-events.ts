/**
 * Bolt middleware: Slack re-delivers an event (same event_id, X-Slack-Retry-Num) when it did not see our
 * ack in time. The first delivery claims `slack:event:<event_id>` in the shared store (atomically on Redis),
 * so a retry reaching any replica is dropped.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type Keyv from 'keyv';
import { claimOnce } from '../../store/claim-once.js';

export interface DedupeOptions {
  store: Keyv;
  ttlMs?: number;
  onDuplicate?: (eventId: string, retryNum: number | undefined) => void;
  onStoreError?: (error: unknown) => void;
}

export function dedupeEvents(options: DedupeOptions): Middleware<AnyMiddlewareArgs> {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    try {
      if (!(await claimOnce(options.store, `slack:event:${eventId}`, ttlMs))) {
        return options.onDuplicate?.(eventId, context.retryNum);
      }
    } catch (error) {
      // A store outage must not silence Archie: answering twice beats never answering.
      options.onStoreError?.(error);
    }
    await next();
  };
}
