import { afterEach, describe, expect, it } from 'vitest';
import { shownText } from '../../support/fake-slack-api.js';
import { scriptedConsultant } from './scripted-consultant.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const checkin = [{ type: 'text' as const, text: 'Architecture check-in: has anything changed?' }];

describe('Slack proactive delivery (check-ins)', () => {
  it('posts Block Kit into the target channel and thread', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    const result = await h.deps.proactive.send(
      { channel: 'slack', key: 'C0TEAM', meta: { thread_ts: '1700000000.000001' } },
      checkin,
    );
    expect(result).toEqual({ ok: true });
    const [post] = h.api.calls('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'C0TEAM', thread_ts: '1700000000.000001' });
    expect(shownText(post!)).toContain('has anything changed?');
    expect(post!.args.blocks.length).toBeGreaterThan(0);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive'])(
    'reports %s as gone so the check-in is not retried',
    async (error) => {
      h = await startSlackHarness({ consultant: scriptedConsultant() });
      h.api.failNext('chat.postMessage', { error });
      expect(await h.deps.proactive.send({ channel: 'slack', key: 'C0GONE' }, checkin)).toEqual({
        ok: false,
        gone: true,
        reason: error,
      });
    },
  );

  it('hands a 429 back as retryAfterMs instead of waiting on it', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    h.api.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    const started = Date.now();
    const result = await h.deps.proactive.send({ channel: 'slack', key: 'C0BUSY' }, checkin);
    expect(result).toMatchObject({ ok: false, gone: false, retryAfterMs: 30_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports other Slack errors as retryable', async () => {
    h = await startSlackHarness({ consultant: scriptedConsultant() });
    h.api.failNext('chat.postMessage', { error: 'internal_error' });
    expect(await h.deps.proactive.send({ channel: 'slack', key: 'C0X' }, checkin)).toEqual({
      ok: false,
      gone: false,
      reason: 'internal_error',
    });
  });
});
