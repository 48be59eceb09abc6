/**
 * D2: every channel has its own conversation namespace. An unauthenticated Teams activity (local mode)
 * that names a Slack or web conversation id gets a fresh Teams conversation of its own: it can neither
 * read nor change the other channel's interview, history or check-ins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, TENANT } from '../channels/teams/teams-payloads.js';
import { assessInSlackDm, type EdgeHarness, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
const victim = { channel: 'D0VICTIM', user: 'U0VICTIM' };
const slackConversation = 'slack:T0TEAM:D0VICTIM';

beforeAll(async () => {
  h = await startEdgeHarness();
  await assessInSlackDm(h, victim);
}, 60_000);
afterAll(async () => h?.close());

/** Everything Archie posted to the fake Bot Connector for `conversationId`, as one string. */
async function teamsTurn(conversationId: string, text: string): Promise<string> {
  const before = h.connector.messages(conversationId).length;
  const res = await h.teamsPost(message({ serviceUrl: h.connector.url, conversationId }, text));
  expect(res.status).toBe(200);
  await h.connector.waitFor(() => h.connector.messages(conversationId).length > before);
  return JSON.stringify(
    h.connector
      .messages(conversationId)
      .slice(before)
      .map((a) => a.activity),
  );
}

describe('conversation ids are namespaced per channel', () => {
  it('gives a Teams activity that names a Slack conversation its own conversation, leaving Slack’s untouched', async () => {
    const before = await h.archie.consultant.snapshot(slackConversation);
    expect(before?.profile).toMatchObject({ engineers: 40, teams: 6 });

    const reply = await teamsTurn(slackConversation, 'actually we are 2 engineers');
    expect(reply).not.toMatch(/Updated|was 40|40 engineers|hybrid/i);
    expect(await teamsTurn(slackConversation, 'history')).not.toMatch(/hybrid|40 engineers/i);

    expect(await h.archie.consultant.snapshot(slackConversation)).toEqual(before);
    // What the forged activity said went to a Teams conversation of its own.
    const own = await h.archie.consultant.snapshot(`teams:${TENANT}:${slackConversation}`);
    expect(own?.profile).toMatchObject({ engineers: 2 });
  });

  it('does not let a Teams activity read or change a web chat conversation by its consultant id', async () => {
    const web = await h.webConversation();
    await h.webTurn(web, {
      text: 'We are 12 engineers in 3 teams building a RAG assistant with a self-hosted model on our own GPUs.',
    });
    const webState = await h.archie.consultant.snapshot(`web:${web}`);
    expect(webState?.profile).toMatchObject({ engineers: 12 });

    const reply = await teamsTurn(`web:${web}`, 'actually we are 2 engineers');
    expect(reply).not.toMatch(/Updated|was 12|12 engineers/);
    expect(await h.archie.consultant.snapshot(`web:${web}`)).toEqual(webState);
  });
});
