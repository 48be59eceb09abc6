/** What the pool (create-engine-threads) and an engine thread (engine-worker) send each other. */
import type { EngineLimits, OfflineTurnRequest, OfflineTurnResult } from '../../core/offline-turn.js';

export interface EngineWorkerData {
  knowledgeDir?: string;
  limits: EngineLimits;
}

/** Sent by a thread once its knowledge base is loaded: until then the pool answers on the main thread. */
export const READY = 'ready';

/** Pool → thread. */
export type EngineTask = { id: number; request: OfflineTurnRequest };

/** Thread → pool. */
export type EngineReply = typeof READY | { id: number; result: OfflineTurnResult } | { id: number; error: string };
