/**
 * An engine thread: loads the knowledge base once, then answers each turn the pool sends it
 * ({ id, request }) with { id, result } or { id, error }. Turns that arrive while it loads wait in the port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from '../../core/knowledge/load-knowledge-base.js';
import { createOfflineTurn, type EngineLimits, type OfflineTurnRequest } from '../../core/offline-turn.js';

export interface EngineWorkerData {
  knowledgeDir?: string;
  limits: EngineLimits;
}

export type EngineTask = { id: number; request: OfflineTurnRequest };

const { knowledgeDir, limits } = workerData as EngineWorkerData;
const turn = createOfflineTurn(await loadKnowledgeBase(knowledgeDir), limits);

parentPort?.on('message', async ({ id, request }: EngineTask) => {
  try {
    parentPort?.postMessage({ id, result: await turn(request) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
