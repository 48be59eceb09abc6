/**
 * The engine inside a worker thread: loads the knowledge base once, then runs one offline interview turn
 * per task with the same code the main thread would run (createTurnEngine).
 */
import { workerData } from 'node:worker_threads';
import { ArchieError } from '../core/errors.js';
import { loadKnowledgeBase } from '../core/knowledge/load-knowledge-base.js';
import { createTurnEngine } from '../core/turn-engine.js';
import type { TurnTask, TurnTaskResult, WorkerSetup } from './turn-task.js';

const setup = (workerData ?? {}) as WorkerSetup;
// Piscina gives each worker one task at a time, so the turn's time can live here between steps.
let turnTime = new Date();
const engine = createTurnEngine({
  knowledge: await loadKnowledgeBase(setup.knowledgeDir),
  now: () => turnTime,
  limits: setup.limits,
});

export default async function runTurn(task: TurnTask): Promise<TurnTaskResult> {
  turnTime = new Date(task.now);
  try {
    return { ok: true, result: await engine.interview.handle(task.state, task.input, task.ctx) };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const archie = error instanceof ArchieError ? { code: error.code, userMessage: error.userMessage } : {};
    return { ok: false, error: { ...archie, message: error.message, stack: error.stack } };
  }
}
