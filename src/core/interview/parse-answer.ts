/** Small parsers for typed answers: yes/no, counts, and keyword choices. */
import { findQuantities, normalizeText } from '../extraction/numbers.js';

const NO = /\b(no|nope|nah|not|none|never|false|negative|without)\b|n['’]t\b|^\s*n\s*$/i;
const YES =
  /\b(yes|yeah|yep|yup|sure|true|correct|absolutely|definitely|indeed|affirmative|we do|we have|we are|of course)\b|^\s*y\s*$/i;

/** true / false for a yes-no answer, undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const no = NO.test(t);
  const yes = YES.test(t);
  if (no && !/^\s*(yes|yeah|yep)\b/i.test(t)) return false;
  if (yes) return true;
  return undefined;
}

/** Vague counts the extractor's number reader leaves alone. */
const VAGUE: Record<string, number> = { couple: 2, few: 3, handful: 5, dozen: 12 };

/**
 * The first count in a typed answer ("12", "about a dozen", "twenty-five", "1,000", "200k", "5-10" → 8),
 * read with the extractor's number reader so answers and descriptions agree; undefined if none.
 */
export function parseCount(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/\bjust me\b|\bsolo\b|\bonly me\b/.test(t)) return 1;
  const first = findQuantities(normalizeText(text).text)[0];
  if (first) return Math.round(first.value);
  const vague = /\b(couple|few|handful|dozen)\b/.exec(t);
  return vague ? VAGUE[vague[1]!] : undefined;
}
