/**
 * The Slack ProactiveSender: check-ins post through chat.postMessage (Block Kit). Rate limits come back as
 * `retryAfterMs` for the scheduler to honour; a channel Archie can no longer post to is reported `gone`.
 */
import { webApi } from '@slack/bolt';
import type { DeliveryResult, ProactiveSender } from '../../app/proactive.js';
import type { Logger } from '../../observability/create-logger.js';
import { createReplyPoster } from './post-replies.js';

/** Slack errors that mean "this place is gone for good": do not retry. */
export const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'team_access_not_granted',
]);

/** `client` should reject rate-limited calls so the scheduler, not this request, waits. */
export function createSlackSender(client: webApi.WebClient, logger: Logger): ProactiveSender {
  const post = createReplyPoster(client, logger);
  return {
    send: async (target, messages): Promise<DeliveryResult> => {
      if (target.channel !== 'slack') return { ok: false, gone: false, reason: 'not a Slack target' };
      try {
        await post({ channelId: target.key, threadTs: target.meta?.thread_ts }, messages);
        return { ok: true };
      } catch (error) {
        return toDeliveryResult(error);
      }
    },
  };
}

export function toDeliveryResult(error: unknown): DeliveryResult {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) {
    return { ok: false, gone: false, retryAfterMs: (e.retryAfter ?? 1) * 1000, reason: 'rate limited by Slack' };
  }
  const slackError = e.data?.error;
  if (slackError) return { ok: false, gone: GONE_ERRORS.has(slackError), reason: slackError };
  return { ok: false, gone: false, reason: e.message ?? 'Slack request failed' };
}
