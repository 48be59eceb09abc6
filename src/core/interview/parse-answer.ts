/** Small parsers for typed answers: yes/no, counts, and keyword choices. */

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

const WORDS: Record<string, number> = {
  one: 1,
  couple: 2,
  few: 3,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};

/** The first count in the text ("12", "about a dozen", "5-10" → 8), undefined if none. */
export function parseCount(text: string): number | undefined {
  const t = text.toLowerCase();
  const range = /(\d{1,6})\s*(?:-|–|to)\s*(\d{1,6})/.exec(t);
  if (range) return Math.round((Number(range[1]) + Number(range[2])) / 2);
  const digits = /(\d{1,6})\s*(\+|plus)?/.exec(t);
  if (digits) return Number(digits[1]);
  const word = new RegExp(`\\b(${Object.keys(WORDS).join('|')})\\b`).exec(t);
  if (word) return WORDS[word[1]!];
  if (/\bjust me\b|\bsolo\b|\bonly me\b/.test(t)) return 1;
  return undefined;
}
