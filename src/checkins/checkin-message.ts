/**
 * The message a check-in posts: the team's last assessment (date, verdict, key facts), flagged stale when
 * it is older than CHECKIN_STALE_DAYS, and "what changed?" with one quick reply per kind of change.
 */
import { VERDICT_LABELS } from '../core/assessment/assessment.js';
import type { OutMessage } from '../core/message.js';
import { describeProfile } from '../core/render/describe-profile.js';
import { CHANGE_KINDS, CHANGE_LABELS, type ChangeKind } from './checkin-questions.js';
import type { CheckinRecord } from './checkin-store.js';
import type { HistoryEntry } from './history-store.js';
import { formatRun } from './schedule.js';

export const ACTION_PREFIX = 'checkin:';
const DAY_MS = 24 * 3_600_000;

/** Quick-reply value for a change kind on a check-in. */
export const changeValue = (checkinId: string, kind: ChangeKind) => `${ACTION_PREFIX}change:${checkinId}:${kind}`;

export interface CheckinMessageInput {
  record: Pick<CheckinRecord, 'id' | 'schedule'>;
  last?: Pick<HistoryEntry, 'at' | 'verdict' | 'confidence' | 'profile'>;
  scheduledAt: Date;
  now: Date;
  staleDays: number;
}

/** True when the assessment is older than the stale threshold. */
export function isStale(at: string, now: Date, staleDays: number): boolean {
  return now.getTime() - Date.parse(at) > staleDays * DAY_MS;
}

export function checkinMessage(input: CheckinMessageInput): OutMessage {
  const { record, last, now, staleDays } = input;
  const lines = [`**Architecture check-in** for ${formatRun(input.scheduledAt, record.schedule.timeZone)}`];
  if (last) {
    const verdict = VERDICT_LABELS[last.verdict] ?? last.verdict;
    const facts = describeProfile(last.profile).slice(0, 8);
    lines.push(
      `Last assessment: ${last.at.slice(0, 10)}: **${verdict}** (confidence ${Math.round(last.confidence * 100)}%).`,
    );
    if (facts.length) lines.push(`Key facts: ${facts.join(', ')}.`);
    if (isStale(last.at, now, staleDays)) {
      const days = Math.floor((now.getTime() - Date.parse(last.at)) / DAY_MS);
      lines.push(`⚠️ Stale: this assessment is ${days} days old (more than ${staleDays}). Worth a refresh.`);
    }
    lines.push('', 'What changed since then?');
  } else {
    lines.push(
      'There is no assessment for this team yet. Tell me what you are building (“Update everything”), or describe your system in a message.',
    );
  }
  return {
    type: 'text',
    text: lines.join('\n'),
    quickReplies: CHANGE_KINDS.filter((k) => last || k === 'all').map((kind) => ({
      label: CHANGE_LABELS[kind],
      value: changeValue(record.id, kind),
    })),
  };
}
