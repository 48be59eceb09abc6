/**
 * The whole Archie (createArchie: real consultant, knowledge base and store) answering Teams activities
 * through the Agents SDK and a fake Bot Connector; the verdict must match a terminal-style run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../../src/app/create-archie.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { VERDICT_LABELS } from '../../../src/core/assessment/assessment.js';
import type { OutMessage, UserInput } from '../../../src/core/message.js';
import { createLogger } from '../../../src/observability/create-logger.js';
import {
  type FakeBotConnector,
  type RecordedActivity,
  startFakeBotConnector,
} from '../../support/fake-bot-connector.js';
import { mention, message, submit, TENANT } from './teams-payloads.js';

const DESCRIPTION =
  'We are 6 engineers in one team building a RAG assistant over internal docs. We self-host one GPU model with vLLM, about 200 requests per minute, deploy weekly to Kubernetes.';

let archie: Archie;
let connector: FakeBotConnector;
let baseUrl: string;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  const config = loadConfig({
    env: { PORT: '0', STORE_URL: 'memory://', WEB_CHAT: 'false', LOG_LEVEL: 'silent' },
    dotenvPath: false,
  });
  archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  baseUrl = `http://127.0.0.1:${await archie.listen()}`;
});
afterAll(async () => {
  await archie?.close();
  await connector?.close();
});

async function post(payload: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  expect(res.status).toBe(200);
}

// biome-ignore lint/suspicious/noExplicitAny: card JSON
const cardOf = (r: RecordedActivity): any => r.activity.attachments?.[0]?.content;
const isRecommendation = (r: RecordedActivity) => String(r.activity.summary ?? '').startsWith('Recommendation:');
/** The first answer button on the latest card (not "why this matters", not a link). */
function firstQuickReply(r: RecordedActivity): { archie: string; label?: string } | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: card JSON
  return cardOf(r)?.actions?.find((a: any) => a.type === 'Action.Submit')?.data;
}

describe('Archie in Teams, end to end', () => {
  it('interviews in a personal chat to the same verdict a terminal run of the same inputs reaches', async () => {
    const chat = { serviceUrl: connector.url, conversationId: 'a:1e2e-personal' };
    const inputs: UserInput[] = [{ type: 'text', text: DESCRIPTION }];
    await post(message(chat, DESCRIPTION));
    for (let turn = 0; turn < 25; turn++) {
      const latest = connector.messages(chat.conversationId).at(-1)!;
      if (isRecommendation(latest)) break;
      const reply = firstQuickReply(latest);
      expect(reply, `turn ${turn}: expected a card with buttons, got ${JSON.stringify(latest.activity)}`).toBeDefined();
      inputs.push({ type: 'choice', value: reply!.archie, ...(reply!.label ? { label: reply!.label } : {}) });
      await post(submit(chat, reply!));
    }
    const card = connector.messages(chat.conversationId).at(-1)!;
    expect(isRecommendation(card)).toBe(true);
    const teamsVerdict = (await archie.consultant.snapshot(`teams:${TENANT}:${chat.conversationId}`))?.assessment
      ?.verdict;
    expect(teamsVerdict).toBeDefined();

    // The same inputs, typed into the terminal channel.
    let last: OutMessage[] = [];
    for (const input of inputs)
      last = await archie.consultant.handle('terminal-replay', input, { channel: 'terminal' });
    const recommendation = last.find((m) => m.type === 'recommendation');
    expect(recommendation?.type === 'recommendation' && recommendation.assessment.verdict).toBe(teamsVerdict);
    expect(JSON.stringify(cardOf(card).body)).toContain(VERDICT_LABELS[teamsVerdict!]);

    // The card's buttons work: Export ADR sends the Markdown, 👍 is acknowledged.
    // biome-ignore lint/suspicious/noExplicitAny: card JSON
    const button = (title: string) => cardOf(card).actions.find((a: any) => a.title === title).data;
    await post(submit(chat, button('Export ADR')));
    expect(connector.messages(chat.conversationId).at(-1)?.activity.text).toMatch(/\.md`/);
    const before = connector.messages(chat.conversationId).length;
    await post(submit(chat, button('👍')));
    expect(connector.messages(chat.conversationId).length).toBeGreaterThan(before);
  });

  it('answers a channel mention and continues in the reply chain', async () => {
    const thread = {
      serviceUrl: connector.url,
      conversationId: '19:arch@thread.tacv2;messageid=1700000000555',
      kind: 'channel' as const,
    };
    const first = mention(thread, DESCRIPTION);
    await post(first);
    const afterFirst = connector.messages(thread.conversationId);
    expect(afterFirst.length).toBeGreaterThan(0);
    expect(afterFirst.every((r) => r.replyToId === first.id)).toBe(true);
    const followUp = mention(thread, 'We also have a separate compliance team that must audit every prompt.');
    await post(followUp);
    const afterFollowUp = connector.messages(thread.conversationId);
    expect(afterFollowUp.length).toBeGreaterThan(afterFirst.length);
    expect(afterFollowUp.at(-1)?.replyToId).toBe(followUp.id);
    const snapshot = await archie.consultant.snapshot(`teams:${TENANT}:${thread.conversationId}`);
    expect(snapshot?.profile).toBeDefined();
  });

  it('gives no verdict for a message that describes no system, and asks for the essentials', async () => {
    const chat = { serviceUrl: connector.url, conversationId: 'a:1e2e-nothing' };
    await post(message(chat, 'hello there'));
    const replies = connector.messages(chat.conversationId);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.some(isRecommendation)).toBe(false);
    expect(JSON.stringify(replies.map((r) => r.activity))).toMatch(/what the system is .* how many engineers/);
    expect((await archie.consultant.snapshot(`teams:${TENANT}:${chat.conversationId}`))?.assessment).toBeUndefined();
  });

  it('reports Teams in /healthz', async () => {
    const health = (await (await fetch(`${baseUrl}/healthz`)).json()) as { channels: Record<string, unknown> };
    expect(health.channels.teams).toMatchObject({ mounted: true, endpoint: '/api/messages' });
  });
});
