import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { BUDGET_NOTICE, type UsageRecord } from '../../src/core/model-assist/usage-ledger.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage, createTestAssist } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer({ reply: citeFirstPassage });

const QUESTION = 'Why did Prime Video move its monitoring service back to a monolith?';

describe('token usage and the per-conversation budget', () => {
  it('records token usage per conversation in the store', async () => {
    const store = new Keyv();
    const { assist } = await createTestAssist(fake, { store });
    await assist.answer(QUESTION, { conversationId: 'conv-1' });
    await assist.answer(QUESTION, { conversationId: 'conv-1' });
    const record = (await store.get('llm:usage:conv-1')) as UsageRecord;
    expect(record.calls).toBe(2);
    expect(record.promptTokens).toBeGreaterThan(100);
    expect(record.recent.map((r) => r.task)).toEqual(['answer', 'answer']);
    expect(await store.get('llm:usage:conv-2')).toBeUndefined();
  });

  it('stops calling the model once the budget is spent and tells the user once', async () => {
    const { assist } = await createTestAssist(fake, { limits: { tokenBudget: 300 } });
    expect((await assist.answer(QUESTION, { conversationId: 'c' }))?.found).toBe(true);
    expect(await assist.answer(QUESTION, { conversationId: 'c' })).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(1);
    expect(await assist.takeNotice('c')).toBe(BUDGET_NOTICE);
    expect(await assist.takeNotice('c')).toBeUndefined();
    // Another conversation has its own budget.
    expect((await assist.answer(QUESTION, { conversationId: 'other' }))?.found).toBe(true);
    expect(await assist.takeNotice('fresh')).toBeUndefined();
  });
});
