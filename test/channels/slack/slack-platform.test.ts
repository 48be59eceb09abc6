/** Platform chores: signatures, retries, bots, oversize input, rate limits and a fast ack. */
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_BOT, startFakeSlackApi } from '../../support/fake-slack-api.js';
import {
  blockActions,
  dmMessage,
  eventEnvelope,
  newTs,
  postSlack,
  SIGNING_SECRET,
  signature,
  slashCommand,
} from '../../support/slack-request.js';
import { scriptedConsultant } from './scripted-consultant.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('Slack platform behaviour', () => {
  it('replies once when Slack retries an event (same event_id, X-Slack-Retry-Num)', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const envelope = eventEnvelope(dmMessage('We build a RAG assistant'));
    const [first, retry] = await Promise.all([
      postSlack(h.baseUrl, envelope),
      postSlack(h.baseUrl, envelope, { retryNum: 1 }),
    ]);
    const later = await postSlack(h.baseUrl, envelope, { retryNum: 2 });
    expect([first.status, retry.status, later.status]).toEqual([200, 200, 200]);
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    await settle();
    expect(h.api.calls('chat.postMessage')).toHaveLength(1);
    expect(h.channel.status()).toMatchObject({ duplicates: 2 });
  });

  it('rejects a bad signature with 401 and never answers', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const res = await postSlack(h.baseUrl, eventEnvelope(dmMessage('hi')), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    const missing = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(missing.status).toBe(401);
    await settle();
    expect(h.api.calls('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a correctly signed but stale request (older than 5 minutes) with 401', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const res = await postSlack(h.baseUrl, eventEnvelope(dmMessage('hi')), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(res.status).toBe(401);
  });

  it('answers a malformed body with 400 and keeps serving', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const raw = '{"type":"event_callback","event":';
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signature(SIGNING_SECRET, ts, raw),
      },
      body: raw,
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${h.baseUrl}/healthz`)).status).toBe(200);
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('still there?')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
  });

  it('refuses an oversized body with 413, and a signed body of unknown shape with 404, and keeps serving', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant(), env: { MAX_BODY_BYTES: '2048' } });
    const big = await postSlack(h.baseUrl, eventEnvelope(dmMessage('x'.repeat(5_000))));
    expect(big.status).toBe(413);
    // Bolt cannot tell what this is and never acks: its unhandled-request timer answers 404 after 3 s.
    const odd = await postSlack(h.baseUrl, { hello: 'world' });
    expect(odd.status).toBe(404);
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('still there?')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
  });

  it('still answers when auth.test failed at start-up (Slack outage during boot)', async () => {
    const api = await startFakeSlackApi();
    api.failNext('auth.test', { error: 'service_unavailable' });
    h = await startSlackHarness({ consultant: scriptedConsultant(), api });
    try {
      // The first event may still share the failed start-up call; the next one gets a fresh auth.test.
      await postSlack(h.baseUrl, eventEnvelope(dmMessage('hello after the outage')));
      await postSlack(h.baseUrl, eventEnvelope(dmMessage('and again')));
      await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= 1);
      expect(h.api.calls('auth.test!failed').length).toBeGreaterThanOrEqual(1);
    } finally {
      await h.close();
      h = undefined;
      await api.close();
    }
  });

  it('answers signed payloads of the wrong shape with 4xx (never 5xx) and ignores events with wrong field types', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const hostile = [
      {
        type: 'event_callback',
        team_id: 1072093535,
        event_id: 'Ev1',
        event: { type: 'app_home_opened', user: null, channel: {} },
      },
      { type: 'event_callback', event: null },
    ];
    for (const body of hostile) expect((await postSlack(h.baseUrl, body)).status).toBe(400);
    const ignored = [
      eventEnvelope({ type: 'message', channel: { a: 1 }, channel_type: 'im', text: 5, ts: 3.2 }),
      eventEnvelope({ type: 'assistant_thread_started', assistant_thread: 5 }),
      eventEnvelope({ type: 'app_mention', channel: 'C1', text: 7, user: 'U1', ts: '1.1' }),
    ];
    for (const body of ignored) expect((await postSlack(h.baseUrl, body)).status).toBe(200);
    await settle();
    expect(consultant.received).toHaveLength(0);
    expect(h.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('still there?')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
  });

  it('answers the url_verification challenge', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const res = await postSlack(h.baseUrl, { token: 't', challenge: 'abc123', type: 'url_verification' });
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('tells the user plainly when a message is too long (40,000 characters) and does not crash', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const res = await postSlack(h.baseUrl, eventEnvelope(dmMessage('a'.repeat(40_000))));
    expect(res.status).toBe(200);
    const [post] = (await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'))).filter(
      (c) => c.method === 'chat.postMessage',
    );
    expect(post!.args.text).toMatch(/too long.*40,000 characters.*8,000/);
    expect(consultant.received).toHaveLength(0);
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('short one')));
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 2);
  });

  it('ignores its own messages echoed back, other bots, and edits', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const echoes = [
      dmMessage('Question 1?', { user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId }),
      dmMessage('Question 1?', { subtype: 'bot_message', bot_id: FAKE_BOT.botId, user: undefined }),
      dmMessage('I am another bot', { bot_id: 'BOTHER', user: 'UOTHERBOT' }),
      dmMessage('', { subtype: 'message_changed', message: { text: 'edited', user: 'U0ALICE' }, user: undefined }),
      dmMessage('', { subtype: 'channel_join' }),
    ];
    for (const e of echoes) expect((await postSlack(h.baseUrl, eventEnvelope(e))).status).toBe(200);
    await settle();
    expect(h.api.calls('chat.postMessage')).toHaveLength(0);
    expect(consultant.received).toHaveLength(0);
  });

  it('waits out a 429 (Retry-After) and still delivers the reply exactly once', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('We build a RAG assistant')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'), 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    await settle();
    expect(h.api.calls('chat.postMessage!failed')).toHaveLength(1);
    expect(h.api.calls('chat.postMessage')).toHaveLength(1);
  });

  it('acks an event, a button and a slash command before a slow answer is ready', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const consultant = scriptedConsultant({ before: () => gate });
    h = await startSlackHarness({ consultant });
    let commandRan = false;
    h.deps.commands.register({
      name: 'checkin',
      summary: 'schedule a check-in',
      run: async () => {
        await gate;
        commandRan = true;
        return [{ type: 'text', text: 'Check-in scheduled.' }];
      },
    });
    const timings: number[] = [];
    const timed = async (p: Promise<Response>) => {
      const t = Date.now();
      const res = await p;
      timings.push(Date.now() - t);
      return res;
    };
    expect((await timed(postSlack(h.baseUrl, eventEnvelope(dmMessage('slow please'))))).status).toBe(200);
    expect((await timed(postSlack(h.baseUrl, slashCommand('checkin weekly')))).status).toBe(200);
    const click = blockActions({
      channelId: 'D0DM',
      message: { ts: newTs(), text: 'Question 1?' },
      button: { action_id: 'archie:q:0', value: 'q1:yes', text: { type: 'plain_text', text: 'Yes' } },
    });
    expect((await timed(postSlack(h.baseUrl, click))).status).toBe(200);
    // Both consultant turns and the command are still being worked on: nothing has been posted.
    expect(consultant.received).toHaveLength(2);
    expect(commandRan).toBe(false);
    expect(h.api.calls('chat.postMessage')).toHaveLength(0);
    release();
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length === 3);
    expect(commandRan).toBe(true);
    for (const ms of timings) expect(ms).toBeLessThan(1_000);
  });
});
