/**
 * Bolt middleware: Slack re-delivers an event (same event_id, X-Slack-Retry-Num) when it did not see our
 * ack in time. The first delivery claims `slack:event:<event_id>` in the shared store, so a retry reaching
 * any replica is dropped. In-process claims close the gap between `get` and `set` on one replica.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type Keyv from 'keyv';

export interface DedupeOptions {
  store: Keyv;
  ttlMs?: number;
  onDuplicate?: (eventId: string, retryNum: number | undefined) => void;
  onStoreError?: (error: unknown) => void;
}

export function dedupeEvents(options: DedupeOptions): Middleware<AnyMiddlewareArgs> {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  const claiming = new Set<string>();
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const key = `slack:event:${eventId}`;
    if (claiming.has(key)) return options.onDuplicate?.(eventId, context.retryNum);
    claiming.add(key);
    try {
      if ((await options.store.get(key)) !== undefined) return options.onDuplicate?.(eventId, context.retryNum);
      await options.store.set(key, Date.now(), ttlMs);
    } catch (error) {
      // A store outage must not silence Archie: answering twice beats never answering.
      options.onStoreError?.(error);
    } finally {
      claiming.delete(key);
    }
    await next();
  };
}
