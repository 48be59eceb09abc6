/**
 * Lexical retrieval fused with embedding retrieval by reciprocal rank fusion. Embeddings are an
 * improvement, never a dependency: if they fail (or their circuit is open) the lexical ranking is used.
 */
import { fuseRankings } from '../knowledge/fuse-rankings.js';
import type { RetrievedPassage, Retriever } from '../knowledge/knowledge.js';
import type { CircuitBreaker } from './circuit-breaker.js';
import type { EmbeddingIndex } from './create-embedding-index.js';

export interface HybridRetrieverOptions {
  lexical: Retriever;
  semantic?: EmbeddingIndex;
  breaker?: CircuitBreaker;
  onSemanticError?: (error: unknown) => void;
}

/** A Retriever whose search also accepts an abort signal (for the query embedding call). */
export interface HybridRetriever extends Retriever {
  search(query: string, opts?: { limit?: number; tags?: string[]; signal?: AbortSignal }): Promise<RetrievedPassage[]>;
}

export function createHybridRetriever(options: HybridRetrieverOptions): HybridRetriever {
  const { lexical, semantic, breaker, onSemanticError } = options;
  return {
    async search(query, opts: { limit?: number; tags?: string[]; signal?: AbortSignal } = {}) {
      const limit = opts.limit ?? 5;
      const depth = limit * 2;
      const lexicalHits = await lexical.search(query, { limit: depth, ...(opts.tags ? { tags: opts.tags } : {}) });
      if (!semantic || (breaker && !breaker.allow())) return lexicalHits.slice(0, limit);
      try {
        const semanticHits = await semantic.search(query, { limit: depth, signal: opts.signal });
        breaker?.success();
        return fuseRankings([lexicalHits, semanticHits]).slice(0, limit);
      } catch (error) {
        breaker?.failure();
        onSemanticError?.(error);
        return lexicalHits.slice(0, limit);
      }
    },
  };
}
