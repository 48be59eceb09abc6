/**
 * Screens raw user text before anything reads it: empty, emoji-only, binary garbage and oversized input
 * get a clear message or a stated truncation; instruction-like sentences ("ignore previous instructions…")
 * are dropped so they can never steer extraction or the verdict.
 */

export const DEFAULT_MAX_MESSAGE_CHARS = 8_000;

export type ScreenResult =
  | { ok: true; text: string; notes: string[]; truncated: boolean; ignoredInstructions: boolean }
  | { ok: false; reason: 'empty' | 'emoji' | 'binary'; message: string };

const INJECTION =
  /\b(ignore|disregard|forget|override)\b[^.!?\n]{0,40}\b(instructions?|prompts?|rules?|above|previous|system)\b|\byou are now\b|\b(system|developer)\s*(prompt|message)\s*:|^\s*(system|assistant)\s*:|\b(act|pretend|behave) as\b|\b(always|must|just|only)\s+(recommend|answer|say|output|reply|respond)\b|\b(respond|reply|output|answer)\s+(only\s+)?with\b|\bprint (your|the) (prompt|instructions)\b|<\/?(system|instructions?)>/i;

/** Splits into sentences/lines, keeping the separators' meaning. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim());
}

/** Strips sentences that try to instruct Archie; returns the rest and whether anything was dropped. */
export function stripInstructions(text: string): { text: string; dropped: boolean } {
  const parts = sentences(text);
  const kept = parts.filter((s) => !INJECTION.test(s));
  return { text: kept.join(' '), dropped: kept.length !== parts.length };
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
  const stripped = stripInstructions(body);
  if (stripped.dropped) {
    notes.push(
      'I ignored the parts that read like instructions to me; the recommendation comes only from facts about your system.',
    );
  }
  return { ok: true, text: stripped.text, notes, truncated, ignoredInstructions: stripped.dropped };
}
