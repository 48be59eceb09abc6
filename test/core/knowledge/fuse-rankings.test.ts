import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../../../src/core/knowledge/fuse-rankings.js';

const list = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

describe('fuseRankings (reciprocal-rank fusion)', () => {
  it('puts an item both retrievers agree on above items only one of them found', () => {
    const fused = fuseRankings([list('a', 'b', 'c'), list('d', 'c', 'e')]);
    expect(fused[0]!.id).toBe('c');
    expect(fused.map((f) => f.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('scores by the sum of 1/(k + rank) and keeps the first occurrence fields', () => {
    const fused = fuseRankings([list('a', 'b'), list('b')], 10);
    expect(fused.find((f) => f.id === 'b')!.score).toBeCloseTo(1 / 12 + 1 / 11);
    expect(fused.find((f) => f.id === 'a')).toEqual({ id: 'a', label: 'A', score: 1 / 11 });
  });

  it('is deterministic on ties and ignores duplicates within one list', () => {
    expect(fuseRankings([list('b', 'a'), list('a', 'b')]).map((f) => f.id)).toEqual(['a', 'b']);
    expect(fuseRankings([list('a', 'a')])[0]!.score).toBeCloseTo(1 / 61);
    expect(fuseRankings([])).toEqual([]);
  });
});
