/**
 * Runs offline interview turns on worker threads (Piscina), so the engine's CPU work (extraction, scoring
 * every candidate answer, assessment) does not hold up the event loop that acks Slack and Teams requests,
 * and a second core does useful work. The main thread keeps the store, the per-conversation turn queue and
 * the channels; only the turn's state and input cross over. If a worker fails (crash, out of memory, a
 * broken install), the turn runs on the main thread instead: nobody's message is lost to a thread.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Clock } from '../core/clock.js';
import { ArchieError } from '../core/errors.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge.js';
import { createTurnEngine, type TurnLimits, type TurnRunner } from '../core/turn-engine.js';
import type { Logger } from '../observability/create-logger.js';
import type { TurnTask, TurnTaskResult, WorkerSetup } from './turn-task.js';

export interface EnginePoolOptions {
  /** Worker threads; 'auto' leaves one core to the main thread (none on a single core). */
  threads: number | 'auto';
  knowledge: KnowledgeBase;
  knowledgeDir?: string;
  clock: Clock;
  logger: Logger;
  limits?: TurnLimits;
  /** The worker module (tests substitute one that crashes); default: turn-worker-entry.js. */
  workerFile?: URL;
}

export interface EnginePool {
  runTurn: TurnRunner;
  status(): Record<string, unknown>;
  close(): Promise<void>;
}

/** After this many failed turns in a row the pool is set aside and every turn runs on the main thread. */
const MAX_FAILURES_IN_A_ROW = 3;

export function resolveEngineThreads(threads: number | 'auto'): number {
  return threads === 'auto' ? Math.min(4, availableParallelism() - 1) : threads;
}

/** The turn's own error, rebuilt on this thread (with the worker's stack for the log). */
function threwInTurn(error: Extract<TurnTaskResult, { ok: false }>['error']): Error {
  const rebuilt =
    error.code && error.userMessage
      ? new ArchieError(error.code, error.userMessage, { message: error.message })
      : new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}

/** The pool, or undefined when no worker threads are wanted (turns then run on the main thread). */
export function createEnginePool(options: EnginePoolOptions): EnginePool | undefined {
  const threads = resolveEngineThreads(options.threads);
  if (threads < 1) return undefined;
  const { clock, logger } = options;
  const setup: WorkerSetup = { knowledgeDir: options.knowledgeDir, limits: options.limits };
  const pool = new Piscina<TurnTask, TurnTaskResult>({
    filename: (options.workerFile ?? new URL('./turn-worker-entry.js', import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // Nobody reads Piscina's run/wait histograms; recording them costs the main thread on every turn.
    recordTiming: false,
    workerData: setup,
  });
  // Errors outside a task (a worker failing to start) are also seen by the task that was waiting for it.
  pool.on('error', (error) => logger.error({ err: error }, 'engine worker failed'));

  // The fallback: the same engine on the main thread, built only if a worker ever fails.
  let local: TurnRunner | undefined;
  const runLocally: TurnRunner = (state, input, ctx) => {
    local ??= createTurnEngine({ knowledge: options.knowledge, now: () => clock.now(), limits: options.limits })
      .interview.handle;
    return local(state, input, ctx);
  };

  let failures = 0;
  let disabled = false;
  const runTurn: TurnRunner = async (state, input, ctx) => {
    if (disabled) return runLocally(state, input, ctx);
    const task: TurnTask = {
      state,
      input,
      ctx: { conversationId: ctx.conversationId, userId: ctx.userId, channel: ctx.channel },
      now: clock.now().toISOString(),
    };
    let outcome: TurnTaskResult;
    try {
      outcome = await pool.run(task);
    } catch (error) {
      failures += 1;
      logger.error({ err: error, failures }, 'engine worker failed a turn; running it on the main thread');
      if (failures >= MAX_FAILURES_IN_A_ROW && !disabled) {
        disabled = true;
        logger.error('engine workers keep failing: running every turn on the main thread from now on');
        void pool.destroy().catch(() => undefined);
      }
      return runLocally(state, input, ctx);
    }
    failures = 0;
    if (outcome.ok) return outcome.result;
    throw threwInTurn(outcome.error);
  };

  return {
    runTurn,
    status: () => (disabled ? { threads: 0, note: 'workers failed; turns run on the main thread' } : { threads }),
    close: async () => {
      if (!disabled) await pool.destroy();
    },
  };
}
