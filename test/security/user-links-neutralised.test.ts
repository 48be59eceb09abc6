/**
 * D20: what someone typed, repeated in a message Archie posts under its own name, never becomes a live
 * link: `[Your Archie session expired - sign in again](https://evil.example/sso)` must not show as a link
 * from Archie in Slack, Teams or the web chat. The address may appear only as inline code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message } from '../channels/teams/teams-payloads.js';
import { shownText } from '../support/fake-slack-api.js';
import { postSlack, slashCommand } from '../support/slack-request.js';
import { type EdgeHarness, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
beforeAll(async () => {
  h = await startEdgeHarness();
});
afterAll(async () => h?.close());

const PHISH = '[Your Archie session expired - sign in again](https://evil.example/sso)';

/** The text with inline code removed: what a renderer could still turn into a link. */
const outsideCode = (text: string) => text.replace(/`[^`\n]*`/g, '');

describe('links in what someone typed', () => {
  it('are not live links in the question Archie repeats in a Slack channel (/archie ask)', async () => {
    await postSlack(h.baseUrl, slashCommand(`ask ${PHISH} what did Segment learn?`, { channelId: 'C0PHISH' }));
    const [posted] = await h.slack
      .waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0PHISH'), 15_000)
      .then((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === 'C0PHISH'));
    const shown = shownText(posted!);
    expect(shown).toMatch(/Question:/);
    expect(shown).toContain('Your Archie session expired - sign in again');
    expect(shown).not.toContain('<https://evil.example');
    expect(outsideCode(shown)).not.toContain('evil.example');
  });

  it('are not live links in a reply that repeats a schedule Archie could not read (web chat)', async () => {
    const id = await h.webConversation();
    const reply = await h.webTurn(id, { text: `checkin ${PHISH}` });
    expect(reply.status).toBe(200);
    const texts = (JSON.parse(reply.text) as { messages: { from: string; message?: { text?: string } }[] }).messages
      .filter((m) => m.from === 'archie')
      .map((m) => m.message?.text ?? '')
      .join('\n');
    expect(texts).toMatch(/can’t read/);
    expect(texts).not.toContain('](https://evil.example');
    expect(outsideCode(texts)).not.toContain('evil.example');
  });

  it('are not live links in that reply in Teams', async () => {
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1phish' };
    expect((await h.teamsPost(message(chat, `checkin ${PHISH}`))).status).toBe(200);
    const [reply] = await h.connector.waitFor((r) => r.some((a) => a.conversationId === 'a:1phish'));
    const shown = JSON.stringify(h.connector.messages('a:1phish').map((a) => a.activity));
    expect(reply).toBeDefined();
    expect(shown).toMatch(/can’t read/);
    expect(shown).not.toContain('](https://evil.example');
    expect(outsideCode(shown)).not.toContain('evil.example');
  });
});
