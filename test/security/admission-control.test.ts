/**
 * D14: admission control. With every turn slot taken (MAX_TURNS_IN_FLIGHT=1 and a model that takes its time),
 * a web chat turn and a Teams activity are refused at once with 503 and Retry-After, Slack messages are still
 * acknowledged and then answered in the order they came, and /healthz answers meanwhile. Once the slot
 * is free, web turns are answered again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.js';
import { dmMessage, eventEnvelope, postSlack } from '../support/slack-request.js';
import { type EdgeHarness, startEdgeHarness } from './edge-harness.js';

const HOLD_MS = 4_000;
let h: EdgeHarness;
let model: FakeOpenAiServer;

beforeAll(async () => {
  model = await startFakeOpenAiServer();
  // Every model call fails fast (the offline engine answers) except the ones a test makes slow.
  model.onChat(() => ({ status: 500, message: 'down' }));
  h = await startEdgeHarness({
    MAX_TURNS_IN_FLIGHT: '1',
    OPENAI_API_KEY: 'sk-test-admission',
    OPENAI_BASE_URL: model.url,
    LLM_MAX_RETRIES: '0',
  });
});
afterAll(async () => {
  await h?.close();
  await model?.close();
});

const teamsActivity = (text: string) => ({
  type: 'message',
  id: `act-${Math.random().toString(36).slice(2)}`,
  channelId: 'msteams',
  serviceUrl: h.connector.url,
  from: { id: 'teams-user-1', name: 'Dana' },
  recipient: { id: 'archie-bot', name: 'Archie' },
  conversation: { id: 'teams-conv-admission', conversationType: 'personal', tenantId: 'tenant-1' },
  text,
});

describe('admission control with every turn slot taken', () => {
  it('refuses web and Teams turns with 503 and Retry-After, acks Slack and answers it in order, and /healthz answers meanwhile', async () => {
    const id = await h.webConversation();
    const other = await h.webConversation();
    // The next model call takes HOLD_MS: the turn that makes it holds the only slot meanwhile.
    model.script({ delayMs: HOLD_MS, reply: { status: 500, message: 'slow and down' } });
    const holding = h.webTurn(id, { text: 'We are 3 engineers building a RAG assistant on the OpenAI API.' });
    let held = true;
    void holding.finally(() => {
      held = false;
    });
    await waitUntil(() => model.chatRequests().length > 0);

    const web = await fetch(`${h.baseUrl}/api/web/conversations/${other}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'We are 5 engineers.' }),
    });
    expect(web.status).toBe(503);
    expect(Number(web.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await web.json()) as { error: string }).error).toMatch(/many conversations right now.*again/);

    const teams = await h.teamsPost(teamsActivity('We are 8 engineers building a chatbot.'));
    expect(teams.status).toBe(503);
    expect(Number(teams.headers.get('retry-after'))).toBeGreaterThan(0);

    const order = ['D0ADM1', 'D0ADM2', 'D0ADM3'];
    // Slack is acknowledged while the slot is still held (its turns wait), and so is a health check.
    for (const [i, channel] of order.entries()) {
      const res = await postSlack(
        h.baseUrl,
        eventEnvelope(dmMessage(`We are ${i + 2} engineers building a RAG bot.`, { channel, user: `U0ADM${i}` })),
      );
      expect(res.status).toBe(200);
    }
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(held).toBe(true);
    const status = (await health.json()) as { turns: { running: number; waiting: number; limit: number } };
    expect(status.turns).toMatchObject({ running: 1, limit: 1 });
    expect(status.turns.waiting).toBeGreaterThanOrEqual(1);

    // The held turn completes normally; the Slack messages are then answered, first come first served.
    expect((await holding).status).toBe(200);
    await h.slack.waitFor(
      (calls) =>
        order.every((c) => calls.some((call) => call.method === 'chat.postMessage' && call.args.channel === c)),
      15_000,
    );
    const firstReply = order.map((c) =>
      h.slack.calls().findIndex((call) => call.method === 'chat.postMessage' && call.args.channel === c),
    );
    expect([...firstReply].sort((a, b) => a - b)).toEqual(firstReply);

    // With the slot free again, a web turn is answered.
    const after = await h.webTurn(other, { text: 'We are 5 engineers.' });
    expect(after.status).toBe(200);
  });
});

async function waitUntil(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
