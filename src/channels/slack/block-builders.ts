/** Small Block Kit builders that enforce Slack's per-element limits. */
import type { QuickReply } from '../../core/message.js';
import { type Block, clip, LIMITS } from './slack-message.js';
import { splitText } from './split-text.js';

/** One or more mrkdwn sections: long text is split at 3,000 characters per section. */
export function sections(text: string): Block[] {
  if (text.trim() === '') return [];
  return splitText(text, LIMITS.sectionText).map((chunk) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: chunk },
  }));
}

/** A titled list packed into as few sections as fit (a line never straddles two sections). */
export function listSections(title: string, lines: string[]): Block[] {
  if (lines.length === 0) return [];
  const blocks: Block[] = [];
  let current = `*${title}*`;
  for (const line of lines) {
    const next = `${current}\n${line}`;
    if (next.length > LIMITS.sectionText) {
      blocks.push(...sections(current));
      current = line;
    } else current = next;
  }
  blocks.push(...sections(current));
  return blocks;
}

export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, LIMITS.headerText), emoji: true } };
}

/** A context block (small grey text); at most 10 elements, each within the section limit. */
export function context(texts: string[]): Block[] {
  const elements = texts
    .filter((t) => t.trim() !== '')
    .slice(0, LIMITS.contextElements)
    .map((t) => ({ type: 'mrkdwn' as const, text: clip(t, LIMITS.sectionText) }));
  return elements.length > 0 ? [{ type: 'context', elements }] : [];
}

/**
 * Buttons for quick replies. `action_id` is `archie:<kind>:<index>` (unique within a message); `value` is
 * the QuickReply value, which the action handler sends back to the consultant unchanged.
 */
export function buttons(replies: QuickReply[], kind: 'q' | 'a', blockId: string): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < replies.length; i += LIMITS.actionsElements) {
    const slice = replies.slice(i, i + LIMITS.actionsElements);
    blocks.push({
      type: 'actions',
      block_id: `${blockId}:${i}`,
      elements: slice.map((reply, j) => ({
        type: 'button' as const,
        action_id: `archie:${kind}:${i + j}`,
        text: { type: 'plain_text' as const, text: clip(reply.label, LIMITS.buttonText), emoji: true },
        value: reply.value.slice(0, LIMITS.buttonValue),
      })),
    });
  }
  return blocks;
}
