/**
 * Screens raw user text before anything reads it: empty, emoji-only, binary garbage and oversized input
 * get a clear message or a stated truncation. Text is normalised (src/core/text/normalise-text.ts), and
 * instructions ("ignore previous instructions…") are found by the reader itself, so the note that they were
 * ignored names exactly what the reader set aside.
 */

import { readMessage } from '../reading/read-message.js';
import { normaliseText } from '../text/normalise-text.js';

export const DEFAULT_MAX_MESSAGE_CHARS = 8_000;

export const IGNORED_INSTRUCTIONS_NOTE =
  'I ignored the parts that read like instructions to me; the recommendation comes only from facts about your system.';

export type ScreenResult =
  | { ok: true; text: string; notes: string[]; truncated: boolean; ignoredInstructions: boolean }
  | { ok: false; reason: 'empty' | 'emoji' | 'binary'; message: string };

/** The parts of `text` that try to instruct Archie: exactly what the reader sets aside. */
export function instructionSentences(text: string): string[] {
  return readMessage(text).instructions;
}

/** Checks and normalises one incoming message. Never throws. */
export function screenInput(raw: string, maxChars = DEFAULT_MAX_MESSAGE_CHARS): ScreenResult {
  const text = normaliseText(String(raw ?? ''));
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
