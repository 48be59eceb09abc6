/** The embeddings seam: the core asks for vectors; the vendor adapter (src/adapters/langchain) produces them. */
export interface Embedder {
  /** Model name; part of the cache key so switching models never mixes vectors. */
  readonly name: string;
  embed(texts: string[], signal?: AbortSignal): Promise<number[][]>;
}
