import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion, NOT_FOUND_ANSWER } from '../../../src/core/answers/answer-question.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));
const PRIME = {
  id: 'prime-video-monolith',
  title: "Prime Video's audio/video monitoring moved from serverless microservices to a monolith",
  url: 'https://www.infoq.com/news/2023/05/prime-ec2-ecs-saves-costs/',
};

describe('answerQuestion (offline ask)', () => {
  it('answers what Prime Video saved with the figure, attributed to and citing its source', async () => {
    for (const kb of [await loadKnowledgeBase(), await loadKnowledgeBase(FIXTURES)]) {
      const answer = await answerQuestion('What did Prime Video save by moving to a monolith?', kb);
      expect(answer.found).toBe(true);
      const firstLine = answer.answer.split('\n')[0]!;
      expect(firstLine).toContain('over 90%');
      expect(firstLine).toContain(`(${PRIME.title})`);
      expect(answer.citations[0]).toEqual(PRIME);
    }
  });

  it('quotes at most three sentences and cites exactly the sources it quotes', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const answer = await answerQuestion('Why should GPU inference run as a separate service?', kb);
    expect(answer.found).toBe(true);
    const sentences = answer.answer.split('\n').flatMap((line) => line.replace(/ \([^)]*\)$/, '').split(/(?<=[.!?]) /));
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(answer.answer.split('\n')).toHaveLength(answer.citations.length);
    for (const c of answer.citations) {
      expect(answer.answer).toContain(`(${c.title})`);
      expect(kb.docs.get(c.id)?.url).toBe(c.url);
    }
  });

  it('turns a "(see <id>)" cross-reference into a citation instead of showing the raw id', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const answer = await answerQuestion('Which pipeline stages exchanging large payloads belong in one process?', kb);
    expect(answer.found).toBe(true);
    expect(answer.answer).toContain('over 90%');
    expect(answer.answer).not.toContain('(see ');
    expect(answer.citations.map((c) => c.id)).toEqual(['synthesis-when-to-extract-inference', 'prime-video-monolith']);
  });

  it('says it does not know a question outside the knowledge base, and suggests nearby topics', async () => {
    const kb = await loadKnowledgeBase();
    for (const question of ['What is the capital of France?', 'best pizza recipe']) {
      const answer = await answerQuestion(question, kb);
      expect(answer.found).toBe(false);
      expect(answer.answer).toBe(NOT_FOUND_ANSWER);
      expect(answer.citations).toEqual([]);
      expect(answer.nearby?.length).toBeGreaterThan(0);
      for (const n of answer.nearby!) expect(kb.docs.get(n.id)?.title).toBe(n.title);
    }
  });

  it('asks for words when the input is empty, blank, emoji-only or punctuation', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    for (const input of ['', '   \n\t', '🍕🤖🔥', '?!...', undefined as unknown as string]) {
      const answer = await answerQuestion(input, kb);
      expect(answer.found).toBe(false);
      expect(answer.answer).toMatch(/ask a question in words/i);
      expect(answer.citations).toEqual([]);
      expect(answer.nearby?.length).toBeGreaterThan(0);
    }
  });

  it('asks for a topic when a question has only filler words', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const answer = await answerQuestion('What is it?', kb);
    expect(answer.found).toBe(false);
    expect(answer.answer).toMatch(/need a topic/i);
  });

  it('copes with gibberish and very long input without crashing', async () => {
    const kb = await loadKnowledgeBase();
    expect((await answerQuestion('qwxz vbnmp asdkjh', kb)).found).toBe(false);
    const long = await answerQuestion('monolith cost '.repeat(5000), kb);
    expect(typeof long.answer).toBe('string');
  });

  it('never throws on arbitrary input and only ever cites documents that exist', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    const words = fc.constantFrom('gpu', 'inference', 'monolith', 'cost', 'Prime', 'Video', '90%', '🤖', 'the', '(see');
    const input = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.array(words).map((w) => w.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(input, async (question) => {
        const answer = await answerQuestion(question, kb);
        expect(answer.answer.length).toBeGreaterThan(0);
        for (const c of [...answer.citations, ...(answer.nearby ?? [])]) expect(kb.docs.get(c.id)?.url).toBe(c.url);
        if (!answer.found) expect(answer.citations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same answer to the same question every time', async () => {
    const kb = await loadKnowledgeBase();
    const question = 'When should model inference be split into its own service?';
    const first = await answerQuestion(question, kb);
    expect(await answerQuestion(question, kb)).toEqual(first);
  });
});
