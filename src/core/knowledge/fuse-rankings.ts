/** Reciprocal-rank fusion: merges ranked lists (lexical, embedding, …) without comparing their scores. */

/**
 * Fuses ranked lists by Σ 1/(k + rank). An item keeps the fields of its first occurrence and gets the
 * fused score; ties break on best single rank, then id, so the order is deterministic.
 */
export function fuseRankings<T extends { id: string }>(
  lists: readonly (readonly T[])[],
  k = 60,
): Array<T & { score: number }> {
  const fused = new Map<string, { item: T; score: number; bestRank: number }>();
  for (const list of lists) {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) return; // a duplicate within one list must not count twice
      seen.add(item.id);
      const rank = index + 1;
      const entry = fused.get(item.id);
      if (entry) {
        entry.score += 1 / (k + rank);
        entry.bestRank = Math.min(entry.bestRank, rank);
      } else {
        fused.set(item.id, { item, score: 1 / (k + rank), bestRank: rank });
      }
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.bestRank - b.bestRank || (a.item.id < b.item.id ? -1 : 1))
    .map(({ item, score }) => ({ ...item, score }));
}
