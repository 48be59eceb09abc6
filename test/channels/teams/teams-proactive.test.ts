import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { createFakeConsultant } from './fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { BOT, botAdded, installed, mention, message } from './teams-payloads.js';

let h: TeamsHarness;
const slept: number[] = [];
const clock: Clock = { now: () => new Date(), sleep: async (ms) => void slept.push(ms) };

beforeEach(async () => {
  slept.length = 0;
  h = await startTeamsHarness({ consultant: createFakeConsultant(), clock });
});
afterEach(async () => {
  await h.close();
});

const checkin = [{ type: 'text' as const, text: 'Architecture check-in: has anything changed?' }];

describe('Teams proactive messages', () => {
  it('posts into a chat through the reference stored from its last activity', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1chat-proactive' };
    await h.post(message(chat, 'hello'));
    const before = h.connector.messages().length;
    const result = await h.deps.proactive.send({ channel: 'teams', key: chat.conversationId }, checkin);
    expect(result).toEqual({ ok: true });
    const posted = h.connector.messages(chat.conversationId).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.activity.text).toBe('Architecture check-in: has anything changed?');
    expect(posted[0]?.replyToId).toBeUndefined();
  });

  it('posts into a channel thread', async () => {
    const thread = {
      serviceUrl: h.connector.url,
      conversationId: '19:platform@thread.tacv2;messageid=1700000000099',
      kind: 'channel' as const,
    };
    await h.post(mention(thread, 'assess our agent platform'));
    const result = await h.deps.proactive.send({ channel: 'teams', key: thread.conversationId }, checkin);
    expect(result.ok).toBe(true);
    expect(h.connector.messages(thread.conversationId).at(-1)?.activity.text).toContain('check-in');
  });

  it('reports a conversation the bot was removed from as gone and forgets it', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1chat-removed' };
    await h.post(message(chat, 'hello'));
    h.connector.failConversation(chat.conversationId, {
      status: 403,
      body: {
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      },
    });
    const first = await h.deps.proactive.send({ channel: 'teams', key: chat.conversationId }, checkin);
    expect(first).toMatchObject({ ok: false, gone: true });
    expect(await h.store.get(`teams:ref:${chat.conversationId}`)).toBeUndefined();
  });

  it('forgets a conversation when Archie is removed from it or uninstalled', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1chat-uninstalled' };
    await h.post(message(chat, 'hello'));
    expect(await h.store.get(`teams:ref:${chat.conversationId}`)).toBeDefined();
    await h.post({ ...installed(chat), action: 'remove' });
    expect(await h.store.get(`teams:ref:${chat.conversationId}`)).toBeUndefined();
    const team = { serviceUrl: h.connector.url, conversationId: '19:general@thread.tacv2', kind: 'channel' as const };
    await h.post(mention(team, 'hello'));
    await h.post({ ...botAdded(team), membersAdded: undefined, membersRemoved: [BOT] });
    const result = await h.deps.proactive.send({ channel: 'teams', key: team.conversationId }, checkin);
    expect(result).toMatchObject({ ok: false, gone: true });
  });

  it('reports a conversation Archie never saw as gone', async () => {
    const result = await h.deps.proactive.send({ channel: 'teams', key: 'a:1never-seen' }, checkin);
    expect(result).toMatchObject({ ok: false, gone: true });
  });

  it('retries throttled sends, then hands back Retry-After so nothing is dropped', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1chat-throttled' };
    await h.post(message(chat, 'hello'));
    h.connector.failConversation(chat.conversationId, { status: 429, retryAfter: '7' });
    const result = await h.deps.proactive.send({ channel: 'teams', key: chat.conversationId }, checkin);
    expect(result).toMatchObject({ ok: false, gone: false, retryAfterMs: 7_000 });
    expect(slept.filter((ms) => ms === 7_000)).toHaveLength(4);
    expect(await h.store.get(`teams:ref:${chat.conversationId}`)).toBeDefined();
  });
});
