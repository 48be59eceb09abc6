/**
 * Keeps a card message under Teams' ~28 KB activity limit: the longest text blocks are shortened
 * (with "…") until it fits, so the buttons always arrive. Text messages are split instead (split-text.ts).
 */
import type { TeamsActivity } from './teams-activity.js';

/** Budget for one card activity, leaving room for the envelope the SDK adds. */
export const TEAMS_CARD_BYTES = 26_000;

const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

export function fitCard(activity: TeamsActivity, maxBytes = TEAMS_CARD_BYTES): TeamsActivity {
  // Nearly every card is a fraction of the limit: a bound that walks the card settles those without
  // serialising it (the SDK serialises every activity again on the way out).
  if (!activity.attachments?.length || jsonBytesAtMost(activity) <= maxBytes || size(activity) <= maxBytes) {
    return activity;
  }
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

/**
 * Control characters JSON writes as a six-byte `\u00XX` escape (those without a short one such as `\n`).
 * Lone surrogates are escaped the same way; isWellFormed finds those.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const SIX_BYTE_ESCAPES = /[\u0000-\u0007\u000b\u000e-\u001f]/;

/**
 * An upper bound on the UTF-8 size of `value` as JSON, or Infinity when a string holds characters that
 * JSON escapes to six bytes (the caller then measures exactly). Every other UTF-16 code unit takes at most
 * three bytes, escapes included (`\n`, `\"`); numbers at most 24 characters.
 */
export function jsonBytesAtMost(value: unknown): number {
  switch (typeof value) {
    case 'string':
      if (SIX_BYTE_ESCAPES.test(value) || !(value as string & { isWellFormed(): boolean }).isWellFormed()) {
        return Number.POSITIVE_INFINITY;
      }
      return 3 * value.length + 2;
    case 'number':
      return 24;
    case 'boolean':
      return 5;
    case 'object': {
      if (value === null) return 4;
      let bytes = 2;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) bytes += jsonBytesAtMost(value[i]) + 1;
        return bytes;
      }
      // A Date or any object with toJSON serialises as something else: measure it exactly.
      if (Object.getPrototypeOf(value) !== Object.prototype) return Number.POSITIVE_INFINITY;
      const record = value as Record<string, unknown>;
      for (const key in record) {
        // Undefined, functions and symbols are left out by JSON.stringify; counting them only loosens the bound.
        bytes += jsonBytesAtMost(key) + 1 + jsonBytesAtMost(record[key]) + 1;
      }
      return bytes;
    }
    case 'bigint':
      return Number.POSITIVE_INFINITY;
    default:
      return 4; // undefined, functions and symbols inside arrays become null
  }
}
