/**
 * Reads a schedule the way people type it ("weekly on monday 09:00 in Europe/Berlin", "every 2 weeks",
 * "monthly", "first tuesday of the month", or a cron expression) into a croner pattern. Impossible
 * schedules get a plain message with an example of a valid form, never a guess.
 */
import { Cron } from 'croner';
import { quoteUserText } from '../core/render/quote-user-text.js';
import { nextRun, type Schedule } from './schedule.js';

export type ParsedSchedule = { ok: true; schedule: Schedule } | { ok: false; message: string };

export const SCHEDULE_EXAMPLES = [
  'weekly on monday 09:00',
  'every 2 weeks on thursday 15:30',
  'monthly',
  'first tuesday of the month 10:00',
  'cron 0 9 * * 1-5 in America/New_York',
];

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const ORDINALS: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4', last: 'L' };

const fail = (message: string): ParsedSchedule => ({
  ok: false,
  message: `${message}\nTry for example: \`${SCHEDULE_EXAMPLES.join('`, `')}\` (add \`in Europe/Berlin\` for a time zone).`,
});

const cap = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const dayIndex = (word: string) => DAYS.findIndex((d) => d === word || d.slice(0, 3) === word);
const monthIndex = (word: string) => MONTHS.findIndex((m) => m === word || m.slice(0, 3) === word);

/** The canonical IANA name, or undefined when the zone does not exist. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

interface Time {
  hour: number;
  minute: number;
}

/** Pulls "at 9", "09:00", "9:30pm", "14h" out of the text; an impossible time is an error. */
function takeTime(text: string): { rest: string; time?: Time; error?: string } {
  const m = /(?:\bat\s+)?\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b(?!\s*(?:weeks?|days?|st|nd|rd|th))/i.exec(text);
  if (!m || (!m[2] && !m[3] && !/\bat\s+\d/i.test(m[0]))) return { rest: text };
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const suffix = m[3]?.toLowerCase();
  if (suffix && (hour < 1 || hour > 12)) return { rest: text, error: `“${m[0].trim()}” is not a time of day.` };
  if (suffix === 'pm' && hour < 12) hour += 12;
  if (suffix === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return { rest: text, error: `“${m[0].trim()}” is not a time of day.` };
  return { rest: text.replace(m[0], ' '), time: { hour, minute } };
}

const hhmm = (t: Time) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** Parses a schedule; `defaultTimeZone` is the user's zone when the platform knows it, else UTC. */
export function parseSchedule(input: string, options: { defaultTimeZone?: string; now: Date }): ParsedSchedule {
  let text = input.trim().replace(/\s+/g, ' ');
  if (!text) return fail('Tell me when to check in.');

  // Time zone: "in Europe/Berlin" (or "tz UTC") at the end.
  let timeZone = options.defaultTimeZone ? canonicalTimeZone(options.defaultTimeZone) : undefined;
  const zone = /\s*\b(?:in|tz)\s+([A-Za-z][\w+\-/]*)\s*$/i.exec(text);
  if (zone) {
    const found = canonicalTimeZone(zone[1]!);
    if (!found) return fail(`I don’t know the time zone “${zone[1]}”. Use an IANA name such as Europe/Berlin or UTC.`);
    timeZone = found;
    text = text.slice(0, zone.index).trim();
  }
  timeZone ??= 'UTC';

  const cronMatch = /^(?:cron\s+)?((?:[\d*?LW#,/\-A-Za-z]+\s+){4,6}[\d*?LW#,/\-A-Za-z]+)$/.exec(text);
  if (/^cron\b/i.test(text) || (cronMatch && /^[\d*]/.test(text))) {
    const pattern = (cronMatch?.[1] ?? text.replace(/^cron\s*/i, '')).trim();
    return fromCron(pattern, timeZone, `cron ${pattern}`, options.now);
  }

  const lower = text.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();
  const timed = takeTime(lower);
  if (timed.error) return fail(timed.error);
  const time = timed.time ?? { hour: 9, minute: 0 };
  const rest = timed.rest
    .replace(/\b(at|on|the|every|each)\b/g, (w) => (w === 'every' || w === 'each' ? 'every' : ' '))
    .replace(/\s+/g, ' ')
    .trim();
  const at = `at ${hhmm(time)}`;
  const base = (dom: string, month: string, dow: string) => `0 ${time.minute} ${time.hour} ${dom} ${month} ${dow}`;

  // every N weeks [on <day>]
  const weeks = /^every (\d+|other) weeks?(?: ([a-z]+))?$/.exec(rest);
  if (weeks) {
    const n = weeks[1] === 'other' ? 2 : Number(weeks[1]);
    if (!Number.isInteger(n) || n < 1 || n > 52) {
      return fail(`“every ${weeks[1]} weeks” can’t run: use a number of weeks from 1 to 52.`);
    }
    const day = weeks[2] ? dayIndex(weeks[2]) : 1;
    if (day < 0) return fail(`“${weeks[2]}” is not a day of the week.`);
    const description = `${n === 1 ? 'weekly' : `every ${n} weeks`} on ${cap(DAYS[day]!)} ${at}`;
    return fromCron(base('*', '*', String(day)), timeZone, description, options.now, n > 1 ? n : undefined);
  }
  // weekly [on <day>] | every <day>
  const weekly = /^(?:weekly|every week)(?: ([a-z]+))?$/.exec(rest) ?? /^every ([a-z]+)$/.exec(rest);
  if (weekly && (weekly[1] === undefined || dayIndex(weekly[1]) >= 0)) {
    const day = weekly[1] ? dayIndex(weekly[1]) : 1;
    return fromCron(base('*', '*', String(day)), timeZone, `weekly on ${cap(DAYS[day]!)} ${at}`, options.now);
  }
  if (/^(?:daily|every day)$/.test(rest)) return fromCron(base('*', '*', '*'), timeZone, `daily ${at}`, options.now);
  if (/^(?:weekdays|every weekday)$/.test(rest)) {
    return fromCron(base('*', '*', '1-5'), timeZone, `every weekday ${at}`, options.now);
  }
  // first|second|third|fourth|last <day> of (the|every) month
  const nth = /^(?:every )?(first|second|third|fourth|last) ([a-z]+) (?:of )?(?:the |each |every )?month$/.exec(
    rest.replace(/\bof\b/g, 'of'),
  );
  if (nth) {
    const day = dayIndex(nth[2]!);
    if (day < 0) return fail(`“${nth[2]}” is not a day of the week.`);
    return fromCron(
      base('*', '*', `${day}#${ORDINALS[nth[1]!]}`),
      timeZone,
      `${nth[1]} ${cap(DAYS[day]!)} of the month ${at}`,
      options.now,
    );
  }
  // monthly [on day N | on the Nth] | every month
  const monthly = /^(?:monthly|every month)(?: (?:day )?(\d{1,2})(?:st|nd|rd|th)?| (last) day)?$/.exec(rest);
  if (monthly) {
    if (monthly[2]) return fromCron(base('L', '*', '*'), timeZone, `monthly on the last day ${at}`, options.now);
    const dom = monthly[1] ? Number(monthly[1]) : 1;
    if (dom < 1 || dom > 31) return fail(`There is no day ${dom} in a month.`);
    if (dom > 28) {
      return fail(
        `Not every month has a day ${dom}, so that check-in would skip months. Use “monthly on the last day” or a day from 1 to 28.`,
      );
    }
    return fromCron(base(String(dom), '*', '*'), timeZone, `monthly on day ${dom} ${at}`, options.now);
  }
  // yearly on <month> <day> | every <month> <day> | <day> <month>
  const yearly =
    /^(?:yearly |annually |every year |every )?([a-z]+) (\d{1,2})(?:st|nd|rd|th)?$/.exec(rest) ??
    /^(?:yearly |annually |every year |every )?(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)$/.exec(rest);
  if (yearly) {
    const [a, b] = [yearly[1]!, yearly[2]!];
    const monthWord = /^\d/.test(a) ? b : a;
    const dom = Number(/^\d/.test(a) ? a : b);
    const month = monthIndex(monthWord);
    if (month >= 0) {
      if (dom < 1 || dom > DAYS_IN_MONTH[month]!) {
        return fail(`${cap(MONTHS[month]!)} ${dom} does not exist, so that check-in would never run.`);
      }
      return fromCron(
        base(String(dom), String(month + 1), '*'),
        timeZone,
        `yearly on ${cap(MONTHS[month]!)} ${dom} ${at}`,
        options.now,
      );
    }
  }
  return fail(`I can’t read “${quoteUserText(input.trim())}” as a schedule.`);
}

function fromCron(
  pattern: string,
  timeZone: string,
  description: string,
  now: Date,
  everyWeeks?: number,
): ParsedSchedule {
  try {
    new Cron(pattern, { timezone: timeZone, paused: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^CronPattern:\s*/, '') : 'invalid pattern';
    return fail(`“${quoteUserText(pattern)}” is not a valid cron expression (${quoteUserText(detail)}).`);
  }
  const schedule: Schedule = { pattern, timeZone, description: `${description} (${timeZone})` };
  const first = nextRun(schedule, now);
  if (!first) return fail(`“${quoteUserText(pattern)}” never runs (no such date from now on).`);
  if (everyWeeks) {
    schedule.everyWeeks = everyWeeks;
    schedule.anchor = first.toISOString();
  }
  return { ok: true, schedule };
}
