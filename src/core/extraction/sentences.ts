/** Splits a message into sentences, keeping offsets so evidence can quote the original words. */
import { matchAll } from './match-all.js';

export interface Sentence {
  /** Offsets in the text that was split. */
  start: number;
  end: number;
  text: string;
}

// A sentence ends at . ! ? or a line break, but not inside "3.5", "e.g.", "llama.cpp" or "Next.js".
// "Tracing? None." keeps the short answer with its question so the denial is read.
const BOUNDARY =
  /(?<!\b(?:e\.g|i\.e|vs|etc|approx|incl))(?:[.!]+|\?+(?!\s*(?:none|no|nope|nobody|not really|zero|nothing|n\/a)\b))(?=\s|$)|\n+/gi;

/** Sentences of `text` (empty ones dropped). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  };
  for (const m of matchAll(BOUNDARY, text)) {
    const end = m.index + m[0].length;
    push(m[0].startsWith('\n') ? m.index : end);
    start = end;
  }
  push(text.length);
  return out;
}
