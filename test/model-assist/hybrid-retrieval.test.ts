import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createEmbeddings } from '../../src/adapters/langchain/create-embeddings.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { createEmbeddingIndex } from '../../src/core/model-assist/create-embedding-index.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage, createTestAssist, openAiConfig } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer({ reply: citeFirstPassage });

const QUESTION = 'Why did Prime Video move its monitoring service back to a monolith?';
const embeddedTexts = () => fake.embeddingRequests().flatMap((r) => r.body.input as string[]);

describe('hybrid retrieval with embeddings', () => {
  it('embeds the knowledge base once and caches it across a restart (SQLite store)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'archie-emb-'));
    const url = `sqlite://${join(dir, 'cache.sqlite')}`;
    const kb = await loadKnowledgeBase();
    const first = new Keyv({ store: new KeyvSqlite(url) });
    const { assist } = await createTestAssist(fake, { embeddings: true, store: first });
    expect((await assist.answer(QUESTION, {}))?.found).toBe(true);
    // Every passage plus the query.
    expect(embeddedTexts()).toHaveLength(kb.passages.length + 1);
    await first.disconnect();

    fake.requests.length = 0;
    const second = new Keyv({ store: new KeyvSqlite(url) });
    const restarted = await createTestAssist(fake, { embeddings: true, store: second });
    expect((await restarted.assist.answer(QUESTION, {}))?.found).toBe(true);
    // After the restart only the query is embedded.
    expect(embeddedTexts()).toEqual([QUESTION]);
    await second.disconnect();
  });

  it('finds passages by meaning through the embedding index', async () => {
    const kb = await loadKnowledgeBase();
    const embedder = createEmbeddings(openAiConfig(fake, { embeddingModel: 'text-embedding-3-small' }), {
      timeoutMs: 2_000,
    });
    const index = createEmbeddingIndex({ embedder: embedder!, passages: kb.passages, store: new Keyv() });
    const hits = await index.search('Prime Video monitoring monolith cost', { limit: 5 });
    expect(hits.map((h) => h.docId)).toContain('prime-video-monolith');
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[4]!.score);
  });

  it('falls back to lexical retrieval when embeddings fail, and still answers', async () => {
    fake.embeddingsReply = { status: 500 };
    const { assist } = await createTestAssist(fake, { embeddings: true });
    expect((await assist.answer(QUESTION, {}))?.found).toBe(true);
    expect(fake.chatRequests()).toHaveLength(1);
    // A broken embeddings endpoint is not hammered on every question.
    await assist.answer(QUESTION, {});
    await assist.answer(QUESTION, {});
    expect(fake.embeddingRequests().length).toBeLessThanOrEqual(2);
  });
});
