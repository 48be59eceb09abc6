import { stringify } from 'node:querystring';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { MountedChannel } from '../../src/app/channel.js';
import { mountCheckins } from '../../src/checkins/mount-checkins.js';
import { type SlackHarness, startSlackHarness } from '../channels/slack/slack-harness.js';
import { shownText } from '../support/fake-slack-api.js';
import { postSlack, slashCommand } from '../support/slack-request.js';

let h: SlackHarness;
let checkins: MountedChannel | undefined;
afterEach(async () => {
  await checkins?.close();
  await h?.close();
});

async function start() {
  h = await startSlackHarness();
  checkins = await mountCheckins(express(), h.deps);
}

function submission(place: Record<string, string>, values: Record<string, Record<string, unknown>>) {
  const state = Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { [block]: v }]));
  return stringify({
    payload: JSON.stringify({
      type: 'view_submission',
      team: { id: 'T0TEAM', domain: 'archie-test' },
      user: { id: 'U0ALICE', username: 'alice', team_id: 'T0TEAM' },
      api_app_id: 'A0ARCHIE',
      token: 'legacy-verification-token',
      trigger_id: '123.456.abc',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: 'archie-checkin',
        private_metadata: JSON.stringify(place),
        state: { values: state },
      },
    }),
  });
}

const place = { teamId: 'T0TEAM', channelId: 'C0ARCH', userId: 'U0ALICE' };

describe('scheduling a check-in from the Slack modal', () => {
  it('opens a modal for a bare `/archie checkin`, with the user’s time zone filled in', async () => {
    await start();
    expect((await postSlack(h.baseUrl, slashCommand('checkin', { channelId: 'C0ARCH' }))).status).toBe(200);
    const [open] = await h.api.waitFor((calls) => calls.some((c) => c.method.startsWith('views.open')));
    const call = h.api.calls().find((c) => c.method.startsWith('views.open'))!;
    expect(open).toBeDefined();
    expect(call.args.trigger_id).toBe('123.456.abc');
    expect(call.args.view.callback_id).toBe('archie-checkin');
    const tz = call.args.view.blocks.find((b: { block_id?: string }) => b.block_id === 'tz');
    expect(tz.element.initial_value).toBe('Europe/Berlin');
  });

  it('schedules what the modal describes and confirms in the channel', async () => {
    await start();
    const response = await postSlack(
      h.baseUrl,
      submission(place, {
        freq: { type: 'static_select', selected_option: { value: 'every 2 weeks on {day}' } },
        day: { type: 'static_select', selected_option: { value: 'thursday' } },
        time: { type: 'timepicker', selected_time: '15:30' },
        tz: { type: 'plain_text_input', value: 'Europe/Berlin' },
        custom: { type: 'plain_text_input', value: null },
      }),
    );
    expect(response.status).toBe(200);
    await h.api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage'));
    const posted = h.api.calls('chat.postMessage')[0]!;
    expect(posted.args.channel).toBe('C0ARCH');
    expect(shownText(posted)).toMatch(/scheduled: every 2 weeks on Thursday at 15:30 \(Europe\/Berlin\)/);
  });

  it('keeps the modal open with the reason when the schedule is impossible', async () => {
    await start();
    const response = await postSlack(
      h.baseUrl,
      submission(place, {
        freq: { type: 'static_select', selected_option: { value: 'weekly on {day}' } },
        day: { type: 'static_select', selected_option: { value: 'monday' } },
        time: { type: 'timepicker', selected_time: '09:00' },
        tz: { type: 'plain_text_input', value: 'UTC' },
        custom: { type: 'plain_text_input', value: 'yearly on february 30' },
      }),
    );
    const body = (await response.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.custom).toMatch(/February 30 does not exist/);
    expect(h.api.calls('chat.postMessage')).toHaveLength(0);
  });
});
