import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/core/knowledge/knowledge.js';
import { createLexicalRetriever } from '../../../src/core/knowledge/lexical-retriever.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));

function passage(id: string, fields: Partial<Passage>): Passage {
  return { id: `${id}#1`, docId: id, title: id, url: `https://example.org/${id}`, text: '', ...fields };
}

describe('lexical retriever', () => {
  it('returns passages that carry their document title, URL and a score, best first', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const results = await kb.retriever.search('How much did Prime Video save on infrastructure cost?');
    expect(results[0]).toMatchObject({
      docId: 'prime-video-monolith',
      title: "Prime Video's audio/video monitoring moved from serverless microservices to a monolith",
      url: 'https://www.infoq.com/news/2023/05/prime-ec2-ecs-saves-costs/',
    });
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('ranks the documents about a topic above those that merely mention its words', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const top = async (q: string) => (await kb.retriever.search(q, { limit: 2 })).map((r) => r.docId);
    expect(await top('when should GPU inference be its own service')).toContain('synthesis-when-to-extract-inference');
    expect((await top('team communication structure and module boundaries'))[0]).toBe('conway-law');
    expect((await top('KV cache memory waste'))[0]).toBe('vllm-pagedattention');
  });

  it('matches plurals, verb forms, British spellings and small typos', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const first = async (q: string) => (await kb.retriever.search(q, { limit: 1 }))[0]?.docId;
    expect(await first('committees')).toBe('conway-law');
    expect(await first('organisations designing systems')).toBe('conway-law');
    expect(await first('pagedatention')).toBe('vllm-pagedattention');
    expect(await first('orchestrated serverless functions')).toBe('prime-video-monolith');
  });

  it('ignores stop words: a question made only of them finds nothing', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    expect(await kb.retriever.search('what is it that they would have been')).toEqual([]);
    expect(await kb.retriever.search('   ')).toEqual([]);
  });

  it('weights a match in the title above the same match in body text', async () => {
    const retriever = createLexicalRetriever([
      passage('in-text', { title: 'Notes', text: 'Some words about gateways and other routing tools for models.' }),
      passage('in-title', { title: 'Gateways', text: 'Some words about routing tools and other things for models.' }),
    ]);
    expect((await retriever.search('gateways'))[0]!.docId).toBe('in-title');
  });

  it('honours the result limit and filters by tag', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    expect(await kb.retriever.search('service', { limit: 2 })).toHaveLength(2);
    const tagged = await kb.retriever.search('service monolith inference', { tags: ['gpu'] });
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((r) => r.tags?.includes('gpu'))).toBe(true);
  });
});
