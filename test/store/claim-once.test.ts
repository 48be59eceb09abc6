import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimOnce } from '../../src/store/claim-once.js';
import { createStore } from '../../src/store/create-store.js';

const dir = mkdtempSync(join(tmpdir(), 'archie-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['memory', 'memory://'],
  ['SQLite', `sqlite://${join(dir, 'claims.sqlite')}`],
])('claimOnce on a %s store', (_name, url) => {
  it('gives a key to exactly one of many concurrent callers, then to nobody until it expires', async () => {
    const store = createStore(url);
    const claims = await Promise.all(Array.from({ length: 25 }, () => claimOnce(store.keyv, 'teams:seen:c:1', 300)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimOnce(store.keyv, 'teams:seen:c:1', 300)).toBe(false);
    expect(await claimOnce(store.keyv, 'teams:seen:c:2', 300)).toBe(true);
    await new Promise((r) => setTimeout(r, 450));
    expect(await claimOnce(store.keyv, 'teams:seen:c:1', 300)).toBe(true);
    await store.close();
  });
});
