/**
 * Semantic search over the knowledge base: passage vectors are computed once and cached in the key-value
 * store (keyed by model + content hash), so a restart re-embeds nothing and an edited passage re-embeds
 * only itself. Queries are embedded per call.
 */
import { createHash } from 'node:crypto';
import type { Passage, RetrievedPassage } from '../knowledge/knowledge.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import type { Embedder } from './embedder.js';

export interface EmbeddingIndex {
  search(query: string, options?: { limit?: number; signal?: AbortSignal }): Promise<RetrievedPassage[]>;
  /** Embeds (or loads from the cache) every passage; called lazily by the first search. */
  warm(signal?: AbortSignal): Promise<{ embedded: number; cached: number }>;
}

export interface EmbeddingIndexOptions {
  embedder: Embedder;
  passages: readonly Passage[];
  store: KeyValueStore;
  batchSize?: number;
}

/** Cache key for one text under one embedding model. */
export function embeddingKey(model: string, text: string): string {
  return `emb:v1:${model}:${createHash('sha256').update(text).digest('hex')}`;
}

export function createEmbeddingIndex(options: EmbeddingIndexOptions): EmbeddingIndex {
  const { embedder, passages, store, batchSize = 64 } = options;
  let vectors: Promise<Float32Array[]> | undefined;
  let stats = { embedded: 0, cached: 0 };

  const passageText = (p: Passage) => [p.title, p.heading, p.text].filter(Boolean).join('\n');

  async function build(signal?: AbortSignal): Promise<Float32Array[]> {
    const texts = passages.map(passageText);
    const keys = texts.map((t) => embeddingKey(embedder.name, t));
    const found = await Promise.all(keys.map((k) => store.get<string>(k)));
    const out: Array<Float32Array | undefined> = found.map((v) => (typeof v === 'string' ? decode(v) : undefined));
    const missing = out.flatMap((v, i) => (v ? [] : [i]));
    stats = { embedded: missing.length, cached: passages.length - missing.length };
    for (let start = 0; start < missing.length; start += batchSize) {
      const batch = missing.slice(start, start + batchSize);
      const embedded = await embedder.embed(
        batch.map((i) => texts[i] as string),
        signal,
      );
      if (embedded.length !== batch.length) throw new Error('embedding count mismatch');
      await Promise.all(
        batch.map(async (i, j) => {
          const vector = normalise(Float32Array.from(embedded[j] as number[]));
          out[i] = vector;
          await store.set(keys[i] as string, encode(vector));
        }),
      );
    }
    return out as Float32Array[];
  }

  const ensure = (signal?: AbortSignal) => {
    if (!vectors) {
      vectors = build(signal);
      // A failed build is retried on the next search rather than cached forever.
      vectors.catch(() => {
        vectors = undefined;
      });
    }
    return vectors;
  };

  return {
    async warm(signal) {
      await ensure(signal);
      return stats;
    },
    async search(query, opts = {}) {
      const all = await ensure(opts.signal);
      const [raw] = await embedder.embed([query], opts.signal);
      if (!raw) return [];
      const q = normalise(Float32Array.from(raw));
      return all
        .map((v, i) => ({ passage: passages[i] as Passage, score: dot(q, v) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, opts.limit ?? 5)
        .map(({ passage, score }) => ({ ...passage, score }));
    },
  };
}

function normalise(v: Float32Array): Float32Array {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

/** Float32 little-endian, base64: a quarter of the size of a JSON number array. */
function encode(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

function decode(s: string): Float32Array | undefined {
  const buf = Buffer.from(s, 'base64');
  if (buf.byteLength === 0 || buf.byteLength % 4 !== 0) return undefined;
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}
