/**
 * D19: a signed slash command or button click runs once. Slack never retries these, but a captured request
 * stays validly signed for the five minutes Bolt accepts its timestamp; sent again byte for byte it must
 * not post again. The same command sent anew (a new timestamp, so a new signature) still runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText } from '../support/fake-slack-api.js';
import { blockActions, newTs, postSlack, slashCommand } from '../support/slack-request.js';
import { type EdgeHarness, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
beforeAll(async () => {
  h = await startEdgeHarness();
});
afterAll(async () => h?.close());

const postsIn = (channel: string) => h.slack.calls('chat.postMessage').filter((c) => c.args.channel === channel);
const quiet = () => new Promise((r) => setTimeout(r, 1_000));

describe('replayed Slack requests', () => {
  it('runs a replayed /archie command once, and the same command sent again later twice', async () => {
    const body = slashCommand('ask what did Segment learn about microservices?', { channelId: 'C0REPLAY' });
    const timestamp = Math.floor(Date.now() / 1000);
    expect((await postSlack(h.baseUrl, body, { timestamp })).status).toBe(200);
    await h.slack.waitFor(() => postsIn('C0REPLAY').length === 1, 15_000);

    const replay = await postSlack(h.baseUrl, body, { timestamp });
    expect(replay.status).toBe(200);
    await quiet();
    expect(postsIn('C0REPLAY')).toHaveLength(1);

    // The user typing the same command again is a new request with its own signature.
    await postSlack(h.baseUrl, body, { timestamp: timestamp + 1 });
    await h.slack.waitFor(() => postsIn('C0REPLAY').length === 2, 15_000);
    expect(shownText(postsIn('C0REPLAY')[1]!)).toMatch(/Segment/);
  });

  it('runs a replayed button click once', async () => {
    const place = { channel: 'D0REPLAY', user: 'U0REPLAY' };
    await h.slackDm('We are 5 engineers building a RAG assistant on a hosted model API.', place);
    const before = postsIn(place.channel).length;
    const click = blockActions({
      channelId: place.channel,
      userId: place.user,
      message: { ts: newTs(), text: 'question' },
      button: { action_id: 'archie:q:0', value: 'cmd:skip', text: { type: 'plain_text', text: 'Skip' } },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    await postSlack(h.baseUrl, click, { timestamp });
    await h.slack.waitFor(() => postsIn(place.channel).length > before, 15_000);
    await quiet();
    const afterFirst = postsIn(place.channel).length;

    expect((await postSlack(h.baseUrl, click, { timestamp })).status).toBe(200);
    await quiet();
    expect(postsIn(place.channel)).toHaveLength(afterFirst);
  });
});
