/**
 * An engine thread: loads the knowledge base once, says it is ready, then answers each turn the pool sends
 * it ({ id, request }) with { id, result } or { id, error }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from '../../core/knowledge/load-knowledge-base.js';
import { createOfflineTurn } from '../../core/offline-turn.js';
import { type EngineReply, type EngineTask, type EngineWorkerData, READY } from './engine-protocol.js';

const { knowledgeDir, limits } = workerData as EngineWorkerData;
const turn = createOfflineTurn(await loadKnowledgeBase(knowledgeDir), limits);

const reply = (message: EngineReply) => parentPort?.postMessage(message);

reply(READY);
parentPort?.on('message', async ({ id, request }: EngineTask) => {
  try {
    reply({ id, result: await turn(request) });
  } catch (error) {
    reply({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
