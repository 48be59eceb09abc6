import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../../src/core/knowledge/chunk-document.js';
import type { KnowledgeDoc } from '../../../src/core/knowledge/knowledge.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function doc(body: string): KnowledgeDoc {
  return {
    id: 'doc',
    title: 'A document',
    url: 'https://example.org/doc',
    publisher: 'Example',
    published: '2024',
    status: 'confirmed',
    kind: 'source',
    tags: ['t'],
    cites: [],
    body,
    file: 'doc.md',
  };
}

describe('chunkDocument', () => {
  it('gives every passage an id <docId>#<n> numbered from 1, unique across the knowledge base', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    for (const id of kb.docs.keys()) {
      const ids = kb.passages.filter((p) => p.docId === id).map((p) => p.id);
      expect(ids).toEqual(ids.map((_, i) => `${id}#${i + 1}`));
    }
    expect(new Set(kb.passages.map((p) => p.id)).size).toBe(kb.passages.length);
  });

  it('makes one passage per short section, carrying the section heading, title, URL and tags', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const conway = kb.passages.filter((p) => p.docId === 'conway-law');
    expect(conway.map((p) => p.heading)).toEqual(['Summary', 'What it means for a genAI system']);
    expect(conway[0]).toMatchObject({
      title: "How do committees invent? (Conway's law)",
      url: 'https://www.melconway.com/Home/Committees_Paper.html',
      tags: ['teams', 'organisation', 'boundaries'],
    });
  });

  it('splits a long section at sentence ends into passages of about 120-180 words', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const summary = kb.passages.filter((p) => p.docId === 'long-essay' && p.heading === 'Summary');
    expect(summary.length).toBeGreaterThan(1);
    for (const p of summary) {
      expect(words(p.text)).toBeGreaterThanOrEqual(120);
      expect(words(p.text)).toBeLessThanOrEqual(180);
      expect(p.text).toMatch(/\.$/);
    }
  });

  it('strips Markdown links and emphasis and keeps list items as separate lines', () => {
    const [passage] = chunkDocument(
      doc('## Key figures\n- Cost fell by **over 90%** ([source](https://x.example)).\n- Only ~5% of the load\n'),
    );
    expect(passage!.text).toBe('Cost fell by over 90% (source).\nOnly ~5% of the load');
  });

  it('never loses or reorders a word, and never exceeds the maximum passage size', () => {
    const sentence = fc
      .array(fc.constantFrom('gpu', 'team', 'latency', 'cost', 'service', 'monolith', 'queue'), {
        minLength: 1,
        maxLength: 40,
      })
      .map((ws) => `${ws.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 60 }), (sentences) => {
        const body = `## Section\n${sentences.join(' ')}`;
        const passages = chunkDocument(doc(body));
        const original = sentences.join(' ').split(/\s+/);
        expect(passages.flatMap((p) => p.text.split(/\s+/))).toEqual(original);
        for (const p of passages) expect(words(p.text)).toBeLessThanOrEqual(180);
      }),
      { numRuns: 200 },
    );
  });
});
