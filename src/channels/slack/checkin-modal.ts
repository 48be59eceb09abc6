/**
 * `/archie checkin` with nothing after it opens a Block Kit modal (views.open with the command's
 * trigger_id): how often, which day, what time, which time zone, or any plain/cron form. Submitting it
 * runs the same `checkin` command as typing it, so both paths schedule the same way.
 */
import type { App, webApi } from '@slack/bolt';
import type { ChannelDeps } from '../../app/channel.js';
import type { CommandContext } from '../../app/commands.js';
import { canonicalTimeZone, parseSchedule } from '../../checkins/parse-schedule.js';
import { createReplyPoster } from './post-replies.js';
import { conversationIdFor, createLatestIndex } from './slack-place.js';

export const CHECKIN_MODAL = 'archie-checkin';

interface Place {
  teamId: string;
  channelId: string;
  userId: string;
}

const option = (text: string, value = text) => ({ text: { type: 'plain_text' as const, text }, value });
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const FREQUENCIES = [
  option('Weekly', 'weekly on {day}'),
  option('Every 2 weeks', 'every 2 weeks on {day}'),
  option('Every 4 weeks', 'every 4 weeks on {day}'),
  option('First of those days each month', 'first {day} of the month'),
  option('Monthly (the 1st)', 'monthly'),
];

/** The modal, with the user's time zone filled in when Slack told us. */
export function checkinModal(place: Place, timeZone = 'UTC') {
  const input = (block_id: string, label: string, element: Record<string, unknown>, optional = false) => ({
    type: 'input',
    block_id,
    optional,
    label: { type: 'plain_text', text: label },
    element: { action_id: block_id, ...element },
  });
  return {
    type: 'modal' as const,
    callback_id: CHECKIN_MODAL,
    private_metadata: JSON.stringify(place),
    title: { type: 'plain_text' as const, text: 'Schedule a check-in' },
    submit: { type: 'plain_text' as const, text: 'Schedule' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'I’ll post this channel’s last assessment on this schedule and ask what changed.',
        },
      },
      input('freq', 'How often', { type: 'static_select', options: FREQUENCIES, initial_option: FREQUENCIES[0] }),
      input('day', 'Day', {
        type: 'static_select',
        options: DAYS.map((d) => option(d[0]!.toUpperCase() + d.slice(1), d)),
        initial_option: option('Monday', 'monday'),
      }),
      input('time', 'Time', { type: 'timepicker', initial_time: '09:00' }),
      input('tz', 'Time zone', { type: 'plain_text_input', initial_value: timeZone }),
      input(
        'custom',
        'Or type any schedule (overrides the above)',
        {
          type: 'plain_text_input',
          placeholder: { type: 'plain_text', text: 'e.g. last friday of the month 16:00, or cron 0 9 * * 1-5' },
        },
        true,
      ),
    ],
  };
}

/** Opens the modal for a bare `/archie checkin`. */
export async function openCheckinModal(
  client: webApi.WebClient,
  deps: ChannelDeps,
  triggerId: string,
  place: Place,
): Promise<void> {
  let timeZone: string | undefined;
  try {
    timeZone = (await client.users.info({ user: place.userId })).user?.tz;
  } catch (error) {
    deps.logger.debug({ err: error }, 'Slack users.info failed; modal defaults to UTC');
  }
  await client.views.open({ trigger_id: triggerId, view: checkinModal(place, timeZone) as never });
}

type Values = Record<
  string,
  Record<string, { value?: string | null; selected_time?: string | null; selected_option?: { value: string } | null }>
>;

/** The schedule text the modal's fields describe (the free-text field wins when filled). */
export function scheduleFromModal(values: Values): string {
  const field = (block: string) => values[block]?.[block];
  const tz = field('tz')?.value?.trim() || 'UTC';
  const custom = field('custom')?.value?.trim();
  if (custom) return /\b(in|tz)\s+\S+$/i.test(custom) ? custom : `${custom} in ${tz}`;
  const day = field('day')?.selected_option?.value ?? 'monday';
  const freq = (field('freq')?.selected_option?.value ?? 'weekly on {day}').replace('{day}', day);
  return `${freq} ${field('time')?.selected_time ?? '09:00'} in ${tz}`;
}

/** Handles the modal's submission: field errors stay in the modal; success is posted in the channel. */
export function registerCheckinModal(app: App, deps: ChannelDeps, client: webApi.WebClient): void {
  const latest = createLatestIndex(deps.store);
  const post = createReplyPoster(client, deps.logger);
  app.view(CHECKIN_MODAL, async ({ ack, view, body }) => {
    const place = JSON.parse(view.private_metadata || '{}') as Place;
    const values = view.state.values as Values;
    const tz = values.tz?.tz?.value?.trim();
    if (tz && !canonicalTimeZone(tz)) {
      return void (await ack({
        response_action: 'errors',
        errors: { tz: `Unknown time zone “${tz}”. Use e.g. Europe/Berlin or UTC.` },
      }));
    }
    const text = scheduleFromModal(values);
    const parsed = parseSchedule(text, { now: deps.clock.now() });
    if (!parsed.ok) {
      const block = values.custom?.custom?.value ? 'custom' : 'freq';
      return void (await ack({ response_action: 'errors', errors: { [block]: parsed.message.slice(0, 2900) } }));
    }
    await ack();
    const ctx: CommandContext = {
      target: { channel: 'slack', key: place.channelId, meta: { team_id: place.teamId } },
      conversationId:
        (await latest.forChannel(place.channelId)) ??
        conversationIdFor({ teamId: place.teamId, channelId: place.channelId }),
      userId: body.user.id,
      timeZone: tz,
    };
    const replies = await deps.commands.tryText(`checkin ${text}`, ctx);
    if (replies) await post({ channelId: place.channelId }, replies);
  });
}
