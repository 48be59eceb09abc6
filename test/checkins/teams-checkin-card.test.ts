import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import type { MountedChannel } from '../../src/app/channel.js';
import { mountCheckins } from '../../src/checkins/mount-checkins.js';
import { createFakeConsultant } from '../channels/teams/fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from '../channels/teams/teams-harness.js';
import { message, submit } from '../channels/teams/teams-payloads.js';

let h: TeamsHarness;
let checkins: MountedChannel | undefined;
afterEach(async () => {
  await checkins?.close();
  await h?.close();
});

const place = () => ({ serviceUrl: h.connector.url, conversationId: 'a:1personal-chat-checkins' });
const shown = (activity: any) => JSON.stringify(activity.attachments?.[0]?.content ?? activity.text ?? '');

describe('scheduling a check-in from Teams', () => {
  it('answers a bare "checkin" with a form card, and schedules what the submitted form says', async () => {
    h = await startTeamsHarness({ consultant: createFakeConsultant() });
    checkins = await mountCheckins(express(), h.deps);

    await h.post(message(place(), 'checkin', { localTimezone: 'America/New_York' }));
    const [formReply] = h.connector.messages(place().conversationId);
    const form = formReply!.activity.attachments[0].content;
    expect(form.actions[0].data).toEqual({ archie: 'checkin:form', label: 'Schedule' });
    expect(form.body.find((b: any) => b.id === 'checkinTz').value).toBe('America/New_York');

    await h.post(
      submit(place(), {
        archie: 'checkin:form',
        label: 'Schedule',
        checkinFreq: 'first {day} of the month',
        checkinDay: 'tuesday',
        checkinTime: '10:30',
        checkinTz: 'America/New_York',
        checkinCustom: '',
      }),
    );
    const confirmation = h.connector.messages(place().conversationId)[1]!;
    expect(shown(confirmation.activity)).toMatch(
      /scheduled: first Tuesday of the month at 10:30 \(America\/New_York\)/,
    );

    await h.post(message(place(), 'checkin list'));
    expect(shown(h.connector.messages(place().conversationId)[2]!.activity)).toMatch(/first Tuesday of the month/);
  });

  it('says what is wrong with an impossible schedule typed in the form', async () => {
    h = await startTeamsHarness({ consultant: createFakeConsultant() });
    checkins = await mountCheckins(express(), h.deps);
    await h.post(submit(place(), { archie: 'checkin:form', checkinCustom: 'every 0 weeks', checkinTz: 'UTC' }));
    expect(shown(h.connector.messages(place().conversationId)[0]!.activity)).toMatch(/from 1 to 52/);
  });
});
