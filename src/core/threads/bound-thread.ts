/**
 * How much of a thread Archie reads: the latest messages, at most 200 of them and 30,000 characters, so a
 * year-long channel thread costs one bounded turn. Every channel fetches its thread its own way and bounds
 * it here, so "the last 200 messages" means the same in Slack and Teams.
 */
import type { ThreadCut, ThreadMessage } from '../message.js';

export interface ThreadBounds {
  maxMessages: number;
  maxChars: number;
}

export const THREAD_BOUNDS: ThreadBounds = { maxMessages: 200, maxChars: 30_000 };

export interface BoundedThread {
  messages: ThreadMessage[];
  /** Set when earlier messages were left out. */
  cut?: ThreadCut;
}

/**
 * The latest messages that fit the bounds, oldest first. `earlierOmitted` counts messages the caller
 * already dropped while paging (it keeps only a window of the latest). A single message longer than the
 * character bound is kept from its start, clipped.
 */
export function boundThread(
  messages: readonly ThreadMessage[],
  bounds: ThreadBounds = THREAD_BOUNDS,
  earlierOmitted = 0,
): BoundedThread {
  const kept: ThreadMessage[] = [];
  let chars = 0;
  for (let i = messages.length - 1; i >= 0 && kept.length < bounds.maxMessages; i--) {
    const message = messages[i]!;
    if (chars + message.text.length > bounds.maxChars) {
      if (kept.length === 0) kept.push({ ...message, text: message.text.slice(0, bounds.maxChars) });
      break;
    }
    chars += message.text.length;
    kept.push(message);
  }
  kept.reverse();
  const omitted = earlierOmitted + messages.length - kept.length;
  return omitted > 0
    ? { messages: kept, cut: { omitted, maxMessages: bounds.maxMessages, maxChars: bounds.maxChars } }
    : { messages: kept };
}
