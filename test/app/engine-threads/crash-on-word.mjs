// An engine thread that behaves like the real one, except that a message containing "CRASH-THE-THREAD" kills
// the thread mid-turn (as an out-of-memory abort or a native fault would).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { loadKnowledgeBase } = await import('../../../src/core/knowledge/load-knowledge-base.ts');
const { createOfflineTurn } = await import('../../../src/core/offline-turn.ts');
const turn = createOfflineTurn(await loadKnowledgeBase(workerData.knowledgeDir), workerData.limits);
parentPort.postMessage('ready');

parentPort.on('message', async ({ id, request }) => {
  if (request.input.type === 'text' && request.input.text.includes('CRASH-THE-THREAD')) process.exit(7);
  parentPort.postMessage({ id, result: await turn(request) });
});
