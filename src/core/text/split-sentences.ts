/**
 * The one sentence splitter: the platform's Unicode segmenter (which knows "e.g.", "U.S." and "3.5"), plus
 * what it does not know about chat. A line break always ends a sentence; so does a full stop before a
 * lower-case word ("…100 deploys a day. building an llm gateway"), which the segmenter keeps together
 * because edited prose never does that; "vs." and "etc." end nothing; and a short answer to a one-word
 * question stays with it ("Tracing? None.", "GPUs? Not our problem: …"), so the answer is read about the
 * thing asked.
 */

export interface Sentence {
  /** Offsets in the text that was split. */
  start: number;
  end: number;
  text: string;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const ABBREVIATION = /\b(?:vs|etc|approx|incl|cf|ca|esp|resp|no|fig)\.\s*$/i;
// "Tracing?" or "GPUs?": a question of at most two words, answered right after it.
// A full stop (or ! ?) and a space before a lower-case word, unless it ends a known abbreviation.
const LOWER_START = /[.!?]+\s+(?=[a-z])/g;
const NOT_AN_END =
  /(?:\b(?:e\.g|i\.e|vs|etc|approx|incl|cf|ca|esp|resp|no|fig|mr|mrs|ms|dr|st|a\.m|p\.m|u\.s|inc|ltd|co)|\b[a-z]|\.\.)\.?$/i;
const SHORT_QUESTION = /^\W*[\p{L}\p{N}/&+.-]+(?:\s+[\p{L}\p{N}/&+.-]+)?\s*\?+\s*$/u;

/** The segmenter's sentences of one line, also split where a sentence starts in lower case. */
function* segments(line: string, offset: number): Generator<{ start: number; segment: string }> {
  for (const { segment, index } of segmenter.segment(line)) {
    let from = 0;
    for (const m of segment.matchAll(LOWER_START)) {
      const end = m.index + m[0].length;
      if (NOT_AN_END.test(segment.slice(0, m.index + 1).trimEnd())) continue;
      yield { start: offset + index + from, segment: segment.slice(from, end) };
      from = end;
    }
    yield { start: offset + index + from, segment: segment.slice(from) };
  }
}

/** Sentences of `text` with their offsets (empty ones dropped). */
export function splitSentences(text: string): Sentence[] {
  const pieces: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const { start, segment } of segments(line, lineStart)) {
      const previous = pieces.at(-1);
      const before = previous ? text.slice(previous.start, previous.end) : '';
      const sameLine = previous !== undefined && previous.end === start && previous.start >= lineStart;
      if (sameLine && (ABBREVIATION.test(before) || SHORT_QUESTION.test(before))) previous.end = start + segment.length;
      else pieces.push({ start, end: start + segment.length });
    }
    lineStart += line.length + 1;
  }
  const out: Sentence[] = [];
  for (const { start, end } of pieces) {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  }
  return out;
}

/** The sentences' words only (for callers that do not need offsets). */
export function sentenceTexts(text: string): string[] {
  return splitSentences(text).map((s) => s.text);
}
