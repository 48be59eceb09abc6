import { describe, expect, it } from 'vitest';
import { createOfflineTurn } from '../../src/core/offline-turn.js';
import { knowledge } from './interview/harness.js';

const description = 'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API.';

describe('the offline turn', () => {
  it('stamps each of several turns started together with its own time, and answers each', async () => {
    const turn = createOfflineTurn(await knowledge());
    const times = ['2026-01-01T10:00:00.000Z', '2026-02-02T11:00:00.000Z', '2026-03-03T12:00:00.000Z'];
    const results = await Promise.all(
      times.map((at) => turn({ record: undefined, input: { type: 'text', text: description }, at: new Date(at) })),
    );
    results.forEach((result, i) => {
      const record = JSON.parse(result.record);
      expect(record.updatedAt).toBe(times[i]);
      expect(Object.values(record.provenance).every((p) => (p as { at: string }).at === times[i])).toBe(true);
      expect(result.messages.length).toBeGreaterThan(0);
    });
  });

  it('keeps answering after a turn fails', async () => {
    const turn = createOfflineTurn(await knowledge());
    const broken = turn({ record: undefined, input: null as never, at: new Date() });
    await expect(broken).rejects.toThrow();
    const next = await turn({ record: undefined, input: { type: 'text', text: description }, at: new Date() });
    expect(next.messages.length).toBeGreaterThan(0);
  });
});
