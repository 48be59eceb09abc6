import { describe, expect, it } from 'vitest';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { createTestAssist, passagesShown } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer();

const QUESTION = 'Why did Prime Video move its monitoring service back to a monolith?';

describe('grounded answers', () => {
  it('answers citing retrieved passages, numbered as sources', async () => {
    fake.onChat((body) => {
      const [first] = passagesShown(body);
      return {
        content: `Prime Video cut infrastructure cost sharply by merging the components into one process [${first?.label}].`,
      };
    });
    const { assist } = await createTestAssist(fake);
    const answer = await assist.answer(QUESTION, { conversationId: 'c1' });
    expect(answer?.found).toBe(true);
    expect(answer?.generated).toBe(true);
    expect(answer?.answer).toMatch(/\[1\]\.$/);
    expect(answer?.citations[0]?.url).toMatch(/^https?:\/\//);
  });

  it('drops citations to passages it did not retrieve and URLs the knowledge base does not contain', async () => {
    fake.onChat((body) => {
      const [first] = passagesShown(body);
      return {
        content: `Costs fell by merging services [${first?.label}]. More at https://evil.example.com/guide [p42]. Also [p1, p99].`,
      };
    });
    const { assist } = await createTestAssist(fake);
    const answer = await assist.answer(QUESTION, {});
    expect(answer?.answer).not.toContain('evil.example.com');
    expect(answer?.answer).not.toMatch(/p42|p99/);
    expect(answer?.citations.every((c) => !c.url.includes('evil'))).toBe(true);
  });

  it('falls back (undefined) when the model cites nothing it was given', async () => {
    fake.onChat(() => ({ content: 'Microservices are always best, trust me. See https://evil.example.com.' }));
    const { assist } = await createTestAssist(fake);
    expect(await assist.answer(QUESTION, {})).toBeUndefined();
  });

  it('says it does not know, without calling the model, when nothing relevant is retrieved', async () => {
    const { assist } = await createTestAssist(fake);
    const answer = await assist.answer('What is the best pizza topping in Naples?', {});
    expect(answer?.found).toBe(false);
    expect(answer?.answer).toMatch(/don't know/i);
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('reports not found when the model itself says it does not know', async () => {
    fake.onChat(() => ({ content: "I don't know." }));
    const { assist } = await createTestAssist(fake);
    const answer = await assist.answer(QUESTION, {});
    expect(answer?.found).toBe(false);
  });

  it('streams the answer sentence by sentence, already cleaned, and the final text matches', async () => {
    fake.onChat((body) => {
      const [first, second] = passagesShown(body);
      return {
        content: `Prime Video merged its pipeline into one process [${first?.label}]. See https://evil.example.com/x for more [p77]. Teams start with a monolith [${second?.label}].`,
      };
    });
    const { assist } = await createTestAssist(fake);
    const streamed: string[] = [];
    const answer = await assist.answer(QUESTION, { stream: { append: async (d) => void streamed.push(d) } });
    expect(streamed.length).toBeGreaterThan(1);
    const text = streamed.join('');
    expect(text).not.toMatch(/\[p\d+\]|evil\.example/);
    expect(text.trim()).toBe(answer?.answer);
    expect(fake.chatRequests()[0]?.body.stream).toBe(true);
  });
});
