import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimOnce } from '../../src/store/claim-once.js';
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

  it('lets exactly one of two replicas claim the same retried event, even at the same moment', async () => {
    const namespace = `archie-test-${randomUUID()}`;
    const a = createStore(url, namespace);
    const b = createStore(url, namespace);
    for (let event = 0; event < 20; event++) {
      const key = `slack:event:Ev${event}`;
      // Five concurrent deliveries on each replica, as a burst of retries would arrive.
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => claimOnce((i % 2 ? a : b).keyv, key, 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await b.keyv.get(key)).toBeTypeOf('number');
    }
    await a.close();
    await b.close();
  });

  it('expires a claim with its TTL, so the key can be claimed again', async () => {
    const store = createStore(url, `archie-test-${randomUUID()}`);
    expect(await claimOnce(store.keyv, 'slack:event:Ev1', 200)).toBe(true);
    expect(await claimOnce(store.keyv, 'slack:event:Ev1', 200)).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.keyv.get('slack:event:Ev1')).toBeUndefined();
    expect(await claimOnce(store.keyv, 'slack:event:Ev1', 200)).toBe(true);
    await store.close();
  });
});
