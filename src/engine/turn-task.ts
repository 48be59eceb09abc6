/** What crosses the thread boundary for one turn: plain data only (structured-cloned both ways). */
import type { ConversationState } from '../core/interview/conversation-state.js';
import type { TurnResult } from '../core/interview/interview.js';
import type { AssistContext } from '../core/llm/model-assist.js';
import type { UserInput } from '../core/message.js';
import type { TurnLimits } from '../core/turn-engine.js';

export interface TurnTask {
  state: ConversationState;
  input: UserInput;
  /** Who and where, without the stream or abort signal (functions do not cross threads). */
  ctx: Pick<AssistContext, 'conversationId' | 'userId' | 'channel'>;
  /** The turn's time (ISO), from the main thread's clock, so injected clocks hold in workers too. */
  now: string;
}

/** Given to every worker when it starts. */
export interface WorkerSetup {
  knowledgeDir?: string;
  limits?: TurnLimits;
}

/**
 * A turn's outcome. Errors thrown by the turn itself come back as data, so the main thread can tell them
 * (the same on any thread) from a worker that failed (worth running again on the main thread).
 */
export type TurnTaskResult =
  | { ok: true; result: TurnResult }
  | { ok: false; error: { code?: string; userMessage?: string; message: string; stack?: string } };
