import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/core/errors.js';
import { createStore, maskUrl } from '../../src/store/create-store.js';

describe('createStore (STORE_URL)', () => {
  it('keeps data in a SQLite file across a restart, creating its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archie-store-'));
    const url = `sqlite://${join(dir, 'nested', 'archie.sqlite')}`;
    const first = createStore(url);
    expect(first.kind).toBe('sqlite');
    await first.keyv.set('conv:1', { schemaVersion: 1, answers: ['3 engineers'] });
    await first.close();
    const second = createStore(url);
    expect(await second.keyv.get('conv:1')).toEqual({ schemaVersion: 1, answers: ['3 engineers'] });
    await second.close();
    await second.close(); // closing twice is harmless
  });

  it('writes SQLite through a write-ahead log, so a write does not wait on a sync of the whole file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'archie-store-'));
    const store = createStore(`sqlite://${join(dir, 'archie.sqlite')}`);
    await store.keyv.set('conv:1', 'x');
    const adapter = store.keyv.opts.store as unknown as { query(sql: string): Promise<Record<string, unknown>[]> };
    expect(await adapter.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await adapter.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]); // NORMAL
    expect(readdirSync(dir)).toContain('archie.sqlite-wal');
    await store.close();
  });

  it('keeps data only for the life of the process with memory://', async () => {
    const store = createStore('memory://');
    await store.keyv.set('k', 1);
    expect(await store.keyv.get('k')).toBe(1);
    expect(createStore('memory://').kind).toBe('memory');
  });

  it('gives memory:// callers copies of objects, and honours expiry for strings and objects alike', async () => {
    const { keyv } = createStore('memory://');
    const record = { phase: 'questioning', asked: ['teams'] };
    await keyv.set('conv:1', record);
    record.asked.push('changed after saving');
    const loaded = (await keyv.get('conv:1')) as typeof record;
    loaded.asked.push('changed after loading');
    expect(await keyv.get('conv:1')).toEqual({ phase: 'questioning', asked: ['teams'] });

    await keyv.set('conv:2', '{"phase":"recommended"}', 30);
    await keyv.set('conv:3', { phase: 'recommended' }, 30);
    expect(await keyv.get('conv:2')).toBe('{"phase":"recommended"}');
    await new Promise((r) => setTimeout(r, 60));
    expect(await keyv.get('conv:2')).toBeUndefined();
    expect(await keyv.get('conv:3')).toBeUndefined();
  });

  it('explains which URLs are supported, without echoing a password', () => {
    let error: unknown;
    try {
      createStore('postgres://archie:hunter2@db:5432/archie');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchieError);
    expect((error as ArchieError).userMessage).toMatch(/sqlite:\/\/.*redis:\/\/.*memory:\/\//);
    expect((error as ArchieError).userMessage).not.toContain('hunter2');
    expect(maskUrl('redis://user:secret@host:6379')).toBe('redis://user:***@host:6379');
  });
});
