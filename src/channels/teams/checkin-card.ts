/**
 * A bare `checkin` in Teams answers with an Adaptive Card form (how often, day, time, time zone, or any
 * plain/cron schedule). Its submit comes back as `activity.value` with the inputs merged in; it is read
 * as the typed command `checkin <schedule>`, so the card and typing schedule the same way.
 */
import type { CommandRouter } from '../../app/commands.js';
import { attachment, card, heading, SUBMIT_KEY, textBlock } from './adaptive-card.js';
import type { TeamsActivity } from './teams-activity.js';

export const CHECKIN_FORM = 'checkin:form';

const choice = (title: string, value = title.toLowerCase()) => ({ title, value });
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** True for `checkin` with nothing after it, when check-ins are on (the command is registered). */
export function wantsCheckinCard(text: string, commands: Pick<CommandRouter, 'list'>): boolean {
  return /^\s*\/?checkin\s*$/i.test(text) && commands.list().some((c) => c.name === 'checkin');
}

/** The form, with the user's time zone filled in when Teams sent it (activity.localTimezone). */
export function checkinCard(timeZone = 'UTC'): TeamsActivity {
  return {
    type: 'message',
    summary: 'Schedule a check-in',
    attachments: [
      attachment(
        card(
          [
            heading('Schedule an architecture check-in'),
            textBlock('I’ll post this chat’s last assessment on this schedule and ask what changed.'),
            {
              type: 'Input.ChoiceSet',
              id: 'checkinFreq',
              label: 'How often',
              value: 'weekly on {day}',
              choices: [
                choice('Weekly', 'weekly on {day}'),
                choice('Every 2 weeks', 'every 2 weeks on {day}'),
                choice('Every 4 weeks', 'every 4 weeks on {day}'),
                choice('First of those days each month', 'first {day} of the month'),
                choice('Monthly (the 1st)', 'monthly'),
              ],
            },
            {
              type: 'Input.ChoiceSet',
              id: 'checkinDay',
              label: 'Day',
              value: 'monday',
              choices: DAYS.map((d) => choice(d)),
            },
            { type: 'Input.Time', id: 'checkinTime', label: 'Time', value: '09:00' },
            { type: 'Input.Text', id: 'checkinTz', label: 'Time zone', value: timeZone },
            {
              type: 'Input.Text',
              id: 'checkinCustom',
              label: 'Or type any schedule (overrides the above)',
              placeholder: 'e.g. last friday of the month 16:00, or cron 0 9 * * 1-5',
            },
          ],
          [{ type: 'Action.Submit', title: 'Schedule', data: { [SUBMIT_KEY]: CHECKIN_FORM, label: 'Schedule' } }],
        ),
      ),
    ],
  };
}

/** The `checkin <schedule>` command a submitted form stands for, or undefined when it is not that form. */
export function readCheckinForm(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const data = ((v.action as { data?: unknown } | undefined)?.data ?? v) as Record<string, unknown>;
  if (data[SUBMIT_KEY] !== CHECKIN_FORM) return undefined;
  const field = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
  const tz = field('checkinTz') || 'UTC';
  const custom = field('checkinCustom');
  if (custom) return `checkin ${/\b(in|tz)\s+\S+$/i.test(custom) ? custom : `${custom} in ${tz}`}`;
  const freq = (field('checkinFreq') || 'weekly on {day}').replace('{day}', field('checkinDay') || 'monday');
  return `checkin ${freq} ${field('checkinTime') || '09:00'} in ${tz}`;
}
