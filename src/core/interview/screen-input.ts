/**
 * Screens raw user text before anything reads it: empty, emoji-only, binary garbage and oversized input
 * get a clear message or a stated truncation. Instruction-like sentences ("ignore previous instructions…")
 * are flagged so the user is told they were ignored (the extractor never reads facts from them).
 */

import { isInstruction } from '../extraction/instructions.js';

export const DEFAULT_MAX_MESSAGE_CHARS = 8_000;

export const IGNORED_INSTRUCTIONS_NOTE =
  'I ignored the parts that read like instructions to me; the recommendation comes only from facts about your system.';

export type ScreenResult =
  | { ok: true; text: string; notes: string[]; truncated: boolean; ignoredInstructions: boolean }
  | { ok: false; reason: 'empty' | 'emoji' | 'binary'; message: string };

/** Sentences that try to instruct Archie; the extractor skips exactly these, so the note we show is true. */
export function instructionSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() && isInstruction(s));
}

/** Checks and normalises one incoming message. Never throws. */
export function screenInput(raw: string, maxChars = DEFAULT_MAX_MESSAGE_CHARS): ScreenResult {
  const text = String(raw ?? '').normalize('NFC');
  const visible = text.replace(/[\s\u200b-\u200d\ufeff]/g, '');
  if (!visible)
    return {
      ok: false,
      reason: 'empty',
      message: 'I didn’t get any text. Describe your system in a sentence or two, or type "help".',
    };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control bytes is the point
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g) ?? []).length;
  if (controls > 0 && controls / text.length > 0.02) {
    return {
      ok: false,
      reason: 'binary',
      message:
        'That doesn’t look like text. Describe your system in words: team size, how you run models, what hurts today.',
    };
  }
  if (!/[\p{L}\p{N}]/u.test(visible)) {
    return {
      ok: false,
      reason: 'emoji',
      message: 'I can only read words, not emoji or symbols alone. Try: "3 engineers, hosted OpenAI API, no on-call".',
    };
  }
  const notes: string[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control bytes is the point
  let body = text.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, ' ');
  let truncated = false;
  if (body.length > maxChars) {
    body = body.slice(0, maxChars);
    truncated = true;
    notes.push(`Your message was long, so I read only the first ${maxChars.toLocaleString('en-US')} characters.`);
  }
  const ignoredInstructions = instructionSentences(body).length > 0;
  if (ignoredInstructions) notes.push(IGNORED_INSTRUCTIONS_NOTE);
  return { ok: true, text: body, notes, truncated, ignoredInstructions };
}
