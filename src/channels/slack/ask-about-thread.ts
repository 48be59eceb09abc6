/**
 * Archie asked into a Slack thread (a mention in an existing thread, or the "Ask Archie about this thread"
 * shortcut): read the thread and hand it to the consultant as one turn. When Slack will not let Archie read
 * it, the person is told why (which scope, or "invite me") and, for a mention, the mention is answered on
 * its own words.
 */
import { ArchieError } from '../../core/errors.js';
import type { Logger } from '../../observability/create-logger.js';
import type { ReadSlackThread } from './read-slack-thread.js';
import type { RunTurn, TurnInput } from './run-turn.js';
import type { SlackPlace } from './slack-place.js';

export interface AskAboutThreadOptions {
  botUserId?: string;
  /** Tells the person why the thread could not be read (in the thread, or privately). */
  explain(message: string): Promise<void>;
  /** What to answer instead when the thread cannot be read or holds nobody's words. */
  otherwise?: TurnInput;
}

export type AskAboutThread = (
  place: SlackPlace & { threadTs: string },
  options: AskAboutThreadOptions,
) => Promise<void>;

export function createAskAboutThread(read: ReadSlackThread, run: RunTurn, logger: Logger): AskAboutThread {
  return async (place, { botUserId, explain, otherwise }) => {
    let thread: Awaited<ReturnType<ReadSlackThread>>;
    try {
      thread = await read({ channelId: place.channelId, threadTs: place.threadTs, botUserId });
    } catch (error) {
      const known = error instanceof ArchieError && error.code === 'thread_unreadable';
      logger[known ? 'info' : 'error']({ err: error, channel: place.channelId }, 'Slack thread could not be read');
      await explain(
        known
          ? error.userMessage
          : 'I couldn’t read this thread just now (Slack did not answer). Please try again in a minute.',
      ).catch((explainError) => logger.error({ err: explainError }, 'Could not tell the Slack user why'));
      if (otherwise) await run(place, otherwise);
      return;
    }
    if (thread.messages.length === 0) {
      await run(place, otherwise ?? { type: 'greet' });
      return;
    }
    await run(place, { type: 'thread', messages: thread.messages, ...(thread.cut ? { cut: thread.cut } : {}) });
  };
}
