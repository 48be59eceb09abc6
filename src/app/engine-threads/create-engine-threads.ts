/**
 * Engine threads: the offline engine's turns run on a few worker threads, so the event loop that acks
 * Slack and Teams and serves every channel never waits on extraction and scoring, and one process uses
 * more than one core. Each turn goes to the thread with the fewest turns in hand. A turn a thread cannot
 * run (it died, it failed to start, the pool is closing) runs on the main thread instead: a reply is never
 * lost to the pool. A thread that dies is replaced, unless threads keep dying at start. See ADR 0009.
 */
import { Worker } from 'node:worker_threads';
import type { KnowledgeBase } from '../../core/knowledge/knowledge.js';
import {
  createOfflineTurn,
  type EngineLimits,
  type OfflineTurn,
  type OfflineTurnRequest,
  type OfflineTurnResult,
} from '../../core/offline-turn.js';
import type { Logger } from '../../observability/create-logger.js';
import type { EngineTask, EngineWorkerData } from './engine-worker.js';

export interface EngineThreads {
  offlineTurn: OfflineTurn;
  /** threads alive, turns in hand, turns they answered, turns that fell back to the main thread. */
  status(): { threads: number; running: number; completed: number; fallbacks: number };
  close(): Promise<void>;
}

export interface EngineThreadsOptions {
  threads: number;
  /** The main thread's copy, for turns the threads cannot run. */
  knowledge: KnowledgeBase;
  knowledgeDir?: string;
  limits?: EngineLimits;
  logger: Logger;
  /** The thread's entry module (tests pass one that misbehaves); default engine-worker-entry.mjs. */
  entry?: URL;
}

type Reply = { id: number; result: OfflineTurnResult } | { id: number; error: string };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (r: OfflineTurnResult) => void; reject: (e: Error) => void }>;
}

const ENTRY = new URL('./engine-worker-entry.mjs', import.meta.url);
/** A thread that dies this soon after it started counts as failing to start. */
const EARLY_DEATH_MS = 5_000;
const MAX_EARLY_DEATHS = 3;

export function createEngineThreads(options: EngineThreadsOptions): EngineThreads {
  const { logger } = options;
  const limits = options.limits ?? {};
  const workerData: EngineWorkerData = { knowledgeDir: options.knowledgeDir, limits };
  const here = createOfflineTurn(options.knowledge, limits);
  const threads: Thread[] = [];
  let nextId = 0;
  let completed = 0;
  let fallbacks = 0;
  let earlyDeaths = 0;
  let closed = false;

  function spawn(): void {
    const startedAt = Date.now();
    const thread: Thread = { worker: new Worker(options.entry ?? ENTRY, { workerData }), pending: new Map() };
    // Idle threads must not keep a process alive that has nothing else to do.
    thread.worker.unref();
    thread.worker.on('message', (reply: Reply) => {
      const task = thread.pending.get(reply.id);
      if (!task) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) thread.worker.unref();
      if ('error' in reply) task.reject(new Error(reply.error));
      else {
        completed++;
        task.resolve(reply.result);
      }
    });
    thread.worker.on('error', (error) => logger.error({ err: error }, 'an engine thread failed'));
    thread.worker.once('exit', (code) => {
      threads.splice(threads.indexOf(thread), 1);
      for (const task of thread.pending.values()) task.reject(new Error(`engine thread exited (code ${code})`));
      if (closed) return;
      if (Date.now() - startedAt < EARLY_DEATH_MS && ++earlyDeaths >= MAX_EARLY_DEATHS) {
        logger.error({ earlyDeaths }, 'engine threads keep failing at start; turns run on the main thread');
        return;
      }
      spawn();
    });
    threads.push(thread);
  }

  function runOnThread(request: OfflineTurnRequest): Promise<OfflineTurnResult> {
    const thread = threads.reduce<Thread | undefined>(
      (best, t) => (!best || t.pending.size < best.pending.size ? t : best),
      undefined,
    );
    if (!thread) return Promise.reject(new Error('no engine thread is running'));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      if (thread.pending.size === 1) thread.worker.ref();
      thread.worker.postMessage({ id, request } satisfies EngineTask);
    });
  }

  for (let i = 0; i < options.threads; i++) spawn();

  return {
    offlineTurn: async (request) => {
      if (closed) return here(request);
      try {
        return await runOnThread(request);
      } catch (error) {
        fallbacks++;
        logger.warn({ err: error }, 'an engine thread could not run a turn; running it on the main thread');
        return here(request);
      }
    },
    status: () => ({
      threads: threads.length,
      running: threads.reduce((n, t) => n + t.pending.size, 0),
      completed,
      fallbacks,
    }),
    close: async () => {
      closed = true;
      await Promise.all(threads.map((t) => t.worker.terminate()));
    },
  };
}
