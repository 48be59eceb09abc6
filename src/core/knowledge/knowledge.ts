/** Knowledge base types and the retriever seam (lexical by default; an embedding retriever can be fused in). */
import type { OrgConstraints } from '../constraints/org-constraints.js';

export type SourceStatus = 'confirmed' | 'secondary' | 'unconfirmed';
export type DocKind = 'source' | 'synthesis';

export interface KnowledgeDoc {
  id: string;
  title: string;
  /** A source's public URL; for a synthesis, its own page's site path `/knowledge/<id>`. */
  url: string;
  publisher: string;
  author?: string;
  /** ISO date or year-month as published (e.g. 2023-05 or 2015-06-03); absent for undated documentation. */
  published?: string;
  /** When undated or continuously updated documentation was last read (YYYY, YYYY-MM or YYYY-MM-DD). */
  retrieved?: string;
  /** A short answer-first statement of what the source means for the reader (shown, not indexed). */
  takeaway?: string;
  status: SourceStatus;
  kind: DocKind;
  tags: string[];
  /** Ids of other documents this one cites (synthesis documents). */
  cites: string[];
  body: string;
  file: string;
  /** True for the organisation's own documents (KNOWLEDGE_DIRS): cited with a "your organisation" mark. */
  organisation?: boolean;
  /** Constraints an organisation document declares (see src/core/constraints/org-constraints.ts). */
  constraints?: OrgConstraints;
}

export interface Passage {
  /** Stable passage id: `<docId>#<n>`. */
  id: string;
  docId: string;
  title: string;
  url: string;
  heading?: string;
  text: string;
  /** The document's tags (indexed, and used by `search({ tags })`). */
  tags?: string[];
}

export interface RetrievedPassage extends Passage {
  score: number;
}

export interface Retriever {
  search(query: string, options?: { limit?: number; tags?: string[] }): Promise<RetrievedPassage[]>;
}

export interface KnowledgeBase {
  docs: ReadonlyMap<string, KnowledgeDoc>;
  /** The public origin the knowledge pages are served at (PUBLIC_URL); synthesis citations link there. */
  pageBase?: string;
  passages: readonly Passage[];
  retriever: Retriever;
}
