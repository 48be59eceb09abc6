import { describe, expect, it } from 'vitest';
import { expandQuery } from '../../../src/core/knowledge/expand-query.js';
import { createLexicalRetriever } from '../../../src/core/knowledge/lexical-retriever.js';

describe('query expansion (domain thesaurus)', () => {
  it('adds the word the sources use for what the user describes', () => {
    expect(expandQuery('Should we keep one big app?')).toContain('monolith');
    expect(expandQuery('When should we split it up?')).toContain('decomposition');
    expect(expandQuery('Are our safety filters enough?')).toContain('guardrails');
  });

  it('adds nothing the question already says, or when nothing applies', () => {
    expect(expandQuery('Is a monolith fine for a single application?')).not.toContain('monolith');
    expect(expandQuery('vector database latency')).toBe('');
  });

  it("lets a source that never uses the user's words be found, ranked below one that does", async () => {
    const retriever = createLexicalRetriever([
      { id: 'a#1', docId: 'a', title: 'Monolith first', url: 'https://a.example', text: 'Start with a monolith.' },
      { id: 'b#1', docId: 'b', title: 'Apps', url: 'https://b.example', text: 'A single application is simple.' },
    ]);
    expect((await retriever.search('one single application')).map((r) => r.docId)).toEqual(['b', 'a']);
  });
});
