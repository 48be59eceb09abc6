import { afterEach, describe, expect, it } from 'vitest';
import { createEngineThreads, type EngineThreads } from '../../../src/app/engine-threads/create-engine-threads.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { createConsultant } from '../../../src/core/create-consultant.js';
import type { OutMessage, UserInput } from '../../../src/core/message.js';
import { createLogger } from '../../../src/observability/create-logger.js';
import { createStore } from '../../../src/store/create-store.js';
import { fixedClock, knowledge, questionOf } from '../../core/interview/harness.js';

const logger = createLogger({ level: 'silent' });
const ctx = { channel: 'terminal' as const, userId: 'u1' };
const text = (t: string): UserInput => ({ type: 'text', text: t });

let pools: EngineThreads[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.close()));
  pools = [];
});

/** A pool whose threads are ready (unless they cannot start). */
async function threads(options: { entry?: URL; threads?: number; idleMs?: number } = {}) {
  const pool = createEngineThreads({ threads: options.threads ?? 1, logger, ...options });
  pools.push(pool);
  await pool.ready();
  return pool;
}

async function consultant(pool?: EngineThreads): Promise<Consultant> {
  return createConsultant({
    knowledge: await knowledge(),
    store: createStore('memory://').keyv,
    clock: fixedClock,
    offloadTurn: pool?.offloadTurn,
  });
}

/** Plays a whole interview: the description, then the first quick reply of each question, to the verdict. */
async function interview(c: Consultant, id: string, description: string): Promise<OutMessage[][]> {
  const turns = [await c.handle(id, text(description), ctx)];
  for (let i = 0; i < 8; i++) {
    const question = questionOf(turns.at(-1)!);
    if (!question) break;
    turns.push(await c.handle(id, { type: 'choice', value: question.quickReplies[0]!.value }, ctx));
  }
  turns.push(await c.handle(id, text('why?'), ctx));
  return turns;
}

const DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Two teams build an agent platform; we self-host a 70B model on GPUs and ingest 5 million documents a day.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
];

describe('engine threads', () => {
  it('answer every turn of an interview exactly as the engine does on the main thread', async () => {
    const pool = await threads({ threads: 2 });
    const onThreads = await consultant(pool);
    const onMain = await consultant();
    let turns = 0;
    for (const [i, description] of DESCRIPTIONS.entries()) {
      const threaded = await interview(onThreads, `c${i}`, description);
      turns += threaded.length;
      expect(threaded.flat().some((m) => m.type === 'recommendation')).toBe(true);
      expect(threaded).toEqual(await interview(onMain, `c${i}`, description));
      expect(await onThreads.snapshot(`c${i}`)).toEqual(await onMain.snapshot(`c${i}`));
    }
    expect(pool.status()).toMatchObject({ completed: turns, onMainThread: 0, fallbacks: 0 });
  });

  it('keep up with turns sent all at once, each answered for its own conversation', async () => {
    const pool = await threads({ threads: 2 });
    const c = await consultant(pool);
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => c.handle(`burst-${i}`, text(DESCRIPTIONS[i % 3]!), ctx)),
    );
    const reference = await Promise.all(
      DESCRIPTIONS.map((d, i) => consultant().then((m) => m.handle(`r${i}`, text(d), ctx))),
    );
    expect(replies).toEqual(replies.map((_, i) => reference[i % 3]));
    expect(pool.status()).toMatchObject({ threads: 2, running: 0, completed: 40, onMainThread: 0, fallbacks: 0 });
  });

  it('answer a turn whose thread died mid-turn, and replace the thread', async () => {
    const pool = await threads({ entry: new URL('./crash-on-word.mjs', import.meta.url) });
    const c = await consultant(pool);
    const crashed = await c.handle('a', text(`${DESCRIPTIONS[0]} CRASH-THE-THREAD`), ctx);
    expect(crashed.some((m) => m.type === 'question')).toBe(true);
    expect(pool.status().fallbacks).toBe(1);
    // The next turn starts a replacement (answering on the main thread meanwhile); once it is ready, it answers.
    await c.handle('b', text(DESCRIPTIONS[1]!), ctx);
    await pool.ready();
    await c.handle('c', text(DESCRIPTIONS[2]!), ctx);
    expect(pool.status()).toMatchObject({ threads: 1, completed: 1, onMainThread: 1, fallbacks: 1 });
  });

  it('answer on the main thread when threads cannot start, and stop restarting them', async () => {
    const pool = await threads({ entry: new URL('./fails-to-start.mjs', import.meta.url) });
    const c = await consultant(pool);
    for (let i = 0; i < 4; i++) {
      // Each turn may start another thread; each fails while the turn is answered on the main thread.
      const reply = await c.handle(`s${i}`, text(DESCRIPTIONS[0]!), ctx);
      expect(reply.some((m) => m.type === 'question')).toBe(true);
      await pool.ready();
    }
    expect(pool.status()).toMatchObject({ threads: 0, completed: 0, onMainThread: 4, fallbacks: 0 });
    expect(await c.handle('after', text(DESCRIPTIONS[1]!), ctx)).toEqual(
      await (await consultant()).handle('after', text(DESCRIPTIONS[1]!), ctx),
    );
    expect(pool.status().threads).toBe(0); // three failed starts: no more attempts
  });

  it('stop when idle, answer on the main thread while a new one starts, then use it', async () => {
    const pool = await threads({ idleMs: 50 });
    const c = await consultant(pool);
    await c.handle('i1', text(DESCRIPTIONS[0]!), ctx);
    await expect.poll(() => pool.status().threads, { timeout: 2_000 }).toBe(0);
    const whileStarting = await c.handle('i2', text(DESCRIPTIONS[1]!), ctx);
    expect(whileStarting).toEqual(await (await consultant()).handle('i2', text(DESCRIPTIONS[1]!), ctx));
    await pool.ready();
    await c.handle('i3', text(DESCRIPTIONS[2]!), ctx);
    expect(pool.status()).toMatchObject({ threads: 1, completed: 2, onMainThread: 1, fallbacks: 0 });
  });

  it('still answer after the pool closed (turns in flight at shutdown)', async () => {
    const pool = await threads();
    const c = await consultant(pool);
    await pool.close();
    expect(pool.status().threads).toBe(0);
    const reply = await c.handle('late', text(DESCRIPTIONS[2]!), ctx);
    expect(reply).toEqual(await (await consultant()).handle('late', text(DESCRIPTIONS[2]!), ctx));
  });
});
