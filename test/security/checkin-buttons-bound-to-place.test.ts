/**
 * D1: a check-in's buttons act only in the place that owns the check-in. A button value sent from another
 * channel (the web chat, a Teams chat) must neither read nor rewrite that team's assessment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit } from '../channels/teams/teams-payloads.js';
import { shownText } from '../support/fake-slack-api.js';
import { blockActions, newTs, postSlack } from '../support/slack-request.js';
import { assessInSlackDm, type EdgeHarness, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
const victim = { channel: 'D0VICTIM', user: 'U0VICTIM' };
const victimConversation = 'slack:T0TEAM:D0VICTIM';
let checkinId = '';

beforeAll(async () => {
  h = await startEdgeHarness();
  await assessInSlackDm(h, victim);
  const scheduled = await h.slackDm('checkin weekly on monday 09:00', victim);
  checkinId = /Check-in `([0-9a-f]{6})`/.exec(scheduled)?.[1] ?? '';
  expect(checkinId).toMatch(/^[0-9a-f]{6}$/);
}, 60_000);
afterAll(async () => h?.close());

const profileOfVictim = async () => (await h.archie.consultant.snapshot(victimConversation))?.profile;

describe('check-in buttons are bound to the place that owns the check-in', () => {
  it('refuses a check-in button pressed from the web chat, without showing or changing the team’s verdict', async () => {
    const before = await profileOfVictim();
    expect(before).toMatchObject({ engineers: 40 });
    const web = await h.webConversation();

    const reread = await h.webTurn(web, { choice: `checkin:change:${checkinId}:none` });
    expect(reread.status).toBe(200);
    expect(reread.text).toMatch(/belongs to a check-in in another channel or chat/);
    expect(reread.text).not.toMatch(/Verdict kept|hybrid|microservices|confidence/i);

    const rewrite = await h.webTurn(web, { choice: `checkin:change:${checkinId}:team` });
    expect(rewrite.text).toMatch(/belongs to a check-in in another channel or chat/);
    const answer = await h.webTurn(web, { choice: `checkin:answer:${checkinId}:engineers:e1` });
    expect(answer.text).toMatch(/belongs to a check-in in another channel or chat/);

    expect(await profileOfVictim()).toEqual(before);
    expect(await h.slackDm('history', victim)).not.toMatch(/checkin ·/);
  });

  it('refuses a check-in button submitted from a Teams chat', async () => {
    const before = await profileOfVictim();
    const chat = { serviceUrl: h.connector.url, conversationId: 'a:1mallory' };
    const res = await h.teamsPost(submit(chat, { archie: `checkin:change:${checkinId}:none` }));
    expect(res.status).toBe(200);
    const [reply] = await h.connector.waitFor((r) => r.some((a) => a.conversationId === 'a:1mallory'));
    const shown = JSON.stringify(h.connector.messages('a:1mallory').map((a) => a.activity));
    expect(reply).toBeDefined();
    expect(shown).toMatch(/belongs to a check-in in another channel or chat/);
    expect(shown).not.toMatch(/Verdict kept/);
    expect(await profileOfVictim()).toEqual(before);
  });

  it('still works for the team that owns the check-in', async () => {
    const own = await h.slackDm(`checkin now ${checkinId}`, victim);
    expect(own).toMatch(/Running check-in/);
    expect(await pressInSlack(`checkin:change:${checkinId}:none`)).toMatch(/Verdict kept/);
  });
});

/** The victim presses a check-in button in its own DM (a signed block_actions payload). */
async function pressInSlack(value: string): Promise<string> {
  const posted = () => h.slack.calls('chat.postMessage').filter((c) => c.args.channel === victim.channel);
  const before = posted().length;
  await postSlack(
    h.baseUrl,
    blockActions({
      channelId: victim.channel,
      userId: victim.user,
      message: { ts: newTs(), text: 'Architecture check-in' },
      button: { action_id: 'archie:checkin:none', value, text: { type: 'plain_text', text: 'Nothing changed' } },
    }),
  );
  await h.slack.waitFor(
    () =>
      posted()
        .slice(before)
        .some((c) => /Verdict/.test(shownText(c))),
    15_000,
  );
  return posted().slice(before).map(shownText).join('\n');
}
