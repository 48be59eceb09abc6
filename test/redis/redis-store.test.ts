import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Redis store (STORE_URL=redis://…)', () => {
  it('shares state between two replicas and keeps it when one restarts', async () => {
    const namespace = `archie-test-${randomUUID()}`;
    const a = createStore(url, namespace);
    const b = createStore(url, namespace);
    expect(a.kind).toBe('redis');
    await a.keyv.set('conv:team-1', { schemaVersion: 1, verdict: 'hybrid' });
    expect(await b.keyv.get('conv:team-1')).toEqual({ schemaVersion: 1, verdict: 'hybrid' });
    await a.close();
    const again = createStore(url, namespace);
    expect(await again.keyv.get('conv:team-1')).toEqual({ schemaVersion: 1, verdict: 'hybrid' });
    await again.keyv.delete('conv:team-1');
    expect(await b.keyv.get('conv:team-1')).toBeUndefined();
    await again.close();
    await b.close();
  });

  it('expires dedupe keys with their TTL', async () => {
    const store = createStore(url, `archie-test-${randomUUID()}`);
    await store.keyv.set('slack:event:Ev1', true, 200);
    expect(await store.keyv.get('slack:event:Ev1')).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.keyv.get('slack:event:Ev1')).toBeUndefined();
    await store.close();
  });
});
