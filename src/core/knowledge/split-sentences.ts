/** Sentence splitting via the platform's Unicode segmenter (handles "e.g.", "1.5 ms" and "U.S." well). */

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits text into trimmed, non-empty sentences; a newline always ends a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.replace(/\s+/g, ' ').trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/** Counts whitespace-separated words. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}
