/**
 * Signed Slack requests for tests: Slack's v0 signature (HMAC-SHA256 of `v0:<ts>:<body>`) and builders for
 * the documented payload shapes (Events API envelopes, block_actions, slash commands).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { stringify } from 'node:querystring';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  retryNum?: number;
  /** Override the signature header (bad signature tests). */
  signature?: string;
}

/** POSTs a signed body (JSON object, or a form string for commands/interactivity) to /slack/events. */
export async function postSlack(baseUrl: string, body: object | string, options: SendOptions = {}): Promise<Response> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': typeof body === 'string' ? 'application/x-www-form-urlencoded' : 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? signature(options.secret ?? SIGNING_SECRET, timestamp, raw),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body: raw });
}

let tsSeq = 0;
/** A fresh Slack message timestamp. */
export const newTs = () => `${1_710_000_000 + tsSeq}.${String(++tsSeq).padStart(6, '0')}`;

/** An Events API `event_callback` envelope. */
export function eventEnvelope(event: Record<string, unknown>, options: { eventId?: string; teamId?: string } = {}) {
  const teamId = options.teamId ?? 'T0TEAM';
  return {
    token: 'legacy-verification-token',
    team_id: teamId,
    api_app_id: 'A0ARCHIE',
    event: { event_ts: event.ts ?? newTs(), ...event },
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UARCHIE', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** A direct message event (D0DM from U0ALICE unless `extra` says otherwise). */
export function dmMessage(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', channel: 'D0DM', channel_type: 'im', user: 'U0ALICE', text, ts: newTs(), ...extra };
}

/** A message event in a public channel (C0GENERAL from U0BOB unless `extra` says otherwise). */
export function channelMessage(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', channel: 'C0GENERAL', channel_type: 'channel', user: 'U0BOB', text, ts: newTs(), ...extra };
}

/** A block_actions payload for clicking `button` on `message`, as Slack posts it (form field `payload`). */
export function blockActions(options: {
  channelId: string;
  message: { ts: string; thread_ts?: string; text?: string; blocks?: unknown[] };
  button: { action_id: string; value: string; text: { type: 'plain_text'; text: string }; block_id?: string };
  userId?: string;
}): string {
  const payload = {
    type: 'block_actions',
    user: { id: options.userId ?? 'U0ALICE', username: 'alice', team_id: 'T0TEAM' },
    api_app_id: 'A0ARCHIE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: options.message.ts, channel_id: options.channelId, is_ephemeral: false },
    trigger_id: '123.456.abc',
    team: { id: 'T0TEAM', domain: 'archie-test' },
    channel: { id: options.channelId, name: 'directmessage' },
    message: { type: 'message', user: 'UARCHIE', bot_id: 'BARCHIE', ...options.message },
    response_url: 'http://127.0.0.1:9/response/none',
    // Slack names the actions block the clicked button sits in.
    actions: [
      {
        ...options.button,
        type: 'button',
        block_id: options.button.block_id ?? blockOf(options.message.blocks, options.button.action_id) ?? 'b',
        action_ts: newTs(),
      },
    ],
  };
  return stringify({ payload: JSON.stringify(payload) });
}

/** The id of the actions block holding the button `actionId`. */
function blockOf(blocks: unknown[] | undefined, actionId: string): string | undefined {
  const found = (blocks ?? []).find((b) =>
    ((b as { elements?: { action_id?: string }[] }).elements ?? []).some((e) => e.action_id === actionId),
  );
  return (found as { block_id?: string } | undefined)?.block_id;
}

/** A slash command form body. */
export function slashCommand(
  text: string,
  options: { channelId?: string; responseUrl?: string; userId?: string } = {},
): string {
  return stringify({
    token: 'legacy-verification-token',
    team_id: 'T0TEAM',
    team_domain: 'archie-test',
    channel_id: options.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: options.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: '/archie',
    text,
    api_app_id: 'A0ARCHIE',
    response_url: options.responseUrl ?? 'http://127.0.0.1:9/response/none',
    trigger_id: '123.456.abc',
  });
}

/** A message shortcut payload (type `message_action`), as Slack posts it when someone runs it on `message`. */
export function messageShortcut(options: {
  callbackId: string;
  channelId: string;
  message: { ts: string; thread_ts?: string; text?: string; user?: string };
  userId?: string;
  responseUrl?: string;
}): string {
  const payload = {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: newTs(),
    team: { id: 'T0TEAM', domain: 'archie-test' },
    user: { id: options.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: 'T0TEAM' },
    channel: { id: options.channelId, name: 'general' },
    is_enterprise_install: false,
    callback_id: options.callbackId,
    trigger_id: '123.456.abc',
    response_url: options.responseUrl ?? 'http://127.0.0.1:9/response/none',
    message_ts: options.message.ts,
    message: { type: 'message', user: 'U0BOB', text: '', ...options.message },
  };
  return stringify({ payload: JSON.stringify(payload) });
}
