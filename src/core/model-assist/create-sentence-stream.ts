/**
 * Streams model text to a ReplyStream one complete sentence at a time, passing each through a sanitiser
 * first (citations relabelled, unknown URLs removed). Holding back a partial sentence costs a fraction
 * of a second and means a user never sees a raw "[p7]" or a URL we later drop. With `release`, sentences
 * are held back until one passes it (a grounded answer shows nothing before its first citation), so text
 * that ends up rejected as a whole is never shown. A sanitiser that returns undefined stops the stream:
 * the sentence that failed, and anything held, is never shown.
 */
import type { ReplyStream } from '../message.js';

export interface SentenceStream {
  push(delta: string): Promise<void>;
  /** Sends whatever is left (the last sentence). */
  flush(): Promise<void>;
  /** Stops emitting (e.g. a validator failed mid-stream). */
  stop(): void;
  /** Text sent so far. */
  sent(): string;
}

export function createSentenceStream(
  stream: ReplyStream,
  sanitise: (sentence: string, soFar: string) => string | undefined,
  options: { release?: (sentence: string) => boolean } = {},
): SentenceStream {
  let buffer = '';
  let sent = '';
  let held = '';
  let released = !options.release;
  let stopped = false;

  const emit = async (piece: string) => {
    if (stopped || !piece) return;
    const clean = sanitise(piece, sent + held);
    if (clean === undefined) {
      stopped = true;
      held = '';
      return;
    }
    if (!clean) return;
    if (!released) {
      held += clean;
      if (!options.release?.(clean)) return;
      released = true;
    }
    const out = held || clean;
    held = '';
    sent += out;
    await stream.append(out);
  };

  return {
    async push(delta) {
      buffer += delta;
      const boundary = /[.!?](?:\s+)|\n+/g;
      let cut = -1;
      for (const m of buffer.matchAll(boundary)) cut = (m.index ?? 0) + m[0].length;
      if (cut > 0) {
        const piece = buffer.slice(0, cut);
        buffer = buffer.slice(cut);
        await emit(piece);
      }
    },
    async flush() {
      const rest = buffer;
      buffer = '';
      await emit(rest);
    },
    stop() {
      stopped = true;
    },
    sent: () => sent,
  };
}
