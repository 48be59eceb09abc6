/**
 * `archie data delete` on a real SQLite file that the whole Archie filled through Slack, Teams and the web
 * chat: a person's, a conversation's and a team's data go from every record that holds it, the rest stays,
 * and the command says what it removed.
 */
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempSqlite } from '../channels/web/web-test-server.js';
import { assessInSlackDm, startEdgeHarness } from '../security/edge-harness.js';
import { runCli } from '../support/cli.js';

const db = tempSqlite();
let file: Keyv;
let webId: string;

/** Every row whose key or value mentions `text`. */
async function rowsMentioning(text: string): Promise<string[]> {
  const rows = (await (file.store as KeyvSqlite).query(
    'SELECT key FROM keyv WHERE instr(key, ?) > 0 OR instr(value, ?) > 0',
    text,
    text,
  )) as { key: string }[];
  return rows.map((r) => r.key);
}

const cli = (...args: string[]) => runCli(['data', ...args], { env: { STORE_URL: db.storeUrl }, timeoutMs: 60_000 });

beforeAll(async () => {
  const h = await startEdgeHarness({ STORE_URL: db.storeUrl });
  try {
    await assessInSlackDm(h, { channel: 'D0ALICE', user: 'U0ALICE' });
    expect(await h.slackDm('checkin weekly on monday 09:00', { channel: 'D0ALICE', user: 'U0ALICE' })).toMatch(
      /check-in/i,
    );
    await h.slackDm('We are 5 engineers building a support chatbot on a hosted model.', {
      channel: 'D0BOB',
      user: 'U0BOB',
    });
    webId = await h.webConversation();
    expect((await h.webTurn(webId, { text: 'We are 4 engineers building a RAG assistant.' })).status).toBe(200);
    const teams = await h.teamsPost({
      type: 'message',
      id: 'act-erase-1',
      channelId: 'msteams',
      serviceUrl: h.connector.url,
      from: { id: 'teams-user-9', name: 'Robin' },
      recipient: { id: 'archie-bot', name: 'Archie' },
      conversation: { id: 'a:personal-chat-9', conversationType: 'personal', tenantId: 'tenant-9' },
      text: 'We are 12 engineers in two teams building an agent.',
    });
    expect(teams.status).toBeLessThan(300);
  } finally {
    await h.close();
  }
  file = new Keyv({ store: new KeyvSqlite({ uri: db.storeUrl }), namespace: 'archie' });
}, 120_000);

afterAll(async () => {
  await file?.disconnect();
  db.cleanup();
});

describe('archie data delete', () => {
  it('erases a Slack user: their DM, its history and check-in, and every record keyed by them', async () => {
    expect((await rowsMentioning('D0ALICE')).length).toBeGreaterThan(2);
    const run = await cli('delete', '--user', 'U0ALICE');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/for user U0ALICE/);
    expect(run.stdout).toMatch(/Conversations: 1 \(slack:T0TEAM:D0ALICE\)/);
    expect(run.stdout).toMatch(/Assessment history entries: [1-9]/);
    expect(run.stdout).toMatch(/Check-ins: 1/);
    expect(await rowsMentioning('D0ALICE')).toEqual([]);
    expect(await rowsMentioning('U0ALICE')).toEqual([]);
    // Someone else's conversation is untouched.
    expect(await rowsMentioning('slack:T0TEAM:D0BOB')).toContain('archie:conv:slack:T0TEAM:D0BOB');
  });

  it('erases a Teams user: their personal chat and its stored reference', async () => {
    expect(await rowsMentioning('a:personal-chat-9')).not.toEqual([]);
    const run = await cli('delete', '--user', 'teams-user-9');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Conversations: 1 \(teams:tenant-9:a:personal-chat-9\)/);
    expect(await rowsMentioning('a:personal-chat-9')).toEqual([]);
    expect(await rowsMentioning('teams-user-9')).toEqual([]);
  });

  it('erases one web chat conversation by the last part of its id', async () => {
    const run = await cli('delete', '--conversation', webId);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Web chat transcripts: 1/);
    expect(run.stdout).toMatch(/Conversation state: 1/);
    expect(await rowsMentioning(webId)).toEqual([]);
  });

  it('erases a whole Slack workspace, and a second request finds nothing left', async () => {
    const run = await cli('delete', '--team', 'T0TEAM');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/slack:T0TEAM:D0BOB/);
    expect(await rowsMentioning('slack:T0TEAM')).toEqual([]);
    const again = await cli('delete', '--team', 'T0TEAM');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Nothing is stored for team T0TEAM/);
  });

  it('says how to use it when the request is incomplete', async () => {
    const none = await cli('delete');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/exactly one of --conversation <id>, --team <id> or --user <id>/);
    const verb = await cli('--user', 'U1');
    expect(verb.code).toBe(2);
    expect(verb.stderr).toMatch(/archie data delete/);
  });
});
