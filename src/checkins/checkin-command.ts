/**
 * The `checkin` chat command every channel offers: create a schedule in plain words or cron (always with
 * a time zone), list, pause, resume, cancel, run now; and the buttons a check-in posts (`checkin:` values).
 */
import { randomBytes } from 'node:crypto';
import type { ChatCommand, CommandContext } from '../app/commands.js';
import type { Clock } from '../core/clock.js';
import type { OutMessage } from '../core/message.js';
import { ACTION_PREFIX } from './checkin-message.js';
import { CHANGE_KINDS, type ChangeKind } from './checkin-questions.js';
import type { CheckinScheduler } from './checkin-scheduler.js';
import { belongsTo, type CheckinRecord, type CheckinStore } from './checkin-store.js';
import { parseSchedule, SCHEDULE_EXAMPLES } from './parse-schedule.js';
import type { ReassessSessions } from './reassess-session.js';
import { formatRun, nextRun, upcomingRuns } from './schedule.js';

export interface CheckinCommandDeps {
  checkins: CheckinStore;
  scheduler: Pick<CheckinScheduler, 'upsert' | 'remove' | 'runNow'>;
  sessions: ReassessSessions;
  clock: Clock;
  /** Most schedules one channel or chat may have (abuse limit). Default 10. */
  maxPerPlace?: number;
}

const text = (t: string, extra: Partial<Extract<OutMessage, { type: 'text' }>> = {}): OutMessage[] => [
  { type: 'text', text: t, ...extra },
];

export const CHECKIN_HELP = [
  '**Scheduled check-ins**: I post your last assessment on a schedule and ask what changed.',
  `- \`checkin <when>\`: schedule one here, e.g. \`checkin ${SCHEDULE_EXAMPLES[0]} in Europe/Berlin\`, \`checkin ${SCHEDULE_EXAMPLES[1]}\`, \`checkin ${SCHEDULE_EXAMPLES[2]}\`, \`checkin ${SCHEDULE_EXAMPLES[3]}\`, \`checkin cron 0 9 * * 1-5\``,
  '- `checkin list` · `checkin pause <id>` · `checkin resume <id>` · `checkin cancel <id>` · `checkin now [id]`',
  'Times are in your time zone when I know it, else UTC; add `in <Area/City>` to choose.',
].join('\n');

const newId = () => randomBytes(4).toString('hex').slice(0, 6);

export function createCheckinCommand(deps: CheckinCommandDeps): ChatCommand {
  const { checkins, scheduler, sessions, clock } = deps;
  const maxPerPlace = deps.maxPerPlace ?? 10;

  const here = (ctx: CommandContext) => checkins.forConversation(ctx.conversationId, ctx.target);

  /** A check-in by id, only when it belongs to this channel or chat (ids are not secrets, places are). */
  async function find(id: string | undefined, ctx: CommandContext): Promise<CheckinRecord | OutMessage[]> {
    const mine = await here(ctx);
    if (!id) {
      if (mine.length === 1) return mine[0]!;
      return text(
        mine.length
          ? `Which one? ${mine.map((r) => `\`${r.id}\``).join(', ')} (see \`checkin list\`).`
          : 'There are no check-ins here. Create one with `checkin weekly on monday 09:00`.',
      );
    }
    const found = mine.find((r) => r.id === id.toLowerCase());
    return found ?? text(`There is no check-in \`${id}\` here. \`checkin list\` shows this channel’s check-ins.`);
  }

  function describe(r: CheckinRecord): string {
    const now = clock.now();
    const next = r.status === 'active' ? nextRun(r.schedule, now) : undefined;
    const state =
      r.status === 'paused'
        ? `paused${r.pausedReason ? ` (${r.pausedReason})` : ''}`
        : next
          ? `next ${formatRun(next, r.schedule.timeZone)}`
          : 'finished (no more runs)';
    return `\`${r.id}\` · ${r.schedule.description} · ${state}`;
  }

  async function create(spec: string, ctx: CommandContext): Promise<OutMessage[]> {
    const parsed = parseSchedule(spec, { defaultTimeZone: ctx.timeZone, now: clock.now() });
    if (!parsed.ok) return text(parsed.message);
    if ((await here(ctx)).length >= maxPerPlace) {
      return text(`This place already has ${maxPerPlace} check-ins. Cancel one first (\`checkin list\`).`);
    }
    const record: CheckinRecord = {
      schemaVersion: 1,
      id: newId(),
      conversationId: ctx.conversationId,
      target: ctx.target,
      schedule: parsed.schedule,
      status: 'active',
      createdAt: clock.now().toISOString(),
      ...(ctx.userId ? { createdBy: ctx.userId } : {}),
    };
    await checkins.save(record);
    await scheduler.upsert(record);
    const runs = upcomingRuns(record.schedule, clock.now(), 2).map((d) => formatRun(d, record.schedule.timeZone));
    return text(
      `Check-in \`${record.id}\` scheduled: ${record.schedule.description}.\nNext: ${runs.join(', then ')}.\nManage it with \`checkin pause ${record.id}\`, \`checkin cancel ${record.id}\` or \`checkin now ${record.id}\`.`,
    );
  }

  async function setStatus(id: string | undefined, ctx: CommandContext, status: 'active' | 'paused') {
    const found = await find(id, ctx);
    if (Array.isArray(found)) return found;
    const record: CheckinRecord = { ...found, status, pausedReason: undefined };
    await checkins.save(record);
    if (status === 'active') await scheduler.upsert(record);
    else await scheduler.remove(record.id);
    return text(
      status === 'active'
        ? `Resumed: ${describe(record)}.`
        : `Paused \`${record.id}\`. \`checkin resume ${record.id}\` restarts it.`,
    );
  }

  return {
    name: 'checkin',
    summary: 'Schedule architecture check-ins here (`checkin weekly on monday 09:00`, `checkin list`, `checkin now`)',
    actionPrefix: ACTION_PREFIX,

    run: async (args, ctx) => {
      const [word = '', id] = args.split(/\s+/);
      switch (word.toLowerCase()) {
        case '':
        case 'help':
          return text(CHECKIN_HELP);
        case 'list': {
          const mine = await here(ctx);
          if (!mine.length) return text('No check-ins here yet. Try `checkin weekly on monday 09:00`.');
          return text(['**Check-ins here:**', ...mine.map((r) => `- ${describe(r)}`)].join('\n'));
        }
        case 'pause':
          return setStatus(id, ctx, 'paused');
        case 'resume':
          return setStatus(id, ctx, 'active');
        case 'cancel':
        case 'delete': {
          const found = await find(id, ctx);
          if (Array.isArray(found)) return found;
          await scheduler.remove(found.id);
          await checkins.remove(found.id);
          return text(`Cancelled check-in \`${found.id}\` (${found.schedule.description}).`);
        }
        case 'now': {
          const found = await find(id, ctx);
          if (Array.isArray(found)) return found;
          await scheduler.runNow(found);
          return text(`Running check-in \`${found.id}\` now.`);
        }
        default:
          return create(
            args.replace(/^(create|add|schedule|every)\b\s*/i, (m) => (/^every/i.test(m) ? m : '')),
            ctx,
          );
      }
    },

    onAction: async (value, ctx) => {
      const [, verb, id, ...rest] = value.split(':');
      const record = id ? await checkins.get(id) : undefined;
      if (!record) return text('That check-in was cancelled, so its buttons no longer work.');
      // A button value can be sent from anywhere (the web chat takes any value): act only where it was posted.
      if (!belongsTo(record, ctx.conversationId, ctx.target)) {
        return text('That button belongs to a check-in in another channel or chat, so it does nothing here.');
      }
      if (verb === 'change' && CHANGE_KINDS.includes(rest[0] as ChangeKind)) {
        return sessions.start(record.id, record.conversationId, rest[0] as ChangeKind);
      }
      if (verb === 'answer' && rest.length === 2) {
        return sessions.answer(record.id, record.conversationId, rest[0]!, rest[1]!);
      }
      return text('That button is no longer active.');
    },
  };
}
