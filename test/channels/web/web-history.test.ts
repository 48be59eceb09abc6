import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createWebHistory } from '../../../src/channels/web/web-history.js';
import { createSerializeByKey } from '../../../src/core/serialize-by-key.js';

const at = new Date('2026-11-28T10:00:00Z');

describe('web chat transcript', () => {
  it('numbers lines in order and returns them whole', async () => {
    const history = createWebHistory(new Keyv(), { now: () => at });
    await history.create('abc');
    await history.append('abc', [{ from: 'archie', message: { type: 'text', text: 'Hi' } }]);
    const added = await history.append('abc', [
      { from: 'user', text: 'We are 6 engineers' },
      { from: 'archie', message: { type: 'text', text: 'Thanks' } },
    ]);
    expect(added?.map((line) => line.seq)).toEqual([2, 3]);
    const transcript = await history.load('abc');
    expect(transcript?.messages.map((line) => (line.from === 'user' ? line.text : line.message.type))).toEqual([
      'text',
      'We are 6 engineers',
      'text',
    ]);
    expect(transcript?.updatedAt).toBe(at.toISOString());
  });

  it('does not invent a conversation that was never started', async () => {
    const history = createWebHistory(new Keyv());
    expect(await history.load('nope')).toBeUndefined();
    expect(await history.append('nope', [{ from: 'user', text: 'hello' }])).toBeUndefined();
  });

  it('keeps only the newest lines beyond the cap, still numbered after the last one', async () => {
    const history = createWebHistory(new Keyv(), { maxMessages: 3 });
    await history.create('c');
    for (let i = 1; i <= 5; i++) await history.append('c', [{ from: 'user', text: `line ${i}` }]);
    const transcript = await history.load('c');
    expect(transcript?.messages.map((line) => line.seq)).toEqual([3, 4, 5]);
  });

  it('loses no line when two turns of one conversation arrive at once', async () => {
    const history = createWebHistory(new Keyv());
    const serialize = createSerializeByKey();
    await history.create('busy');
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        serialize('busy', () => history.append('busy', [{ from: 'user', text: `turn ${i}` }])),
      ),
    );
    const transcript = await history.load('busy');
    expect(transcript?.messages.map((line) => line.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('keeps serving a conversation after one of its tasks failed', async () => {
    const serialize = createSerializeByKey();
    await expect(serialize('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(serialize('k', async () => 'next')).resolves.toBe('next');
  });
});
