/**
 * D5, D6, D22: one guard in front of every way in. The message rate limit covers `/archie ask`, chat
 * commands and their buttons, not only interview turns; the model-token allowance covers `/archie assess`
 * and Teams "ask"; MAX_MESSAGE_CHARS applies to Teams "ask" and, above 8,000, to what `serve` reads.
 * Everything runs through the whole Archie on loopback (real Slack, Teams and web channels, fake platforms,
 * a fake model).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { message } from '../channels/teams/teams-payloads.js';
import { citeFirstPassage, taskOf } from '../model-assist/llm-test-kit.js';
import { shownText } from '../support/fake-slack-api.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { dmMessage, eventEnvelope, postSlack, slashCommand } from '../support/slack-request.js';
import { type EdgeHarness, startEdgeHarness } from './edge-harness.js';

const fake = await useFakeOpenAiServer({
  reply: (body) => (taskOf(body) === 'extract' ? { json: { facts: {} } } : citeFirstPassage(body)),
});

let h: EdgeHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const postsIn = (harness: EdgeHarness, channel: string) =>
  harness.slack.calls('chat.postMessage').filter((c) => c.args.channel === channel);
const responses = (harness: EdgeHarness) => harness.slack.calls('response_url');
const quiet = (ms = 800) => new Promise((r) => setTimeout(r, ms));

describe('the message rate limit covers every way in', () => {
  it('answers /archie ask only up to the per-minute limit, then says once when to continue', async () => {
    h = await startEdgeHarness({ RATE_LIMIT_MESSAGES_PER_MINUTE: '5' });
    const harness = h;
    const responseUrl = `${harness.slack.origin}/response/spam`;
    for (let i = 0; i < 12; i += 1) {
      const body = slashCommand(`ask what did Segment learn about microservices? ${i}`, {
        channelId: 'C0SPAM',
        userId: 'U0SPAM',
        responseUrl,
      });
      expect((await postSlack(harness.baseUrl, body)).status).toBe(200);
    }
    await harness.slack.waitFor(() => postsIn(harness, 'C0SPAM').length >= 5, 15_000);
    await harness.slack.waitFor(() => responses(harness).length >= 1, 15_000);
    await quiet();
    // Five a minute (the requests may straddle two fixed one-minute windows: at most ten then).
    const posted = postsIn(harness, 'C0SPAM').length;
    expect(posted).toBeLessThanOrEqual(10);
    const refusals = responses(harness).map((c) => String(c.args.text));
    expect(refusals[0]).toMatch(/faster than I can take them\. Please wait about \d+ seconds/);
  });

  it('limits chat commands (history) in a Slack DM like any other message', async () => {
    h = await startEdgeHarness({ RATE_LIMIT_MESSAGES_PER_MINUTE: '4' });
    const harness = h;
    for (let i = 0; i < 10; i += 1) {
      await postSlack(harness.baseUrl, eventEnvelope(dmMessage('history', { channel: 'D0HIST', user: 'U0HIST' })));
    }
    await harness.slack.waitFor(() => postsIn(harness, 'D0HIST').length >= 5, 15_000);
    await quiet();
    const posted = postsIn(harness, 'D0HIST').map(shownText);
    // Four answers, then one plain refusal; further messages that minute get no reply (two windows at most).
    const refusals = posted.filter((t) => /Please wait about \d+ seconds/.test(t));
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(posted.length - refusals.length).toBeLessThanOrEqual(8);
  });

  it('limits commands in the web chat too', async () => {
    h = await startEdgeHarness({ RATE_LIMIT_MESSAGES_PER_MINUTE: '3' });
    const id = await h.webConversation();
    const replies: string[] = [];
    for (let i = 0; i < 8; i += 1) replies.push((await h.webTurn(id, { text: 'history' })).text);
    // Three a minute: at least one of eight is refused, even across a minute boundary.
    expect(replies.some((r) => /Please wait about \d+ seconds/.test(r))).toBe(true);
    expect(replies.filter((r) => /No assessments recorded/.test(r)).length).toBeLessThanOrEqual(6);
  });
});

describe('the model-token allowance covers every way in', () => {
  const modelEnv = (extra: Record<string, string> = {}) => ({
    OPENAI_API_KEY: 'sk-local-anything-123456789',
    OPENAI_BASE_URL: fake.url,
    OPENAI_MODEL: 'fake-model',
    LLM_MAX_RETRIES: '0',
    ...extra,
  });

  it('makes no model call for /archie assess once the user has spent the hour’s allowance in DMs', async () => {
    h = await startEdgeHarness(modelEnv({ RATE_LIMIT_TOKENS_PER_HOUR: '300' }));
    const harness = h;
    const user = 'U0TOKENS';
    await harness.slackDm('We are 3 engineers building a RAG assistant on a hosted model API.', {
      channel: 'D0TOKENS',
      user,
    });
    await harness.slackDm('We are 4 engineers building a RAG assistant on a hosted model API.', {
      channel: 'D0TOKENS',
      user,
    });
    const spent = fake.chatRequests().length;
    expect(spent).toBeGreaterThan(0);

    for (let i = 0; i < 3; i += 1) {
      const body = slashCommand(`assess We are ${i + 5} engineers building a RAG assistant`, {
        channelId: 'C0TOKENS',
        userId: user,
      });
      await postSlack(harness.baseUrl, body);
    }
    await harness.slack.waitFor(() => postsIn(harness, 'C0TOKENS').length >= 3, 15_000);
    expect(fake.chatRequests()).toHaveLength(spent);
    // Still answered, by the offline engine.
    expect(shownText(postsIn(harness, 'C0TOKENS')[0]!)).toMatch(/Recommendation|monolith/i);
  });

  it('counts Teams "ask" against the asking user’s allowance', async () => {
    h = await startEdgeHarness(modelEnv({ RATE_LIMIT_TOKENS_PER_HOUR: '300' }));
    const harness = h;
    const conversationId = 'a:teams-ask-allowance';
    for (let i = 0; i < 4; i += 1) {
      const before = harness.connector.messages(conversationId).length;
      const res = await harness.teamsPost(
        message(
          { serviceUrl: harness.connector.url, conversationId },
          'ask why did Prime Video move back to a monolith?',
        ),
      );
      expect(res.status).toBe(200);
      await harness.connector.waitFor(() => harness.connector.messages(conversationId).length > before);
    }
    // The first answer spends the allowance (300 tokens); the rest come from the offline engine.
    expect(fake.chatRequests().filter((r) => taskOf(r.body as never) === 'answer')).toHaveLength(1);
  });
});

describe('MAX_MESSAGE_CHARS is one limit, read from config, everywhere', () => {
  it('refuses a Teams "ask" longer than the configured limit, saying so plainly', async () => {
    h = await startEdgeHarness({ MAX_MESSAGE_CHARS: '500' });
    const harness = h;
    const conversationId = 'a:teams-long-ask';
    const question = `ask why did Prime Video move back to a monolith? ${'Some context about our system. '.repeat(200)}`;
    await harness.teamsPost(message({ serviceUrl: harness.connector.url, conversationId }, question));
    const [reply] = await harness.connector.waitFor(() => harness.connector.messages(conversationId).length > 0);
    const text = JSON.stringify(harness.connector.messages(conversationId).map((a) => a.activity));
    expect(reply).toBeDefined();
    expect(text).toMatch(/too long for me \(6,\d{3} characters; I read up to 500\)/);
    expect(text).not.toMatch(/Prime Video/);
  });

  it('reads a message above 8,000 characters whole when MAX_MESSAGE_CHARS allows it', async () => {
    h = await startEdgeHarness({ MAX_MESSAGE_CHARS: '20000' });
    const id = await h.webConversation();
    const padding = 'We care about reliability and clear ownership of every part of the system. '.repeat(130);
    const text = `${padding}We are 9 engineers in 2 teams building a RAG assistant on a hosted model API.`;
    expect(text.length).toBeGreaterThan(9_000);
    const turn = await h.webTurn(id, { text });
    expect(turn.status).toBe(200);
    expect(turn.text).not.toMatch(/read only the first/);
    // The facts at the end of the message were read.
    expect(await h.archie.consultant.snapshot(`web:${id}`)).toMatchObject({ profile: { engineers: 9, teams: 2 } });
  });
});
