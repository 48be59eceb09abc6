import { afterEach, describe, expect, it } from 'vitest';
import { type CheckinHarness, checkinId, startCheckinHarness, texts } from './checkin-harness.js';

let h: CheckinHarness;
afterEach(async () => h?.close());

const WEEK = 7 * 24 * 3_600_000;

describe('scheduled check-ins on one machine', () => {
  it('posts into the channel at 09:00 Berlin time on Monday, once per run', async () => {
    h = await startCheckinHarness();
    const reply = await h.command('checkin weekly on monday 09:00');
    expect(texts(reply)).toMatch(/scheduled: weekly on Monday at 09:00 \(Europe\/Berlin\)/);
    expect(texts(reply)).toContain('Mon, 5 Jan 2026, 09:00 (Europe/Berlin)');

    await h.clock.advanceTo('2026-01-05T07:59:59Z');
    expect(h.posted).toHaveLength(0);
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]!.target.key).toBe('C0ARCH');
    expect(texts(h.posted[0]!.messages)).toMatch(/Architecture check-in/);

    await h.clock.advance(WEEK);
    expect(h.posted.map((p) => p.at.toISOString())).toEqual(['2026-01-05T08:00:00.000Z', '2026-01-12T08:00:00.000Z']);
  });

  it('runs a schedule missed while the server was down for 3 weeks exactly once at start-up', async () => {
    h = await startCheckinHarness();
    await h.command('checkin weekly on monday 09:00');
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    expect(h.posted).toHaveLength(1);

    await h.restart(); // a clean restart misses nothing and posts nothing
    expect(h.posted).toHaveLength(1);

    await h.stop(); // down through the runs of 12, 19 and 26 January
    await h.clock.advance(3 * WEEK + 3_600_000);
    expect(h.posted).toHaveLength(1);
    await h.restart();
    expect(h.posted).toHaveLength(2);
    const catchUp = h.posted[1]!.messages[0]!;
    expect(catchUp.type === 'text' && catchUp.text).toContain('Mon, 26 Jan 2026, 09:00');

    await h.clock.advance(60_000); // no flood after the catch-up
    expect(h.posted).toHaveLength(2);
    await h.clock.advanceTo('2026-02-02T08:00:00Z');
    expect(h.posted).toHaveLength(3);
  });

  it('lists, pauses, resumes and cancels the check-ins of this channel', async () => {
    h = await startCheckinHarness();
    const id = checkinId(await h.command('checkin every 2 weeks on thursday 15:00'));
    await h.command('checkin monthly in UTC');
    const list = texts(await h.command('checkin list'));
    expect(list).toContain(
      `\`${id}\` · every 2 weeks on Thursday at 15:00 (Europe/Berlin) · next Thu, 8 Jan 2026, 15:00`,
    );
    expect(list).toContain('monthly on day 1 at 09:00 (UTC)');

    expect(texts(await h.command(`checkin pause ${id}`))).toContain(`Paused \`${id}\``);
    expect(texts(await h.command('checkin list'))).toContain(
      `\`${id}\` · every 2 weeks on Thursday at 15:00 (Europe/Berlin) · paused`,
    );
    await h.clock.advanceTo('2026-01-09T00:00:00Z');
    expect(h.posted).toHaveLength(0);

    expect(texts(await h.command(`checkin resume ${id}`))).toMatch(/Resumed: .* next Thu, 22 Jan 2026, 15:00/);
    await h.clock.advanceTo('2026-01-22T14:00:00Z');
    expect(h.posted).toHaveLength(1);

    expect(texts(await h.command(`checkin cancel ${id}`))).toContain(`Cancelled check-in \`${id}\``);
    expect(texts(await h.command('checkin list'))).not.toContain(id);
    expect(texts(await h.command('checkin pause zzzzzz'))).toMatch(/no check-in `zzzzzz` here/);
  });

  it('keeps another channel’s check-ins out of reach', async () => {
    h = await startCheckinHarness();
    const id = checkinId(await h.command('checkin weekly'));
    const other = {
      ...h.ctx,
      target: { channel: 'slack' as const, key: 'C0OTHER' },
      conversationId: 'slack:T0TEAM:C0OTHER',
    };
    expect(texts(await h.command(`checkin cancel ${id}`, other))).toMatch(/no check-in/);
    expect(texts(await h.command('checkin list', other))).toMatch(/No check-ins here/);
  });

  it('answers an impossible schedule with the problem and a valid example, and schedules nothing', async () => {
    h = await startCheckinHarness();
    expect(texts(await h.command('checkin every 0 weeks'))).toMatch(/from 1 to 52[\s\S]*weekly on monday 09:00/);
    expect(texts(await h.command('checkin yearly on february 30'))).toMatch(/February 30 does not exist/);
    expect(texts(await h.command('checkin weekly in Atlantis/Nowhere'))).toMatch(/time zone “Atlantis\/Nowhere”/);
    expect(texts(await h.command('checkin list'))).toMatch(/No check-ins here/);
  });

  it('runs a check-in now on request', async () => {
    h = await startCheckinHarness();
    const id = checkinId(await h.command('checkin monthly'));
    expect(texts(await h.command(`checkin now ${id}`))).toContain('Running check-in');
    await h.clock.settle();
    expect(h.posted).toHaveLength(1);
  });

  it('waits out a rate limit (Retry-After) and posts once', async () => {
    h = await startCheckinHarness();
    await h.command('checkin weekly on monday 09:00');
    h.failNext({ ok: false, gone: false, retryAfterMs: 30_000, reason: 'rate limited by Slack' });
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    expect(h.posted).toHaveLength(0);
    await h.clock.advance(30_000);
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]!.at.toISOString()).toBe('2026-01-05T08:00:30.000Z');
    const metrics = await h.deps.metrics.registry.getSingleMetricAsString('archie_checkins_failed_total');
    expect(metrics).toContain('reason="rate_limited"} 1');
  });

  it('pauses the schedule, with the reason, when Archie was removed from the channel', async () => {
    h = await startCheckinHarness();
    const id = checkinId(await h.command('checkin weekly on monday 09:00'));
    h.failNext({ ok: false, gone: true, reason: 'not_in_channel' });
    await h.clock.advanceTo('2026-01-05T08:00:00Z');
    await h.clock.advance(10 * WEEK);
    expect(h.posted).toHaveLength(0);
    expect(texts(await h.command('checkin list'))).toContain(
      `\`${id}\` · weekly on Monday at 09:00 (Europe/Berlin) · paused (not_in_channel)`,
    );
    const metrics = await h.deps.metrics.registry.getSingleMetricAsString('archie_checkins_failed_total');
    expect(metrics).toContain('reason="gone"} 1');
  });
});
