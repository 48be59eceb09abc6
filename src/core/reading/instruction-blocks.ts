/**
 * Instructions hidden in a block: a fenced code block, an HTML comment, or a Markdown section under a
 * heading ("### Instructions for the AI"). A block is screened as a whole: when its heading or any of its
 * lines instructs the bot, none of its lines is read as a fact ("engineers: 500" inside a fenced block of
 * instructions is part of the instruction, not a description).
 */
import { isInstruction } from './instructions.js';

export interface ScreenedBlocks {
  /** The text with instruction blocks blanked out (same length, so offsets still point at the user's words). */
  text: string;
  /** The blocks that were dropped, as the user wrote them. */
  dropped: string[];
}

const FENCE = /(^|\n)[ \t]*(```|~~~)[^\n]*\n[\s\S]*?(?:\n[ \t]*\2[ \t]*(?=\n|$)|$)/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HEADING = /^[ \t]*#{1,6}[ \t]+.*$/gm;
// A heading that labels what follows as meant for the bot.
const FOR_THE_BOT =
  /\b(?:instructions?|directives?|rules|system prompt|notes?|commands?)\b[^\n]{0,20}\b(?:for|to)\s+(?:the\s+)?(?:ai|assistant|bot|model|llm|archie|gpt|system)\b|^\W*(?:system|instructions?)\W*$/i;

const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** True when a block (heading and body) tells the bot what to do or believe. */
function instructs(block: string): boolean {
  const lines = block
    .split('\n')
    .map((line) => line.replace(/^[\s`~#>*-]+|<!--|-->/g, '').trim())
    .filter(Boolean);
  return lines.some((line) => FOR_THE_BOT.test(line) || isInstruction(line));
}

/** Blanks out every fenced block, comment or section that instructs the bot. */
export function screenBlocks(text: string): ScreenedBlocks {
  const dropped: string[] = [];
  let out = text;
  const drop = (start: number, end: number) => {
    dropped.push(text.slice(start, end).trim());
    out = out.slice(0, start) + blank(out.slice(start, end)) + out.slice(end);
  };
  for (const m of text.matchAll(FENCE)) {
    const start = m.index + m[1]!.length;
    if (instructs(m[0])) drop(start, m.index + m[0].length);
  }
  for (const m of text.matchAll(COMMENT)) if (instructs(m[0])) drop(m.index, m.index + m[0].length);
  const headings = [...out.matchAll(HEADING)];
  headings.forEach((h, i) => {
    if (!FOR_THE_BOT.test(h[0].replace(/^[\s#]+/, ''))) return;
    drop(h.index, headings[i + 1]?.index ?? text.length);
  });
  return { text: out, dropped };
}
