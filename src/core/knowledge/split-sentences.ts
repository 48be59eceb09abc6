/** Passage text for the knowledge base: sentences (the one splitter, src/core/text) with whitespace collapsed. */
import { sentenceTexts } from '../text/split-sentences.js';

/** Splits text into trimmed, non-empty sentences with single spaces; a newline always ends a sentence. */
export function splitSentences(text: string): string[] {
  return sentenceTexts(text)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Counts whitespace-separated words. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}
