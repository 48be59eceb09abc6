import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../src/checkins/history-store.js';
import { createKeyvIndex } from '../../src/checkins/id-index.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { createSerializeByKey, type SerializeByKey } from '../../src/core/serialize-by-key.js';
import { createStore } from '../../src/store/create-store.js';
import { redisBehindKeyv } from '../../src/store/redis-behind-keyv.js';
import { createTurnLock } from '../../src/store/turn-lock.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two replicas sharing one Redis namespace. */
function twoReplicas() {
  const namespace = `archie-test-${randomUUID()}`;
  const a = createStore(url, namespace);
  const b = createStore(url, namespace);
  return { a, b, close: async () => Promise.all([a.close(), b.close()]) };
}

/** 20 read-modify-write increments of one record, alternating between the replicas, all at once. */
async function race(replicas: ReturnType<typeof twoReplicas>, locks: [SerializeByKey, SerializeByKey]) {
  const key = 'conv:c1';
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      locks[i % 2]!(key, async () => {
        const store = (i % 2 ? replicas.b : replicas.a).keyv;
        const count = ((await store.get<number>('counter')) ?? 0) + 1;
        await sleep(2);
        await store.set('counter', count);
      }),
    ),
  );
  return replicas.a.keyv.get<number>('counter');
}

describe('one turn at a time per conversation across replicas (Redis)', () => {
  it('loses no update when two replicas take turns on the same conversation at once', async () => {
    const unlocked = twoReplicas();
    // Without the lease each replica only orders its own turns, and saves overwrite each other.
    expect(await race(unlocked, [createSerializeByKey(), createSerializeByKey()])).toBeLessThan(20);
    await unlocked.close();

    const locked = twoReplicas();
    expect(await race(locked, [createTurnLock(locked.a.keyv), createTurnLock(locked.b.keyv)])).toBe(20);
    await locked.close();
  });

  it('keeps both facts when two quick messages of one conversation reach two replicas', async () => {
    const replicas = twoReplicas();
    const knowledge = await loadKnowledgeBase();
    const [a, b] = [replicas.a, replicas.b].map((r) =>
      createConsultant({ knowledge, store: r.keyv, serialize: createTurnLock(r.keyv) }),
    );
    const ctx = { channel: 'slack' as const, userId: 'u1' };
    await Promise.all([
      a!.handle('c1', { type: 'text', text: 'We are 6 engineers building a RAG assistant.' }, ctx),
      b!.handle('c1', { type: 'text', text: 'We self-host a 70B model on our own GPUs.' }, ctx),
    ]);
    expect((await a!.snapshot('c1'))?.profile).toMatchObject({ engineers: 6, modelSizeB: 70 });
    await replicas.close();
  });

  it('waits for a replica that holds the conversation, then answers anyway after waitMs', async () => {
    const replicas = twoReplicas();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const expired: string[] = [];
    const first = createTurnLock(replicas.a.keyv)('c1', () => held);
    await sleep(50);
    const t = Date.now();
    await createTurnLock(replicas.b.keyv, { waitMs: 300, onWaitExpired: (key) => expired.push(key) })(
      'c1',
      async () => {},
    );
    expect(Date.now() - t).toBeGreaterThanOrEqual(250);
    expect(expired).toEqual(['c1']);
    release();
    await first;
    await replicas.close();
  });

  it('renews the lease of a long turn, and frees the lease of a replica that died', async () => {
    const replicas = twoReplicas();
    const order: string[] = [];
    // A turn three times longer than its lease keeps the conversation: renewal, not expiry.
    const slow = createTurnLock(replicas.a.keyv, { leaseMs: 200 })('c1', async () => {
      order.push('a starts');
      await sleep(600);
      order.push('a ends');
    });
    await sleep(30);
    await createTurnLock(replicas.b.keyv)('c1', async () => void order.push('b runs'));
    await slow;
    expect(order).toEqual(['a starts', 'a ends', 'b runs']);

    // A replica that died mid-turn left its lease behind, unrenewed: the next turn gets in once it runs out.
    const redis = redisBehindKeyv(replicas.a.keyv)!;
    await (await redis.client()).set(redis.keyFor('turn-lock:c2'), 'dead-replica', { PX: 300 });
    const expired: string[] = [];
    const t = Date.now();
    await createTurnLock(replicas.b.keyv, { onWaitExpired: (key) => expired.push(key) })('c2', async () => {});
    expect(Date.now() - t).toBeGreaterThanOrEqual(250);
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(expired).toEqual([]);
    await replicas.close();
  });

  it('keeps every verdict two replicas record for one team at the same moment', async () => {
    const replicas = twoReplicas();
    const [a, b] = [replicas.a, replicas.b].map((r) =>
      createHistoryStore(r.keyv, createKeyvIndex(r.keyv, 'history-teams'), { serialize: createTurnLock(r.keyv) }),
    );
    const entry = (i: number) => ({
      at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
      verdict: 'hybrid' as const,
      // Twenty different assessments (an unchanged re-assessment is, rightly, not recorded twice).
      confidence: 0.5 + i / 100,
      scores: { monolith: 0, 'modular-monolith': 0, hybrid: 0.5 + i / 100, microservices: 0 },
      profile: { engineers: i + 1 },
      factors: [],
      citations: [],
      engineVersion: 'test',
      source: 'checkin' as const,
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b)!.record('team-1', entry(i))));
    expect(await a!.list('team-1')).toHaveLength(20);
    await replicas.close();
  });
});
