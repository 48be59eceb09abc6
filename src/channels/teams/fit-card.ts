/**
 * Keeps a card message under Teams' ~28 KB activity limit: the longest text blocks are shortened
 * (with "…") until it fits, so the buttons always arrive. Text messages are split instead (split-text.ts).
 */
import type { TeamsActivity } from './teams-activity.js';

/** Budget for one card activity, leaving room for the envelope the SDK adds. */
export const TEAMS_CARD_BYTES = 26_000;

const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export function fitCard(activity: TeamsActivity, maxBytes = TEAMS_CARD_BYTES): TeamsActivity {
  if (!activity.attachments?.length || size(activity) <= maxBytes) return activity;
  const copy = structuredClone(activity);
  const blocks = copy.attachments!.flatMap((a) => a.content.body).filter((b) => typeof b.text === 'string') as {
    text: string;
  }[];
  while (size(copy) > maxBytes) {
    const longest = blocks.reduce((a, b) => (b.text.length > a.text.length ? b : a), blocks[0]!);
    if (!longest || longest.text.length < 40) break;
    longest.text = `${[...longest.text].slice(0, Math.floor(longest.text.length / 2)).join('')}…`;
  }
  return copy;
}
