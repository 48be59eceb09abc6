/**
 * Reading a Slack thread through the real WebClient against the fake Web API: cursor pagination, people
 * only (bots and Archie skipped), names instead of ids, the 200-message and 30,000-character bounds, and
 * Slack's refusals turned into messages a person can act on.
 */
import { webApi } from '@slack/bolt';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackThreadReader } from '../../../src/channels/slack/read-slack-thread.js';
import { createUserDirectory } from '../../../src/channels/slack/user-directory.js';
import { ArchieError } from '../../../src/core/errors.js';
import { createStore } from '../../../src/store/create-store.js';
import { FAKE_BOT, type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.js';

let api: FakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  api = await startFakeSlackApi();
  client = new webApi.WebClient(FAKE_BOT.botToken, { slackApiUrl: api.apiUrl, retryConfig: { retries: 0 } });
});
afterAll(() => api.close());
beforeEach(() => api.reset());

function reader(options: { pageSize?: number; maxMessages?: number; maxChars?: number; maxPages?: number } = {}) {
  const store = createStore('memory://').keyv;
  const users = createUserDirectory(client, store, pino({ level: 'silent' }));
  return createSlackThreadReader({
    client,
    users,
    pageSize: options.pageSize,
    maxPages: options.maxPages,
    bounds: { maxMessages: options.maxMessages ?? 200, maxChars: options.maxChars ?? 30_000 },
  });
}

const said = (n: number, user = 'U0ANA') => Array.from({ length: n }, (_, i) => ({ user, text: `message ${i + 1}` }));

describe('reading a Slack thread', () => {
  it('follows next_cursor through every page and reads each message once', async () => {
    const [parent] = api.setThread('C0GENERAL', said(12));
    const thread = await reader({ pageSize: 5 })({ channelId: 'C0GENERAL', threadTs: parent!.ts });
    const calls = api.calls('conversations.replies');
    expect(calls).toHaveLength(3);
    expect(calls[0]!.args.cursor).toBeUndefined();
    expect(calls[1]!.args.cursor).toBeTruthy();
    expect(calls[2]!.args.cursor).not.toBe(calls[1]!.args.cursor);
    expect(thread.messages.map((m) => m.text)).toEqual(said(12).map((m) => m.text));
    expect(thread.cut).toBeUndefined();
  });

  it('skips bot messages and its own, and names people as the channel shows them', async () => {
    api.setUser('U0ANA', { name: 'ana.lopez', display_name: 'ana' });
    api.setUser('U0BO', { name: 'bo', real_name: 'Bo Berg' });
    const [parent] = api.setThread('C0GENERAL', [
      { user: 'U0ANA', text: 'We are 6 engineers. <@U0BO> knows the infra.' },
      { bot_id: 'B0DEPLOY', subtype: 'bot_message', text: 'Deploy bot: we are 900 engineers' },
      { user: 'U0DEPLOY', bot_id: 'B0DEPLOY', text: 'Another bot line' },
      { user: FAKE_BOT.userId, bot_id: FAKE_BOT.botId, text: 'Archie said something earlier' },
      { user: 'U0BO', text: `<@${FAKE_BOT.userId}> we run on <https://example.com/eks|EKS> &amp; Argo` },
      { user: 'U0ANA', subtype: 'channel_join', text: '<@U0ANA> has joined the channel' },
    ]);
    const thread = await reader()({ channelId: 'C0GENERAL', threadTs: parent!.ts, botUserId: FAKE_BOT.userId });
    expect(thread.messages).toEqual([
      { speaker: '@ana', text: 'We are 6 engineers. @Bo Berg knows the infra.' },
      { speaker: '@Bo Berg', text: 'we run on EKS & Argo' },
    ]);
    // One users.info per person, whatever the number of their messages and mentions.
    expect(
      api
        .calls('users.info')
        .map((c) => c.args.user)
        .sort(),
    ).toEqual(['U0ANA', 'U0BO']);
  });

  it('keeps the latest 200 messages and says how many earlier ones it left out', async () => {
    const [parent] = api.setThread('C0GENERAL', said(450));
    const thread = await reader()({ channelId: 'C0GENERAL', threadTs: parent!.ts });
    expect(api.calls('conversations.replies')).toHaveLength(3);
    expect(thread.messages).toHaveLength(200);
    expect(thread.messages[0]!.text).toBe('message 251');
    expect(thread.messages.at(-1)!.text).toBe('message 450');
    expect(thread.cut).toEqual({ omitted: 250, maxMessages: 200, maxChars: 30_000 });
  });

  it('keeps the latest 30,000 characters', async () => {
    const long = Array.from({ length: 40 }, (_, i) => ({ user: 'U0ANA', text: `${i + 1}:`.padEnd(1_000, 'x') }));
    const [parent] = api.setThread('C0GENERAL', long);
    const thread = await reader()({ channelId: 'C0GENERAL', threadTs: parent!.ts });
    expect(thread.messages).toHaveLength(30);
    expect(thread.messages[0]!.text.startsWith('11:')).toBe(true);
    expect(thread.cut?.omitted).toBe(10);
  });

  it('names the scope a workspace admin must add when Slack refuses for a missing one', async () => {
    api.failNext('conversations.replies', { error: 'missing_scope', needed: 'groups:history' });
    const read = reader()({ channelId: 'G0PRIVATE', threadTs: '1.1' });
    await expect(read).rejects.toBeInstanceOf(ArchieError);
    await expect(read).rejects.toMatchObject({ code: 'thread_unreadable' });
    await expect(read).rejects.toThrow(/`groups:history` scope.*OAuth & Permissions.*reinstall/);
  });

  it('asks to be invited when it is not in the channel', async () => {
    api.failNext('conversations.replies', { error: 'not_in_channel' });
    await expect(reader()({ channelId: 'C0OTHER', threadTs: '1.1' })).rejects.toThrow(/\/invite @Archie/);
  });

  it('gives up plainly on a thread too long to reach its end', async () => {
    const [parent] = api.setThread('C0GENERAL', said(30));
    await expect(
      reader({ pageSize: 5, maxPages: 3 })({ channelId: 'C0GENERAL', threadTs: parent!.ts }),
    ).rejects.toThrow(/too long for me to reach its latest messages \(over 15\)/);
  });
});
