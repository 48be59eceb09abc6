import { afterEach, describe, expect, it } from 'vitest';
import { shownText } from '../../support/fake-slack-api.js';
import { blockActions, dmMessage, eventEnvelope, postSlack } from '../../support/slack-request.js';
import { scriptedConsultant } from './scripted-consultant.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The `n`th button of the latest Archie message that has buttons. */
function lastButtons(harness: SlackHarness) {
  const posted = harness.api
    .calls('chat.postMessage')
    .filter((c) => (c.args.blocks ?? []).some((b: any) => b.type === 'actions'));
  const call = posted[posted.length - 1]!;
  const buttons = call.args.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
  return { call, buttons };
}

describe('Slack adapter (scripted consultant)', () => {
  it('answers a top-level DM with the consultant reply in the same DM', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    const res = await postSlack(h.baseUrl, eventEnvelope(dmMessage('We build a RAG assistant')));
    expect(res.status).toBe(200);
    const calls = await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    const post = calls.find((c) => c.method === 'chat.postMessage')!;
    expect(post.args.channel).toBe('D0DM');
    expect(post.args.thread_ts).toBeUndefined();
    expect(shownText(post)).toContain('Question 1?');
    expect(consultant.received[0]).toMatchObject({ conversationId: 'slack:T0TEAM:D0DM', input: { type: 'text' } });
  });

  it('sends a button click to the consultant as a choice and collapses the answered question', async () => {
    const consultant = scriptedConsultant();
    h = await startSlackHarness({ consultant });
    await postSlack(h.baseUrl, eventEnvelope(dmMessage('hello')));
    await h.api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    const { call, buttons } = lastButtons(h);
    const ts = h.api.calls('chat.postMessage')[0]!.args.ts ?? '1700000000.000001';
    const res = await postSlack(
      h.baseUrl,
      blockActions({
        channelId: 'D0DM',
        message: { ts, text: call.args.text, blocks: call.args.blocks },
        button: buttons[0],
      }),
    );
    expect(res.status).toBe(200);
    await h.api.waitFor((c) => c.filter((x) => x.method === 'chat.postMessage').length >= 2);
    expect(consultant.received[1]).toMatchObject({ input: { type: 'choice', value: 'q1:yes', label: 'Yes' } });
    const update = h.api.calls('chat.update')[0]!;
    expect(update.args.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(shownText(update)).toContain('✓ Yes');
  });
});
