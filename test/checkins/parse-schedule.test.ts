import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/checkins/parse-schedule.js';
import { formatRun, upcomingRuns } from '../../src/checkins/schedule.js';

const now = new Date('2026-01-05T07:00:00Z'); // a Monday, 08:00 in Berlin
const runs = (text: string, n = 3, tz?: string) => {
  const parsed = parseSchedule(text, { now, defaultTimeZone: tz });
  if (!parsed.ok) throw new Error(parsed.message);
  return upcomingRuns(parsed.schedule, now, n).map((d) => formatRun(d, parsed.schedule.timeZone));
};
const error = (text: string) => {
  const parsed = parseSchedule(text, { now });
  if (parsed.ok) throw new Error(`expected an error for ${text}`);
  return parsed.message;
};

describe('reading check-in schedules', () => {
  it('reads "weekly on monday 09:00 in Europe/Berlin" as Mondays at nine Berlin time', () => {
    expect(runs('weekly on monday 09:00 in Europe/Berlin')).toEqual([
      'Mon, 5 Jan 2026, 09:00 (Europe/Berlin)',
      'Mon, 12 Jan 2026, 09:00 (Europe/Berlin)',
      'Mon, 19 Jan 2026, 09:00 (Europe/Berlin)',
    ]);
  });

  it('uses the user’s time zone when none is given, and UTC when the platform did not say', () => {
    expect(runs('weekly on tuesday at 9am', 1, 'America/New_York')).toEqual([
      'Tue, 6 Jan 2026, 09:00 (America/New_York)',
    ]);
    expect(runs('weekly on tuesday at 9am', 1)).toEqual(['Tue, 6 Jan 2026, 09:00 (UTC)']);
  });

  it('reads "every 2 weeks" as every other Monday, counted from the first run', () => {
    expect(runs('every 2 weeks in Europe/Berlin', 3)).toEqual([
      'Mon, 5 Jan 2026, 09:00 (Europe/Berlin)',
      'Mon, 19 Jan 2026, 09:00 (Europe/Berlin)',
      'Mon, 2 Feb 2026, 09:00 (Europe/Berlin)',
    ]);
    expect(runs('every 3 weeks on friday 15:30 in UTC', 2)).toEqual([
      'Fri, 9 Jan 2026, 15:30 (UTC)',
      'Fri, 30 Jan 2026, 15:30 (UTC)',
    ]);
  });

  it('reads "monthly" as the first of each month at nine, and "monthly on the 15th"', () => {
    expect(runs('monthly in UTC', 2)).toEqual(['Sun, 1 Feb 2026, 09:00 (UTC)', 'Sun, 1 Mar 2026, 09:00 (UTC)']);
    expect(runs('monthly on the 15th at 14:00 in UTC', 1)).toEqual(['Thu, 15 Jan 2026, 14:00 (UTC)']);
  });

  it('reads "first tuesday of the month" and "last friday of the month"', () => {
    expect(runs('first tuesday of the month 10:00 in Europe/Berlin', 2)).toEqual([
      'Tue, 6 Jan 2026, 10:00 (Europe/Berlin)',
      'Tue, 3 Feb 2026, 10:00 (Europe/Berlin)',
    ]);
    expect(runs('last friday of the month in UTC', 1)).toEqual(['Fri, 30 Jan 2026, 09:00 (UTC)']);
  });

  it('reads daily, weekdays and yearly dates', () => {
    expect(runs('daily at 17:00 in UTC', 1)).toEqual(['Mon, 5 Jan 2026, 17:00 (UTC)']);
    expect(runs('weekdays 08:30 in UTC', 2)).toEqual(['Mon, 5 Jan 2026, 08:30 (UTC)', 'Tue, 6 Jan 2026, 08:30 (UTC)']);
    expect(runs('yearly on march 3 in UTC', 1)).toEqual(['Tue, 3 Mar 2026, 09:00 (UTC)']);
  });

  it('accepts cron expressions (5 and 6 fields) in a time zone', () => {
    expect(runs('cron 0 9 * * 1-5 in America/New_York', 1)).toEqual(['Mon, 5 Jan 2026, 09:00 (America/New_York)']);
    expect(runs('30 14 * * 3 in Asia/Tokyo', 1)).toEqual(['Wed, 7 Jan 2026, 14:30 (Asia/Tokyo)']);
    const everySecond = parseSchedule('cron * * * * * *', { now });
    expect(everySecond.ok && upcomingRuns(everySecond.schedule, now, 2).map((d) => d.toISOString())).toEqual([
      '2026-01-05T07:00:01.000Z',
      '2026-01-05T07:00:02.000Z',
    ]);
  });

  it('refuses impossible schedules with a reason and an example of a valid form', () => {
    expect(error('yearly on february 30')).toMatch(/February 30 does not exist[\s\S]*weekly on monday 09:00/);
    expect(error('every 0 weeks')).toMatch(/from 1 to 52[\s\S]*Try for example/);
    expect(error('cron 61 9 * * 1')).toMatch(/not a valid cron expression[\s\S]*Try for example/);
    expect(error('cron 0 0 30 2 *')).toMatch(/never runs/);
    expect(error('weekly on monday in Mars/Olympus')).toMatch(
      /don’t know the time zone “Mars\/Olympus”[\s\S]*Europe\/Berlin/,
    );
    expect(error('weekly on monday at 25:00')).toMatch(/not a time of day/);
    expect(error('monthly on the 31st')).toMatch(/last day/);
    expect(error('whenever you feel like it')).toMatch(/can’t read/);
  });
});

describe('check-ins across daylight-saving changes', () => {
  it('keeps 09:00 Berlin time when the clocks go forward (UTC offset moves from +1 to +2)', () => {
    const parsed = parseSchedule('weekly on monday 09:00 in Europe/Berlin', { now: new Date('2026-03-20T00:00:00Z') });
    if (!parsed.ok) throw new Error(parsed.message);
    const utc = upcomingRuns(parsed.schedule, new Date('2026-03-20T00:00:00Z'), 2).map((d) => d.toISOString());
    expect(utc).toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('keeps every-2-weeks parity across the autumn change in New York', () => {
    const start = new Date('2026-10-20T00:00:00Z');
    const parsed = parseSchedule('every 2 weeks on monday 09:00 in America/New_York', { now: start });
    if (!parsed.ok) throw new Error(parsed.message);
    const utc = upcomingRuns(parsed.schedule, start, 3).map((d) => d.toISOString());
    // 26 Oct (EDT, UTC-4), 9 Nov and 23 Nov (EST, UTC-5): two weeks apart, always 09:00 local.
    expect(utc).toEqual(['2026-10-26T13:00:00.000Z', '2026-11-09T14:00:00.000Z', '2026-11-23T14:00:00.000Z']);
  });

  it('runs a 02:30 check-in once on the night that time does not exist', () => {
    const start = new Date('2026-03-07T12:00:00Z');
    const parsed = parseSchedule('daily at 02:30 in America/New_York', { now: start });
    if (!parsed.ok) throw new Error(parsed.message);
    const days = upcomingRuns(parsed.schedule, start, 3).map((d) => formatRun(d, 'America/New_York'));
    expect(days).toHaveLength(3);
    expect(new Set(days.map((d) => d.slice(0, 10))).size).toBe(3);
  });
});
