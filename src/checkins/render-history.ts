/** History as people read it: the trend line ("2026-09-01 monolith → 2026-11-28 hybrid (confidence 72%)") and one line per assessment. */
import { VERDICT_LABELS, type Verdict } from '../core/assessment/assessment.js';
import { describeProfile } from '../core/render/describe-profile.js';
import type { HistoryEntry } from './history-store.js';

const short = (v: Verdict) => (VERDICT_LABELS[v] ?? v).split(':')[0]!.toLowerCase();
const day = (iso: string) => iso.slice(0, 10);

/** The verdict's path over time: every change, then where it stands now. */
export function renderTrend(entries: readonly HistoryEntry[]): string {
  if (!entries.length) return 'No assessments yet.';
  const points: HistoryEntry[] = [];
  for (const entry of entries) if (points.at(-1)?.verdict !== entry.verdict) points.push(entry);
  const last = entries.at(-1)!;
  if (points.at(-1) !== last) points.push(last);
  return points
    .map((p, i) => {
      const text = `${day(p.at)} ${p.verdict}`;
      return i === points.length - 1 ? `${text} (confidence ${Math.round(p.confidence * 100)}%)` : text;
    })
    .join(' → ');
}

/** One line per assessment, newest first: date, verdict, confidence, where it came from, key facts. */
export function renderHistoryLines(entries: readonly HistoryEntry[], max = 10): string[] {
  return [...entries]
    .reverse()
    .slice(0, max)
    .map((e) => {
      const facts = describeProfile(e.profile, ['engineers', 'teams', 'modelHosting', 'users', 'stage']).join(', ');
      return `${day(e.at)} · ${short(e.verdict)} (${Math.round(e.confidence * 100)}%) · ${e.source}${facts ? ` · ${facts}` : ''}`;
    });
}

/** The `history` chat reply. */
export function renderHistoryText(entries: readonly HistoryEntry[]): string {
  if (!entries.length) {
    return 'No assessments recorded for this conversation yet. Describe your system and I’ll recommend; each verdict is kept here.';
  }
  const lines = renderHistoryLines(entries);
  return [
    `**Trend:** ${renderTrend(entries)}`,
    '',
    `**Assessments** (${entries.length}, newest first${entries.length > lines.length ? `, showing ${lines.length}` : ''}):`,
    ...lines.map((l) => `- ${l}`),
  ].join('\n');
}
