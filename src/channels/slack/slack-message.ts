/** A rendered Slack message and the Block Kit limits every renderer packs within. */
import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;

export interface SlackMessage {
  /** Notification / screen-reader fallback; always set, never over `LIMITS.messageText`. */
  text: string;
  blocks: Block[];
}

/**
 * Blocks as the WebClient sends them: the JSON string it would make of them anyway. Given objects, it also
 * copies them key by key to redact tokens for a debug log, even with logging off; on a recommendation (~40
 * blocks) that cost more than rendering them. Slack receives the same request either way.
 */
export const wireBlocks = (blocks: unknown[]): Block[] => JSON.stringify(blocks) as unknown as Block[];

/** Slack's documented limits (Block Kit reference, chat.postMessage). */
export const LIMITS = {
  sectionText: 3_000,
  blocksPerMessage: 50,
  messageText: 40_000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2_000,
  contextElements: 10,
  actionsElements: 25,
  homeBlocks: 100,
} as const;

/** Splits a long block list into messages of at most 50 blocks; the fallback text goes on the first. */
export function packBlocks(blocks: Block[], text: string): SlackMessage[] {
  const messages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    const chunk = blocks.slice(i, i + LIMITS.blocksPerMessage);
    messages.push({ text: i === 0 ? clip(text, LIMITS.messageText) : '(continued)', blocks: chunk });
  }
  return messages.length > 0 ? messages : [{ text: clip(text, LIMITS.messageText), blocks: [] }];
}

/** Shortens `text` to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Joins consecutive replies into as few messages as fit (50 blocks each): one post per turn instead of
 * two or three, which spares the user notifications and keeps Archie under chat.postMessage's
 * per-channel rate limit.
 */
export function mergeMessages(parts: SlackMessage[]): SlackMessage[] {
  const merged: SlackMessage[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    const text = last ? `${last.text}\n${part.text}` : part.text;
    if (
      last &&
      last.blocks.length + part.blocks.length <= LIMITS.blocksPerMessage &&
      text.length <= LIMITS.sectionText
    ) {
      merged[merged.length - 1] = { text, blocks: [...last.blocks, ...part.blocks] };
    } else merged.push({ text: part.text, blocks: [...part.blocks] });
  }
  return merged;
}
