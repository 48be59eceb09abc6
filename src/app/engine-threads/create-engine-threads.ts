/**
 * Engine threads: the offline engine's turns run on a few worker threads, so the event loop that acks
 * Slack and Teams and serves every channel never waits on extraction and scoring, and one process uses
 * more than one core. Each turn goes to the ready thread with the fewest turns in hand.
 *
 * A thread costs ~40 MB (its own V8 heap and knowledge base), and a chat bot is idle most of the day, so
 * threads stop after `idleMs` without a turn and start again with the next one. While none is ready (at
 * start, after an idle stop) a turn is handed back (undefined) and the consultant runs it on the main
 * thread, as with ENGINE_THREADS=0. So is a turn whose thread died: a reply is never lost to the pool.
 * Threads that die before they are ready three times running are not started again. See ADR 0009.
 */
import { Worker } from 'node:worker_threads';
import type { EngineLimits, OfflineTurnRequest, OfflineTurnResult, OffloadTurn } from '../../core/offline-turn.js';
import type { Logger } from '../../observability/create-logger.js';
import { type EngineReply, type EngineTask, type EngineWorkerData, READY } from './engine-protocol.js';

export interface EngineThreads {
  /** Runs a turn on a ready thread; undefined when none can (the caller runs it itself). */
  offloadTurn: OffloadTurn;
  /** Resolves once the threads started so far are ready (or have failed to start). */
  ready(): Promise<void>;
  /**
   * threads alive, turns in hand, turns they answered, turns handed back because no thread was ready,
   * and turns handed back because their thread failed.
   */
  status(): { threads: number; running: number; completed: number; onMainThread: number; fallbacks: number };
  close(): Promise<void>;
}

export interface EngineThreadsOptions {
  threads: number;
  knowledgeDir?: string;
  limits?: EngineLimits;
  logger: Logger;
  /** Stop a thread after this long without a turn (default 30 s); the next turn starts it again. */
  idleMs?: number;
  /** The thread's entry module (tests pass one that misbehaves); default engine-worker-entry.mjs. */
  entry?: URL;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  started: Promise<void>;
  lastUsed: number;
  pending: Map<number, { resolve: (r: OfflineTurnResult) => void; reject: (e: Error) => void }>;
}

const ENTRY = new URL('./engine-worker-entry.mjs', import.meta.url);
const MAX_FAILED_STARTS = 3;
/**
 * The engine's live heap is ~15 MB (knowledge base included). Without limits a thread's heap grew to ~65 MB
 * before V8 collected it (RSS with 10,000 conversations: 241 MB against 164 MB without threads); with these
 * it stays near its live size (191 MB). A turn that outgrows them kills its thread and runs on the main one.
 */
const HEAP_LIMITS = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 };

export function createEngineThreads(options: EngineThreadsOptions): EngineThreads {
  const { logger } = options;
  const idleMs = options.idleMs ?? 30_000;
  const limits = options.limits ?? {};
  const workerData: EngineWorkerData = { knowledgeDir: options.knowledgeDir, limits };
  const threads: Thread[] = [];
  let nextId = 0;
  let completed = 0;
  let onMainThread = 0;
  let fallbacks = 0;
  let failedStarts = 0;
  let closed = false;

  function spawn(): void {
    let markReady = () => {};
    const thread: Thread = {
      worker: new Worker(options.entry ?? ENTRY, { workerData, resourceLimits: HEAP_LIMITS }),
      ready: false,
      started: new Promise<void>((resolve) => {
        markReady = resolve;
      }),
      lastUsed: Date.now(),
      pending: new Map(),
    };
    // Idle threads must not keep a process alive that has nothing else to do.
    thread.worker.unref();
    thread.worker.on('message', (reply: EngineReply) => {
      if (reply === READY) {
        thread.ready = true;
        failedStarts = 0;
        markReady();
        return;
      }
      const task = thread.pending.get(reply.id);
      if (!task) return;
      thread.pending.delete(reply.id);
      thread.lastUsed = Date.now();
      if (thread.pending.size === 0) thread.worker.unref();
      if ('error' in reply) return task.reject(new Error(reply.error));
      completed++;
      task.resolve(reply.result);
    });
    thread.worker.on('error', (error) => logger.error({ err: error }, 'an engine thread failed'));
    thread.worker.once('exit', (code) => {
      threads.splice(threads.indexOf(thread), 1);
      markReady();
      for (const task of thread.pending.values()) task.reject(new Error(`engine thread exited (code ${code})`));
      if (!thread.ready && !closed && ++failedStarts === MAX_FAILED_STARTS) {
        logger.error({ failedStarts }, 'engine threads keep failing to start; turns run on the main thread');
      }
    });
    threads.push(thread);
  }

  /** Starts threads up to the configured number (none after repeated failed starts or after close). */
  function fill(): void {
    while (!closed && failedStarts < MAX_FAILED_STARTS && threads.length < options.threads) spawn();
  }

  const idleCheck = setInterval(
    () => {
      const now = Date.now();
      for (const t of [...threads]) {
        if (t.ready && t.pending.size === 0 && now - t.lastUsed >= idleMs) void t.worker.terminate();
      }
    },
    Math.max(10, Math.min(idleMs / 2, 5_000)),
  );
  idleCheck.unref();

  function runOnThread(request: OfflineTurnRequest): Promise<OfflineTurnResult> | undefined {
    let thread: Thread | undefined;
    for (const t of threads) if (t.ready && (!thread || t.pending.size < thread.pending.size)) thread = t;
    if (!thread) return undefined;
    const chosen = thread;
    const id = nextId++;
    chosen.lastUsed = Date.now();
    return new Promise((resolve, reject) => {
      chosen.pending.set(id, { resolve, reject });
      if (chosen.pending.size === 1) chosen.worker.ref();
      chosen.worker.postMessage({ id, request } satisfies EngineTask);
    });
  }

  fill();

  return {
    offloadTurn: async (request) => {
      fill();
      const onThread = closed ? undefined : runOnThread(request);
      if (!onThread) {
        onMainThread++;
        return undefined;
      }
      try {
        return await onThread;
      } catch (error) {
        fallbacks++;
        logger.warn({ err: error }, 'an engine thread could not finish a turn; running it on the main thread');
        return undefined;
      }
    },
    ready: async () => {
      await Promise.all(threads.map((t) => t.started));
    },
    status: () => ({
      threads: threads.length,
      running: threads.reduce((n, t) => n + t.pending.size, 0),
      completed,
      onMainThread,
      fallbacks,
    }),
    close: async () => {
      closed = true;
      clearInterval(idleCheck);
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
