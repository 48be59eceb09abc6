/** Evidence quoted back to the user: their own words, trimmed to at most 120 characters. */

export const MAX_EVIDENCE = 120;

// Every fact of a sentence quotes the same sentence: collapse its whitespace once.
let last = { sentence: '', clean: '' };

function collapse(sentence: string): string {
  if (last.sentence !== sentence) last = { sentence, clean: sentence.replace(/\s+/g, ' ').trim() };
  return last.clean;
}

/** Trims `sentence` to ≤120 chars, keeping the window around [focusStart, focusEnd) and whole words. */
export function trimEvidence(sentence: string, focusStart = 0, focusEnd = sentence.length): string {
  const clean = collapse(sentence);
  if (clean.length <= MAX_EVIDENCE) return clean;
  // Re-locate the focus after whitespace collapsing (approximate: offsets shrink, never grow).
  const ratio = clean.length / Math.max(1, sentence.length);
  const fs = Math.floor(focusStart * ratio);
  const fe = Math.ceil(focusEnd * ratio);
  const budget = MAX_EVIDENCE - 2; // room for the ellipses
  const focusLen = Math.min(fe - fs, budget);
  let from = Math.max(0, fs - Math.floor((budget - focusLen) / 2));
  let to = Math.min(clean.length, from + budget);
  from = Math.max(0, to - budget);
  // Snap to word boundaries so we never quote half a word.
  if (from > 0) {
    const space = clean.indexOf(' ', from);
    if (space !== -1 && space < fs) from = space + 1;
  }
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to);
    if (space > fe) to = space;
  }
  const body = clean.slice(from, to).trim();
  const out = `${from > 0 ? '…' : ''}${body}${to < clean.length ? '…' : ''}`;
  return out.length <= MAX_EVIDENCE ? out : out.slice(0, MAX_EVIDENCE);
}
