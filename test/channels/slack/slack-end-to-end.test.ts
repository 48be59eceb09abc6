/**
 * End to end through `createArchie` (the real consultant and offline engine, memory store, PORT 0): the
 * real Bolt app over HTTP on 127.0.0.1 driven by signed requests, against the fake Slack Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../../src/app/create-archie.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/observability/create-logger.js';
import {
  FAKE_BOT,
  type FakeSlackApi,
  type RecordedCall,
  shownText,
  slackEnv,
  startFakeSlackApi,
} from '../../support/fake-slack-api.js';
import {
  blockActions,
  channelMessage,
  dmMessage,
  eventEnvelope,
  newTs,
  postSlack,
  slashCommand,
} from '../../support/slack-request.js';

let api: FakeSlackApi;
let archie: Archie;
let baseUrl: string;

beforeAll(async () => {
  api = await startFakeSlackApi();
  const config = loadConfig({
    dotenvPath: false,
    env: {
      ...slackEnv(api),
      STORE_URL: 'memory://',
      PORT: '0',
      WEB_CHAT: 'false',
    },
  });
  archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  baseUrl = `http://127.0.0.1:${await archie.listen()}`;
});

afterAll(async () => {
  await archie?.close();
  await api?.close();
});

type Button = { action_id: string; value: string; text: { type: 'plain_text'; text: string } };
const buttonsOf = (call: RecordedCall): Button[] =>
  (call.args.blocks ?? [])
    .filter((b: { type: string }) => b.type === 'actions')
    .flatMap((b: { elements: Button[] }) => b.elements);
const isQuestion = (call: RecordedCall) => buttonsOf(call).some((b) => b.action_id.startsWith('archie:q:'));
const isRecommendation = (call: RecordedCall) =>
  (call.args.blocks ?? []).some(
    (b: { type: string; text?: { text: string } }) => b.type === 'header' && b.text?.text.startsWith('Recommendation'),
  );

/** Waits for the next question or recommendation posted in `channel` after `seen` messages there. */
async function nextPrompt(channel: string, seen: number): Promise<{ call: RecordedCall; count: number }> {
  const posted = () => api.calls('chat.postMessage').filter((c) => c.args.channel === channel);
  await api.waitFor(
    () =>
      posted()
        .slice(seen)
        .some((c) => isQuestion(c) || isRecommendation(c)),
    15_000,
  );
  const list = posted();
  return { call: list.slice(seen).find((c) => isQuestion(c) || isRecommendation(c))!, count: list.length };
}

describe('Slack end to end (createArchie)', () => {
  it('serves Slack on the shared port beside /healthz', async () => {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as { channels: Record<string, unknown> };
    expect(health.channels.slack).toMatchObject({ mode: 'http', path: '/slack/events' });
  });

  it('runs a DM interview in the agent view from greeting to verdict with button clicks, then exports the ADR', async () => {
    const channel = 'D0E2E';
    const threadTs = newTs();
    await postSlack(
      baseUrl,
      eventEnvelope({
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U0DANA', channel_id: channel, thread_ts: threadTs, context: {} },
      }),
    );
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    const text =
      'We are 8 engineers in 2 teams building a RAG assistant over our support docs, using a hosted LLM API.';
    const inDm = (text: string) => eventEnvelope(dmMessage(text, { channel, user: 'U0DANA', thread_ts: threadTs }));
    await postSlack(baseUrl, inDm(text));

    let seen = 1;
    let prompt = await nextPrompt(channel, seen);
    for (let round = 0; round < 20 && !isRecommendation(prompt.call); round++) {
      expect(prompt.call.args.thread_ts).toBe(threadTs);
      const button = buttonsOf(prompt.call).find((b) => b.action_id.startsWith('archie:q:'))!;
      seen = prompt.count;
      const res = await postSlack(
        baseUrl,
        blockActions({
          channelId: channel,
          userId: 'U0DANA',
          message: { ts: newTs(), thread_ts: threadTs, text: prompt.call.args.text, blocks: prompt.call.args.blocks },
          button,
        }),
      );
      expect(res.status).toBe(200);
      prompt = await nextPrompt(channel, seen);
    }
    const verdict = prompt.call;
    expect(isRecommendation(verdict)).toBe(true);
    expect(shownText(verdict)).toMatch(/Confidence: \*\d+%\*/);
    expect(shownText(verdict)).toMatch(/<https?:\/\/[^|]+\|[^>]+>/);
    const values = buttonsOf(verdict).map((b) => b.value);
    expect(values).toEqual(
      expect.arrayContaining(['cmd:export', 'cmd:reassess', 'cmd:why', 'feedback:up', 'feedback:down']),
    );

    const click = (value: string) =>
      postSlack(
        baseUrl,
        blockActions({
          channelId: channel,
          userId: 'U0DANA',
          message: { ts: newTs(), thread_ts: threadTs, text: verdict.args.text },
          button: buttonsOf(verdict).find((b) => b.value === value)!,
        }),
      );
    await click('cmd:export');
    const calls = await api.waitFor((c) => c.some((x) => x.method === 'files.completeUploadExternal'));
    expect(calls.find((c) => c.method === 'files.getUploadURLExternal')!.args.filename).toMatch(/\.md$/);
    expect(calls.find((c) => c.method === 'files.completeUploadExternal')!.args.thread_ts).toBe(threadTs);

    const before = api.calls('chat.postMessage').length;
    await click('cmd:why');
    await api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length > before);

    await postSlack(baseUrl, eventEnvelope({ type: 'app_home_opened', user: 'U0DANA', channel, tab: 'home' }));
    const home = (await api.waitFor((c) => c.some((x) => x.method === 'views.publish'))).find(
      (c) => c.method === 'views.publish',
    )!;
    expect(JSON.stringify(home.args.view)).toContain('Your latest assessment');

    // Registered chat commands (check-ins, history) work in the same thread, typed as plain text.
    const inThread = () =>
      api.calls('chat.postMessage').filter((c) => c.args.channel === channel && c.args.thread_ts === threadTs);
    const say = async (text: string) => {
      const n = inThread().length;
      await postSlack(baseUrl, inDm(text));
      await api.waitFor(() => inThread().length > n);
      return inThread().slice(n).map(shownText).join('\n');
    };
    const scheduled = await say('checkin weekly on monday 09:00');
    expect(scheduled).toMatch(/scheduled/i);
    const id = /`([^`]+)` scheduled/.exec(scheduled)?.[1] ?? /Check-in `([^`]+)`/.exec(scheduled)?.[1];
    expect(id).toBeTruthy();
    await say(`checkin now ${id}`);
    // The check-in itself arrives through the Slack ProactiveSender, in this thread.
    await api.waitFor(() => inThread().some((c) => shownText(c).includes('Architecture check-in')));
    expect(await say('history')).toMatch(/Modular monolith|Monolith|Hybrid|Microservices/i);
  });

  it('/archie assess and a DM with nothing about a system get what is missing, not a verdict', async () => {
    const channel = 'C0NOTHING';
    await postSlack(
      baseUrl,
      slashCommand('assess hello there', { channelId: channel, responseUrl: `${api.origin}/response/nothing` }),
    );
    const [response] = (await api.waitFor((c) => c.some((x) => x.method === 'response_url'))).filter(
      (c) => c.method === 'response_url',
    );
    expect(response!.args).toMatchObject({ response_type: 'ephemeral' });
    expect(String(response!.args.text)).toMatch(/what the system is .* how many engineers/);
    expect(api.calls('chat.postMessage').filter((x) => x.args.channel === channel)).toHaveLength(0);

    const dm = 'D0NOTHING';
    await postSlack(baseUrl, eventEnvelope(dmMessage('hello there', { channel: dm, user: 'U0ERIN' })));
    await api.waitFor(() => api.calls('chat.postMessage').some((x) => x.args.channel === dm));
    const inDm = api.calls('chat.postMessage').filter((x) => x.args.channel === dm);
    expect(inDm.some(isRecommendation)).toBe(false);
    expect(inDm.map(shownText).join('\n')).toMatch(/what the system is .* how many engineers/);
  });

  it('answers /archie assess with a verdict that continues in its thread, and /archie ask with sources', async () => {
    const channel = 'C0E2E';
    await postSlack(
      baseUrl,
      slashCommand(
        'assess Three teams, self-hosted 70B model on our own GPUs, heavy nightly ingestion of 10 million documents',
        { channelId: channel },
      ),
    );
    const inChannel = () => api.calls('chat.postMessage').filter((x) => x.args.channel === channel);
    await api.waitFor(() => inChannel().some(isRecommendation));
    const posted = inChannel().find(isRecommendation)!;
    const ts = posted.result!.ts as string;
    // The posted verdict is a conversation: Re-assess on it answers in its thread from the seeded profile.
    await postSlack(
      baseUrl,
      blockActions({
        channelId: channel,
        message: { ts, text: posted.args.text },
        button: buttonsOf(posted).find((b) => b.value === 'cmd:reassess')!,
      }),
    );
    await api.waitFor(() => inChannel().some((x) => x.args.thread_ts === ts));
    expect(shownText(inChannel().find((x) => x.args.thread_ts === ts)!)).not.toMatch(/went wrong/);

    const before = inChannel().length;
    await postSlack(
      baseUrl,
      slashCommand('ask when should GPU inference be a separate service?', { channelId: channel }),
    );
    await api.waitFor(() => inChannel().length > before);
    const answer = inChannel()[before]!;
    expect(shownText(answer)).toContain('Question:');
    expect(shownText(answer)).toMatch(/<https?:\/\/[^|]+\|[^>]+>/);
  });

  it('follows a mentioned thread in a channel without a second mention', async () => {
    const channel = 'C0THREAD';
    const ts = newTs();
    await postSlack(
      baseUrl,
      eventEnvelope({
        type: 'app_mention',
        channel,
        user: 'U0ERIN',
        ts,
        text: `<@${FAKE_BOT.userId}> we run a RAG assistant, 5 engineers`,
      }),
    );
    await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage' && x.args.channel === channel));
    await postSlack(
      baseUrl,
      eventEnvelope(channelMessage('one team, hosted API', { channel, user: 'U0ERIN', thread_ts: ts })),
    );
    const replies = await api.waitFor(
      (c) => c.filter((x) => x.method === 'chat.postMessage' && x.args.channel === channel).length >= 2,
    );
    expect(
      replies
        .filter((x) => x.method === 'chat.postMessage' && x.args.channel === channel)
        .every((x) => x.args.thread_ts === ts),
    ).toBe(true);
  });
});
