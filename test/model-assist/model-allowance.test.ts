import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createConfiguredAssist } from '../../src/adapters/langchain/create-configured-assist.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage, TurnContext } from '../../src/core/message.js';
import { BUDGET_NOTICE } from '../../src/core/model-assist/usage-ledger.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage, createInstantClock, createTestAssist, TEST_KEY } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer({ reply: citeFirstPassage });

const QUESTION = 'Why did Prime Video move its monitoring service back to a monolith?';
const ask = (text: string) => ({ type: 'text' as const, text });
const texts = (messages: OutMessage[]) => messages.map((m) => ('text' in m ? m.text : ''));
const alice: TurnContext = { channel: 'slack', userId: 'U-ALICE' };
const bob: TurnContext = { channel: 'slack', userId: 'U-BOB' };

/** A consultant in the describing phase, so a question is answered as a knowledge question. */
async function consultantOn(limits: { tokenBudget?: number; tokensPerHour?: number }) {
  const kit = await createTestAssist(fake, { limits });
  const consultant = createConsultant({
    knowledge: await loadKnowledgeBase(),
    store: kit.store,
    clock: kit.clock,
    assist: kit.assist,
  });
  return { consultant, ...kit };
}

describe('model budget and hourly allowance, as the user sees them', () => {
  it('tells the user once, in the conversation, when its model budget is spent', async () => {
    const { consultant } = await consultantOn({ tokenBudget: 300 });
    const first = await consultant.handle('c1', ask(QUESTION), alice);
    expect(texts(first)).not.toContain(BUDGET_NOTICE);
    const second = await consultant.handle('c1', ask(QUESTION), alice);
    expect(texts(second)[0]).toBe(BUDGET_NOTICE);
    // The question is still answered (offline engine, quoting the knowledge base).
    expect(second.length).toBeGreaterThan(1);
    const third = await consultant.handle('c1', ask(QUESTION), alice);
    expect(texts(third)).not.toContain(BUDGET_NOTICE);
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('stops model calls for a user past the hourly token allowance, across conversations, until the hour resets', async () => {
    const { consultant, clock } = await consultantOn({ tokenBudget: 0, tokensPerHour: 300 });
    clock.advance(10 * 60_000); // 00:10 UTC: the allowance resets at 01:00.
    await consultant.handle('a1', ask(QUESTION), alice);
    expect(fake.chatRequests()).toHaveLength(1);

    // Same user, a new conversation: no model call, one plain notice, still an answer.
    const refused = await consultant.handle('a2', ask(QUESTION), alice);
    expect(fake.chatRequests()).toHaveLength(1);
    expect(texts(refused)[0]).toBe(
      "You've used this hour's model allowance; I'm answering with the offline engine until 01:00 UTC.",
    );
    expect(refused.length).toBeGreaterThan(1);
    const again = await consultant.handle('a2', ask(QUESTION), alice);
    expect(texts(again).join('\n')).not.toMatch(/allowance/);

    // Another user is not affected.
    const other = await consultant.handle('b1', ask(QUESTION), bob);
    expect(fake.chatRequests()).toHaveLength(2);
    expect(texts(other).join('\n')).not.toMatch(/allowance/);

    // The next hour the model answers Alice again.
    clock.advance(60 * 60_000);
    const later = await consultant.handle('a2', ask(QUESTION), alice);
    expect(fake.chatRequests()).toHaveLength(3);
    expect(texts(later).join('\n')).not.toMatch(/allowance/);
  });

  it('the same user id on another channel is someone else', async () => {
    const { consultant } = await consultantOn({ tokenBudget: 0, tokensPerHour: 300 });
    await consultant.handle('s1', ask(QUESTION), alice);
    await consultant.handle('t1', ask(QUESTION), { channel: 'teams', userId: 'U-ALICE' });
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it('takes the hourly allowance from RATE_LIMIT_TOKENS_PER_HOUR', async () => {
    const config = loadConfig({
      env: {
        STORE_URL: 'memory://',
        OPENAI_API_KEY: TEST_KEY,
        OPENAI_BASE_URL: fake.url,
        OPENAI_MODEL: 'gpt-4o-mini',
        RATE_LIMIT_TOKENS_PER_HOUR: '300',
        LLM_TOKEN_BUDGET: '0',
      },
      dotenvPath: false,
    });
    const knowledge = await loadKnowledgeBase();
    const store = new Keyv();
    const clock = createInstantClock();
    const assist = await createConfiguredAssist(config, { knowledge, store, clock });
    const consultant = createConsultant({ knowledge, store, clock, assist });
    await consultant.handle('a1', ask(QUESTION), alice);
    const refused = await consultant.handle('a2', ask(QUESTION), alice);
    expect(fake.chatRequests()).toHaveLength(1);
    expect(texts(refused)[0]).toMatch(/this hour's model allowance/);
  });
});
