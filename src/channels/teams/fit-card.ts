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
 * Code units a JSON string may spend six bytes on: control characters without a short escape (`\u00XX`) and
 * surrogates (a lone one is escaped the same way; a pair takes four bytes, three per unit would do).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const WIDE_UNITS = /[\u0000-\u0007\u000b\u000e-\u001f\ud800-\udfff]/;

/**
 * An upper bound on the UTF-8 size of `value` as JSON (Infinity for what JSON writes as something else, which
 * the caller then measures exactly). A string costs at most three bytes per UTF-16 code unit, escapes such as
 * `\n` and `\"` included, or six when it holds a control character or a surrogate; a key, always short, is
 * counted at six without looking; a number at most 25 characters (`-0.00000` and 17 digits).
 */
export function jsonBytesAtMost(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return (WIDE_UNITS.test(value) ? 6 : 3) * value.length + 2;
    case 'number':
      return 25;
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
        bytes += 6 * key.length + 4 + jsonBytesAtMost(record[key]);
      }
      return bytes;
    }
    case 'bigint':
      return Number.POSITIVE_INFINITY;
    default:
      return 4; // undefined, functions and symbols inside arrays become null
  }
}
