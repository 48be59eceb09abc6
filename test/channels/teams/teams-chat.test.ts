import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/message.js';
import { createFakeConsultant, type FakeConsultant } from './fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { BOT, botAdded, executeAction, installed, mention, message, submit, TENANT } from './teams-payloads.js';

let consultant: FakeConsultant;
let h: TeamsHarness;
const personal = () => ({ serviceUrl: h.connector.url, conversationId: 'a:1personal-chat-megan' });

beforeEach(async () => {
  consultant = createFakeConsultant();
  h = await startTeamsHarness({ consultant, channel: () => ({ typingDelayMs: 10 }) });
});
afterEach(async () => {
  await h.close();
});

// biome-ignore lint/suspicious/noExplicitAny: card JSON as the connector received it
function cardOf(activity: Record<string, any>): any {
  return activity.attachments[0].content;
}

describe('Teams chat', () => {
  it('answers a personal chat message with a question card threaded to the message', async () => {
    const inbound = message(personal(), 'We are six engineers building a RAG assistant');
    const res = await h.post(inbound);
    expect(res.status).toBe(200);
    const [reply] = h.connector.messages(personal().conversationId);
    expect(reply?.replyToId).toBe(inbound.id);
    const card = cardOf(reply!.activity);
    expect(card.version).toBe('1.5');
    expect(JSON.stringify(card.body)).toContain('How many teams work on it?');
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Submit',
      title: 'One team',
      data: { archie: 'answer:teams:1' },
    });
    expect(consultant.calls[0]).toMatchObject({
      // Namespaced by channel and tenant, so a Teams activity can never name another channel's conversation.
      conversationId: `teams:${TENANT}:${personal().conversationId}`,
      input: { type: 'text', text: 'We are six engineers building a RAG assistant' },
      ctx: { channel: 'teams' },
    });
  });

  it('turns a card button press into the choice and replies with the recommendation card', async () => {
    await h.post(submit(personal(), { archie: 'answer:teams:1', label: 'One team' }));
    expect(consultant.calls[0]?.input).toEqual({ type: 'choice', value: 'answer:teams:1', label: 'One team' });
    const card = cardOf(h.connector.messages()[0]!.activity);
    const body = JSON.stringify(card.body);
    expect(body).toContain('Modular monolith');
    expect(body).toContain('78%');
    expect(body).toContain('[MonolithFirst](https://martinfowler.com/bliki/MonolithFirst.html)');
    expect(body).toContain('Module boundaries erode');
    expect(body).toContain('1. Draw the module map');
    const values = card.actions.map((a: { data: { archie: string } }) => a.data.archie);
    expect(values).toEqual([ACTIONS.export, ACTIONS.why, ACTIONS.reassess, ACTIONS.feedbackUp, ACTIONS.feedbackDown]);
  });

  it('answers an Action.Execute invoke with an invoke response and posts the reply', async () => {
    const res = await h.post(executeAction(personal(), { archie: ACTIONS.export }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    const [adr] = h.connector.messages();
    expect(adr?.activity.text).toContain('0001-modular-monolith.md');
    expect(adr?.activity.text).toContain('We choose a modular monolith.');
  });

  it('welcomes once when installed (conversationUpdate and installationUpdate both arrive)', async () => {
    await h.post(botAdded(personal()));
    await h.post(installed(personal()));
    const welcomes = h.connector.messages();
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]?.activity.text).toContain('I am Archie');
  });

  it('in a channel answers only when mentioned, strips the mention and keys the thread', async () => {
    const thread = {
      serviceUrl: h.connector.url,
      conversationId: '19:general@thread.tacv2;messageid=1700000000001',
      kind: 'channel' as const,
    };
    await h.post(message(thread, 'chatter between humans'));
    expect(consultant.calls).toHaveLength(0);
    // A new post that mentions Archie (its id is the chain's): no reply chain before it to read.
    const first = { ...mention(thread, 'should our agent platform be microservices?'), id: '1700000000001' };
    await h.post(first);
    expect(consultant.calls[0]).toMatchObject({
      conversationId: `teams:${TENANT}:${thread.conversationId}`,
      input: { type: 'text', text: 'should our agent platform be microservices?' },
    });
    await h.post(submit(thread, { archie: 'answer:teams:many' }));
    expect(consultant.calls[1]?.conversationId).toBe(`teams:${TENANT}:${thread.conversationId}`);
    const replies = h.connector.messages(thread.conversationId);
    expect(replies).toHaveLength(2);
    expect(replies[0]?.replyToId).toBe(first.id);
  });

  it('shows a typing indicator while the consultant works', async () => {
    const release = consultant.hold();
    const pending = h.post(message(personal(), 'hello there'));
    await h.connector.waitFor((r) => r.some((a) => a.activity.type === 'typing'));
    expect(h.connector.messages()).toHaveLength(0);
    release();
    await pending;
    const types = h.connector.received.map((r) => r.activity.type);
    expect(types.indexOf('typing')).toBeLessThan(types.indexOf('message'));
  });

  it('routes registered chat commands and their buttons before the consultant', async () => {
    h.deps.commands.register({
      name: 'checkin',
      summary: 'schedule a check-in',
      actionPrefix: 'checkin:',
      run: async (args, ctx) => [{ type: 'text', text: `check-in ${args} for ${ctx.target.key}` }],
      onAction: async (value) => [{ type: 'text', text: `pressed ${value}` }],
    });
    await h.post(message(personal(), 'checkin every 90 days'));
    await h.post(submit(personal(), { archie: 'checkin:cancel' }));
    expect(consultant.calls).toHaveLength(0);
    const texts = h.connector.messages().map((m) => m.activity.text);
    expect(texts).toEqual([`check-in every 90 days for ${personal().conversationId}`, 'pressed checkin:cancel']);
  });

  it('answers "ask …" from the knowledge base with sources', async () => {
    await h.post(message(personal(), 'ask when do microservices pay off?'));
    const [answer] = h.connector.messages();
    expect(answer?.activity.text).toContain('start with a monolith');
    expect(answer?.activity.text).toContain('martinfowler.com');
  });

  it('splits a very long reply into messages within the Teams size limit', async () => {
    await h.post(message(personal(), 'long'));
    const parts = h.connector.messages();
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part.activity))).toBeLessThan(28_000);
    expect(
      parts
        .map((p) => p.activity.text)
        .join(' ')
        .split('word').length - 1,
    ).toBe(12_000);
  });

  it('shows a plain error to the user and keeps the stack trace in the log', async () => {
    await h.post(message(personal(), 'fail'));
    const [shown] = h.connector.messages();
    expect(shown?.activity.text).toMatch(/something went wrong/i);
    expect(shown?.activity.text).not.toContain('/srv/secret');
    const logged = h.logs.find((l) => l.msg === 'teams: turn failed') as { err?: { stack?: string } };
    expect(logged?.err?.stack).toContain('database exploded');
  });

  it('ignores messages sent by the bot itself', async () => {
    await h.post(message(personal(), 'echo', { from: { ...BOT, role: 'bot' } }));
    expect(consultant.calls).toHaveLength(0);
    expect(h.connector.received).toHaveLength(0);
  });

  it('reports itself mounted, unauthenticated, in status', () => {
    expect(h.status()).toMatchObject({ mounted: true, endpoint: '/api/messages', auth: expect.stringMatching(/off/) });
    // Only a loopback bind runs without an app id, so nothing is exposed: it is said, not warned about.
    expect(
      h.logs.some((l) => l.level === 30 && String(l.msg).includes('unauthenticated requests from this machine')),
    ).toBe(true);
    expect(h.logs.some((l) => l.level === 40)).toBe(false);
  });
});
