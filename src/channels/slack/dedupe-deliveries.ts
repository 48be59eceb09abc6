/**
 * Bolt middleware: every signed Slack delivery runs once.
 * - Events: Slack re-delivers one (same event_id, X-Slack-Retry-Num) when it did not see our ack in time.
 *   The first delivery claims `slack:event:<event_id>`.
 * - Slash commands and interactions carry no event id, and Slack never retries them, but a captured
 *   request stays validly signed for the 5 minutes Bolt accepts its timestamp. The first delivery claims
 *   `slack:signed:<signature>` (the HMAC of timestamp and body, so only a byte-for-byte replay shares it);
 *   a replay is acknowledged and dropped.
 * Claims live in the shared store (atomic on Redis), so a second delivery reaching any replica is dropped.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type Keyv from 'keyv';
import { claimOnce } from '../../store/claim-once.js';

/** The context key the HTTP receiver puts the verified request's signature under (create-bolt-app.ts). */
export const SIGNATURE_CONTEXT_KEY = 'archieSignature';

/** Bolt rejects timestamps older than 5 minutes; a replay marker must outlive that window. */
const SIGNED_TTL_MS = 6 * 60_000;

export interface DedupeOptions {
  store: Keyv;
  ttlMs?: number;
  onDuplicate?: (eventId: string, retryNum: number | undefined) => void;
  onReplay?: () => void;
  onStoreError?: (error: unknown) => void;
}

export function dedupeDeliveries(options: DedupeOptions): Middleware<AnyMiddlewareArgs> {
  const ttlMs = options.ttlMs ?? 60 * 60_000;
  return async (args) => {
    const { body, context, next } = args;
    const eventId = (body as { event_id?: unknown }).event_id;
    const signature = context[SIGNATURE_CONTEXT_KEY];
    const key =
      typeof eventId === 'string'
        ? `slack:event:${eventId}`
        : typeof signature === 'string'
          ? `slack:signed:${signature}`
          : undefined;
    if (!key) return next();
    try {
      if (!(await claimOnce(options.store, key, typeof eventId === 'string' ? ttlMs : SIGNED_TTL_MS))) {
        if (typeof eventId === 'string') return options.onDuplicate?.(eventId, context.retryNum);
        options.onReplay?.();
        // Acknowledge, so the replay gets the same empty 200 as any handled request, and do nothing.
        if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
        return;
      }
    } catch (error) {
      // A store outage must not silence Archie: answering twice beats never answering.
      options.onStoreError?.(error);
    }
    await next();
  };
}
