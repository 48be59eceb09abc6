/**
 * The engine pool: offline turns on worker threads give exactly the replies the main thread gives, keep
 * the injected clock, and a failing worker never costs the user an answer.
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage, UserInput } from '../../src/core/message.js';
import { createEnginePool, type EnginePool } from '../../src/engine/create-engine-pool.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { createStore } from '../../src/store/create-store.js';
import { createFakeClock } from '../support/fake-clock.js';

const DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Solo developer, prototype chatbot for customer support, OpenAI API, a few hundred users.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
  'We run 40 microservices with 3 engineers and our on-call is drowning; the LLM calls go to Azure OpenAI.',
];

const knowledge = await loadKnowledgeBase();
const pools: EnginePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

function consultantWith(pool: EnginePool | undefined, clock = createFakeClock('2026-03-02T09:00:00Z')) {
  return createConsultant({ knowledge, store: createStore('memory://').keyv, clock, runTurn: pool?.runTurn });
}

function startPool(options: Partial<Parameters<typeof createEnginePool>[0]> = {}) {
  const { logger, lines } = logSink();
  const pool = createEnginePool({
    threads: 1,
    knowledge,
    clock: createFakeClock('2026-03-02T09:00:00Z'),
    logger,
    ...options,
  })!;
  pools.push(pool);
  return { pool, lines };
}

/** A whole interview: the description, the first quick reply of every question, then "why" and "export". */
async function interview(consultant: ReturnType<typeof consultantWith>, id: string, description: string) {
  const transcript: OutMessage[][] = [];
  const turn = async (input: UserInput) => {
    const out = await consultant.handle(id, input, { channel: 'terminal', userId: 'u1' });
    transcript.push(out);
    return out;
  };
  let out = await turn({ type: 'text', text: description });
  for (let q = out.find((m) => m.type === 'question'); q; q = out.find((m) => m.type === 'question')) {
    out = await turn({ type: 'choice', value: q.quickReplies[0]!.value, label: q.quickReplies[0]!.label });
  }
  await turn({ type: 'text', text: 'why?' });
  await turn({ type: 'text', text: 'export' });
  return transcript;
}

describe('engine pool', () => {
  it('gives the same replies, turn by turn, as running on the main thread', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const { pool, lines } = startPool({ clock });
    const onThread = consultantWith(undefined, clock);
    const onWorker = consultantWith(pool, clock);
    for (const [i, description] of DESCRIPTIONS.entries()) {
      const expected = await interview(onThread, `c${i}`, description);
      expect(await interview(onWorker, `c${i}`, description)).toEqual(expected);
      expect(expected.flat().some((m) => m.type === 'recommendation')).toBe(true);
    }
    expect(pool.status()).toEqual({ threads: 1 });
    expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it('stamps facts with the main thread’s clock, not the worker’s', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const { pool } = startPool({ clock });
    const store = createStore('memory://');
    const consultant = createConsultant({ knowledge, store: store.keyv, clock, runTurn: pool.runTurn });
    await consultant.handle('t1', { type: 'text', text: DESCRIPTIONS[0]! }, { channel: 'slack' });
    await clock.advance(60_000);
    await consultant.handle('t1', { type: 'text', text: 'actually we are 9 engineers' }, { channel: 'slack' });
    const record = JSON.parse((await store.keyv.get('conv:t1')) as string);
    expect(record.profile.engineers).toBe(9);
    expect(record.provenance.engineers).toMatchObject({ source: 'correction', at: '2026-03-02T09:01:00.000Z' });
    expect(record.provenance.users.at).toBe('2026-03-02T09:00:00.000Z');
  });

  it('answers on the main thread when a worker dies mid-turn, and sets the pool aside after repeated failures', async () => {
    const { pool, lines } = startPool({ workerFile: new URL('./crashing-worker.js', import.meta.url) });
    const consultant = consultantWith(pool);
    for (let i = 0; i < 4; i++) {
      const out = await consultant.handle(`x${i}`, { type: 'text', text: DESCRIPTIONS[i]! }, { channel: 'teams' });
      expect(out.some((m) => m.type === 'question' || m.type === 'recommendation')).toBe(true);
    }
    expect(lines.filter((l) => l.msg === 'engine worker failed a turn; running it on the main thread')).toHaveLength(3);
    expect(lines.some((l) => String(l.msg).includes('running every turn on the main thread from now on'))).toBe(true);
    expect(pool.status()).toMatchObject({ threads: 0 });
  });

  it('shows the turn’s own error to the user as it would on the main thread, without retrying it', async () => {
    const { pool, lines } = startPool({ workerFile: new URL('./rejecting-worker.js', import.meta.url) });
    const consultant = consultantWith(pool);
    await expect(consultant.handle('e1', { type: 'text', text: 'hello' }, { channel: 'web' })).rejects.toMatchObject({
      code: 'bad_input',
      userMessage: 'That message could not be read.',
    });
    expect(lines.filter((l) => l.level === 50)).toHaveLength(0);
    expect(pool.status()).toEqual({ threads: 1 });
  });

  it('is not created for 0 threads, so turns run on the main thread', () => {
    expect(createEnginePool({ threads: 0, knowledge, clock: createFakeClock(), logger: logSink().logger })).toBe(
      undefined,
    );
  });
});
