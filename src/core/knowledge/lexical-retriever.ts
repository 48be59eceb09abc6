/**
 * The default retriever: BM25 ranking (MiniSearch) over passages, with the title, section heading and
 * tags boosted, prefix matching, typo tolerance on longer words and a light stemmer. No model needed.
 */
import MiniSearch from 'minisearch';
import { processTerm, tokenize } from './analyze-text.js';
import { expandQuery } from './expand-query.js';
import type { Passage, RetrievedPassage, Retriever } from './knowledge.js';

export interface LexicalRetrieverOptions {
  /** Field weights relative to the passage text. */
  boost: { title: number; heading: number; tags: number; text: number };
  /** Default number of results. */
  limit: number;
  /** Weight of thesaurus expansions relative to the user's own words. */
  expansionWeight: number;
}

export const DEFAULT_LEXICAL_OPTIONS: LexicalRetrieverOptions = {
  boost: { title: 2, heading: 1.5, tags: 1.5, text: 1 },
  limit: 5,
  expansionWeight: 0.4,
};

interface IndexedPassage {
  id: string;
  title: string;
  heading: string;
  tags: string;
  text: string;
}

/** Builds the index once; `search` is synchronous work behind the async Retriever seam. */
export function createLexicalRetriever(
  passages: readonly Passage[],
  options: Partial<LexicalRetrieverOptions> = {},
): Retriever {
  const opts = { ...DEFAULT_LEXICAL_OPTIONS, ...options };
  const byId = new Map(passages.map((p) => [p.id, p]));
  const index = new MiniSearch<IndexedPassage>({
    fields: ['title', 'heading', 'tags', 'text'],
    tokenize,
    processTerm,
    searchOptions: {
      boost: opts.boost,
      combineWith: 'OR',
      // Prefix matching helps "monolith" find "monolithic", but is noise on short terms.
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.3, prefix: 0.4 },
    },
  });
  index.addAll(
    passages.map((p) => ({
      id: p.id,
      title: p.title,
      heading: p.heading ?? '',
      tags: (p.tags ?? []).join(' '),
      text: p.text,
    })),
  );

  return {
    async search(query, searchOptions = {}) {
      const limit = searchOptions.limit ?? opts.limit;
      if (!query.trim() || limit <= 0) return [];
      const wanted = searchOptions.tags?.length ? new Set(searchOptions.tags) : undefined;
      const expansion = expandQuery(query);
      const weight = opts.expansionWeight;
      const fullQuery = expansion ? { queries: [query, { queries: [expansion], boostTerm: () => weight }] } : query;
      const hits = index.search(fullQuery, wanted ? { filter: (r) => hasTag(byId.get(r.id), wanted) } : {});
      const results: RetrievedPassage[] = [];
      for (const hit of hits.slice(0, limit)) {
        const passage = byId.get(hit.id);
        if (passage) results.push({ ...passage, score: hit.score });
      }
      return results;
    },
  };
}

function hasTag(passage: Passage | undefined, wanted: ReadonlySet<string>): boolean {
  return (passage?.tags ?? []).some((t) => wanted.has(t));
}
