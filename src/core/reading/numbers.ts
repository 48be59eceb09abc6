/**
 * Numbers in the ways people write them: digits, words ("a dozen", "two squads"), vague counts
 * ("a few", "millions of"), approximations ("~40", "about 40"), ranges ("3-5", "three to five") and
 * suffixes ("200k", "2M"). Word numbers are rewritten as digits in a normalised copy of the text that
 * keeps a map back to the original, so evidence can always quote the user's own words.
 */

/** Lower-cased text with number words replaced by digits, plus a map to original offsets. */
export interface NormalizedText {
  text: string;
  /** `map[i]` is the offset in the original text of normalised character `i` (length = text.length + 1). */
  map: number[];
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
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
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

/** Vague quantities, mapped to the value a listener would picture. */
const VAGUE: [RegExp, number][] = [
  [/^hundreds of millions(?: of)?/, 200_000_000],
  [/^tens of millions(?: of)?/, 20_000_000],
  [/^hundreds of thousands(?: of)?/, 200_000],
  [/^tens of thousands(?: of)?/, 20_000],
  [/^billions of/, 2_000_000_000],
  [/^millions of/, 2_000_000],
  [/^thousands of/, 2_000],
  [/^hundreds of/, 200],
  // "a couple hundred HR partners" is 200 people, not 2: the scale word after a vague count multiplies it.
  [/^a couple(?: of)? hundred(?! thousand| million)/, 200],
  [/^a few hundred(?! thousand| million)/, 300],
  [/^several hundred(?! thousand| million)/, 400],
  [/^a couple(?: of)? thousand/, 2_000],
  [/^a few thousand/, 3_000],
  [/^several thousand/, 4_000],
  [/^a couple(?: of)? million/, 2_000_000],
  [/^a few million/, 3_000_000],
  [/^several million/, 4_000_000],
  [/^(?:a couple(?: of)? dozen|two dozen)/, 24],
  [/^dozens of/, 24],
  [/^half a dozen/, 6],
  [/^(?:a|one) dozen/, 12],
  [/^a couple(?: of)?/, 2],
  [/^a pair of/, 2],
  [/^a few/, 3],
  [/^a handful(?: of)?/, 5],
  [/^several/, 4],
  [/^a hundred/, 100],
  [/^a thousand/, 1_000],
  [/^a million/, 1_000_000],
  [
    /^(?:a )?single(?= (?:team|squad|engineer|developer|dev|service|deployable|app|application|codebase|repo|process|binary|gpu|node|server|vm)\b)/,
    1,
  ],
];

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS)].join('|')})`;
/** A cardinal written in words: "twenty-five", "two hundred", "five thousand". */
const CARDINAL = new RegExp(
  `^${WORD}(?:[- ]${WORD})?(?:[- ](?:hundred|thousand|million|billion))?(?:(?: and)? ${WORD}(?:[- ]${WORD})?)?\\b`,
);
/** Words that open a vague count ("hundreds of", "a few", "dozens"); the skip test below reads them too. */
const VAGUE_WORDS = [
  'hundreds',
  'tens',
  'billions',
  'millions',
  'thousands',
  'a ',
  'two dozen',
  'dozens',
  'half',
  'one dozen',
  'several',
  'single',
];
const VAGUE_START = new RegExp(`^(?:${VAGUE_WORDS.join('|')})`);

function cardinalValue(phrase: string): number | undefined {
  let total = 0;
  let current = 0;
  for (const word of phrase.split(/[- ]+/)) {
    if (word === 'and') continue;
    if (word in UNITS) current += UNITS[word]!;
    else if (word in TENS) current += TENS[word]!;
    else if (word in SCALES) {
      const scale = SCALES[word]!;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else return undefined;
  }
  return total + current;
}

const isLetter = (c: number) => c >= 97 && c <= 122; // a-z
const isLetterOrDigit = (c: number) => isLetter(c) || (c >= 48 && c <= 57);
/** First letters of every VAGUE_START and CARDINAL phrase (number words, "a", "half", "dozens", …). */
const NUMBER_INITIALS = new Set(
  [...Object.keys(UNITS), ...Object.keys(TENS), ...VAGUE_WORDS].map((w) => w.charCodeAt(0)),
);

/** True when every character is 7-bit ASCII. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower-cases and rewrites number words as digits; "no one" stays words so negation still reads it. */
export function normalizeText(original: string): NormalizedText {
  // ASCII text (most messages) lower-cases character for character, so one native call does the same.
  const lower = isAscii(original)
    ? original.toLowerCase()
    : Array.from(original, (c) => {
        if (c === '\u2019' || c === '\u2018') return "'";
        const l = c.toLowerCase();
        return l.length === c.length ? l : c;
      }).join('');
  let text = '';
  const map: number[] = [];
  let i = 0;
  while (i < lower.length) {
    const atWordStart = i === 0 || !isLetterOrDigit(lower.charCodeAt(i - 1));
    if (atWordStart && isLetter(lower.charCodeAt(i))) {
      // Only words starting with one of these letters can begin a number phrase: skip the rest cheaply.
      if (!NUMBER_INITIALS.has(lower.charCodeAt(i))) {
        let j = i + 1;
        while (j < lower.length && isLetter(lower.charCodeAt(j))) j++;
        for (let k = i; k < j; k++) map.push(k);
        text += lower.slice(i, j);
        i = j;
        continue;
      }
      const rest = lower.slice(i, i + 60);
      let replaced: { length: number; value: number } | undefined;
      if (VAGUE_START.test(rest)) {
        for (const [re, value] of VAGUE) {
          const m = re.exec(rest);
          if (m) {
            replaced = { length: m[0].length, value };
            break;
          }
        }
      }
      if (!replaced) {
        const m = CARDINAL.exec(rest);
        const prev = lower.slice(Math.max(0, i - 3), i);
        if (m && !(m[0] === 'one' && prev === 'no ')) {
          const value = cardinalValue(m[0]);
          if (value !== undefined) replaced = { length: m[0].length, value };
        }
      }
      if (replaced) {
        const digits = String(replaced.value);
        text += digits;
        for (let k = 0; k < digits.length; k++) map.push(i);
        i += replaced.length;
        continue;
      }
      // Copy the whole word so we never match inside it.
      let j = i;
      while (j < lower.length && isLetter(lower.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) map.push(k);
      text += lower.slice(i, j);
      i = j;
      continue;
    }
    text += lower[i];
    map.push(i);
    i++;
  }
  map.push(original.length);
  return { text, map };
}

/** A number found in normalised text. */
export interface Quantity {
  value: number;
  /** Set for ranges ("3-5"): the value is the midpoint. */
  low?: number;
  high?: number;
  approx: boolean;
  /** Offsets in the normalised text. */
  start: number;
  end: number;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const SUFFIX = String.raw`(\s?(?:k|m|mm|mn|bn|thousand|million|billion|dozen)\b)?`;
const APPROX = String.raw`(~\s?|\b(?:about|around|roughly|closer to|call it|a shade under|just under|give or take|approx\.?|approximately|nearly|almost|close to|over|more than|under|less than|up to|some|maybe|like|at least)\s+)?`;
const QUANTITY = new RegExp(
  String.raw`${APPROX}(?<![\w.$#])${NUM}${SUFFIX}(?:\s?(?:-|–|—|to|or)\s?${NUM}${SUFFIX})?(\+|\s?-?ish\b)?(?![\w.]*\d)`,
  'g',
);
const BETWEEN = new RegExp(String.raw`\bbetween\s+${NUM}${SUFFIX}\s+and\s+${NUM}${SUFFIX}`, 'g');

const MULTIPLIERS: Record<string, number> = {
  dozen: 12,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
};

function toNumber(digits: string, suffix: string | undefined): number {
  const base = Number(digits.replace(/,/g, ''));
  const mult = suffix ? (MULTIPLIERS[suffix.trim()] ?? 1) : 1;
  return base * mult;
}

/** Every quantity in normalised text, ranges collapsed to their midpoint ("from 5 to 12" → 12). */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(BETWEEN)) {
    const low = toNumber(m[1]!, m[2] ?? m[4]);
    const high = toNumber(m[3]!, m[4]);
    found.push({ value: (low + high) / 2, low, high, approx: true, start: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(QUANTITY)) {
    const start = m.index;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const approx = Boolean(m[1] || m[6]);
    if (m[4] === undefined) {
      found.push({ value: toNumber(m[2]!, m[3]), approx, start, end });
      continue;
    }
    const high = toNumber(m[4], m[5]);
    const low = toNumber(m[2]!, m[3] ?? m[5]);
    // "grew from 5 to 12 engineers" is a change, not a range: the later figure is the current one.
    if (/\bfrom\s+$/.test(text.slice(Math.max(0, start - 6), start)) && /\bto\b/.test(m[0])) {
      found.push({ value: high, approx, start, end });
      continue;
    }
    if (low > high) {
      found.push({ value: low, approx, start, end: start + (m[1]?.length ?? 0) + m[2]!.length });
      continue;
    }
    found.push({ value: (low + high) / 2, low, high, approx: true, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The original words behind a span of normalised text. */
export function originalSpan(normalized: NormalizedText, original: string, start: number, end: number): string {
  const from = normalized.map[start] ?? 0;
  const to = normalized.map[Math.min(end, normalized.map.length - 1)] ?? original.length;
  return original.slice(from, Math.max(from, to));
}
