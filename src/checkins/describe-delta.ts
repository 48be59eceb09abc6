/**
 * What a check-in re-assessment changed: the verdict (kept or moved), the facts that changed, and the
 * factors that moved the most, each with the sources behind it.
 */
import { type Citation, VERDICT_LABELS, type Verdict } from '../core/assessment/assessment.js';
import type { OutMessage } from '../core/message.js';
import { FACT_KEYS, type FactKey, type TeamProfile } from '../core/profile/profile.js';
import { describeFact } from '../core/render/describe-profile.js';
import type { HistoryEntry } from './history-store.js';

type Snapshot = Pick<HistoryEntry, 'verdict' | 'confidence' | 'profile' | 'factors' | 'at'>;

const label = (v: Verdict) => VERDICT_LABELS[v].split(':')[0]!.toLowerCase();
const pct = (c: number) => `${Math.round(c * 100)}%`;

/** Facts whose value differs between two profiles, as "8 engineers → 30 engineers". */
export function changedFacts(before: TeamProfile, after: TeamProfile): string[] {
  return FACT_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k: FactKey) => {
    const was = describeFact(before, k) ?? (before[k] === undefined ? 'unknown' : String(before[k]));
    const now = describeFact(after, k) ?? (after[k] === undefined ? 'unknown' : String(after[k]));
    return `${was} → ${now}`;
  });
}

export interface MovedFactor {
  id: string;
  label: string;
  /** Change of this factor's push towards the current verdict (positive: now supports it more). */
  delta: number;
  /** New since the last assessment, gone from it, or present in both. */
  change: 'new' | 'gone' | 'moved';
  explanation: string;
  citations: Citation[];
}

/** Factors whose push towards the new verdict changed, biggest move first. */
export function movedFactors(before: Snapshot, after: Snapshot, limit = 4): MovedFactor[] {
  const push = (s: Snapshot, id: string) => s.factors.find((f) => f.id === id)?.contributions[after.verdict] ?? 0;
  const ids = [...new Set([...before.factors.map((f) => f.id), ...after.factors.map((f) => f.id)])];
  return ids
    .map((id) => {
      const factor = after.factors.find((f) => f.id === id) ?? before.factors.find((f) => f.id === id)!;
      const present = after.factors.some((f) => f.id === id);
      const existed = before.factors.some((f) => f.id === id);
      return {
        id,
        label: factor.label,
        delta: Math.round((push(after, id) - push(before, id)) * 100) / 100,
        change: (!present ? 'gone' : existed ? 'moved' : 'new') as MovedFactor['change'],
        explanation: factor.explanation,
        citations: factor.citations,
      };
    })
    .filter((f) => Math.abs(f.delta) >= 0.05)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
    .slice(0, limit);
}

/** The delta message posted after a check-in re-assessment. */
export function deltaMessage(before: Snapshot, after: Snapshot): OutMessage {
  const kept = before.verdict === after.verdict;
  const head = kept
    ? `Verdict kept: ${label(after.verdict)} (confidence ${pct(before.confidence)} → ${pct(after.confidence)}).`
    : `Verdict changed: ${label(before.verdict)} → ${label(after.verdict)} (confidence ${pct(after.confidence)}).`;
  const facts = changedFacts(before.profile, after.profile);
  const factors = movedFactors(before, after);
  const lines = [`**${head}**`];
  lines.push(facts.length ? `What changed: ${facts.join('; ')}.` : 'No facts changed since the last assessment.');
  if (factors.length) {
    lines.push('', 'Factors that moved:');
    const v = label(after.verdict);
    for (const f of factors) {
      const size = Math.abs(f.delta);
      const sources = f.citations.length ? ` (sources: ${f.citations.map((c) => c.title).join('; ')})` : '';
      const line =
        f.change === 'gone'
          ? `no longer applies; it counted ${size} ${f.delta > 0 ? 'against' : 'for'} ${v}.`
          : `${f.change === 'new' ? 'new, ' : ''}${f.delta > 0 ? `+${size} towards` : `${size} away from`} ${v}. ${f.explanation}`;
      lines.push(`- ${f.label}: ${line}${sources}`);
    }
  } else {
    lines.push('', 'No factor moved enough to matter.');
  }
  const citations = dedupe(factors.flatMap((f) => f.citations));
  return { type: 'text', text: lines.join('\n'), citations };
}

function dedupe(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => !seen.has(c.id) && seen.add(c.id));
}
