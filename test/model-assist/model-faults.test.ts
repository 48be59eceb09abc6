import { describe, expect, it } from 'vitest';
import { type FakeReply, startFakeOpenAiServer } from '../support/fake-openai-server.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage, createTestAssist, openAiConfig, passagesShown } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer({ reply: citeFirstPassage });

const QUESTION = 'Why did Prime Video move its monitoring service back to a monolith?';

describe('model faults: bounded retries, then the offline path', () => {
  it('waits for Retry-After on a 429, then answers', async () => {
    fake.script({ status: 429, retryAfter: '2' });
    const { assist, clock } = await createTestAssist(fake);
    const answer = await assist.answer(QUESTION, {});
    expect(answer?.found).toBe(true);
    expect(clock.sleeps.some((ms) => ms >= 2_000)).toBe(true);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it.each<[string, FakeReply]>([
    ['a 500', { status: 500 }],
    ['a 503', { status: 503 }],
    ['a connection reset', { reset: true }],
    ['malformed JSON', { malformed: true }],
  ])('retries after %s and answers', async (_name, fault) => {
    fake.script(fault);
    const { assist } = await createTestAssist(fake);
    expect((await assist.answer(QUESTION, {}))?.found).toBe(true);
    expect(fake.chatRequests()).toHaveLength(2);
  });

  it.each<[string, FakeReply]>([
    ['keeps failing with 500', { status: 500 }],
    ['keeps timing out', { delayMs: 400, reply: { content: 'too late [p1].' } }],
    ['keeps resetting connections', { reset: true }],
    ['keeps sending broken JSON', { malformed: true }],
    ['keeps rate limiting', { status: 429, retryAfter: '1' }],
  ])('gives up after LLM_MAX_RETRIES when the endpoint %s (user gets the offline answer)', async (_name, fault) => {
    fake.onChat(() => fault);
    const { assist } = await createTestAssist(fake, { limits: { maxRetries: 2, timeoutMs: 150 } });
    expect(await assist.answer(QUESTION, {})).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(3);
  });

  it('does not retry a refusal', async () => {
    fake.onChat(() => ({ refusal: 'I cannot help with that.' }));
    const { assist } = await createTestAssist(fake);
    expect(await assist.answer(QUESTION, {})).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('does not wait for a Retry-After longer than a user would', async () => {
    fake.onChat(() => ({ status: 429, retryAfter: '120' }));
    const { assist, clock } = await createTestAssist(fake);
    expect(await assist.answer(QUESTION, {})).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(1);
    expect(clock.sleeps).toHaveLength(0);
  });

  it('falls back when nothing listens at the base URL (connection refused)', async () => {
    const dead = await startFakeOpenAiServer();
    const config = openAiConfig(dead);
    await dead.close();
    const { assist } = await createTestAssist(fake, { config, limits: { maxRetries: 1 } });
    expect(await assist.answer(QUESTION, {})).toBeUndefined();
    expect(await assist.extractFacts('We are 5 engineers.', {}, {})).toBeUndefined();
  });

  it('a failed structured extraction returns undefined (offline extractor only)', async () => {
    fake.onChat(() => ({ toolArguments: '{"facts": {"engineers": 5' }));
    const { assist } = await createTestAssist(fake, { structuredMethod: 'functionCalling', limits: { maxRetries: 1 } });
    expect(await assist.extractFacts('We are 5 engineers.', {}, {})).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(2);
  });
});

describe('circuit breaker', () => {
  it('stops calling a failing endpoint, then tries again after the cooldown', async () => {
    fake.onChat(() => ({ status: 500 }));
    const { assist, clock } = await createTestAssist(fake, {
      limits: { maxRetries: 0, breakerThreshold: 2, breakerCooldownMs: 60_000 },
    });
    await assist.answer(QUESTION, {});
    await assist.answer(QUESTION, {});
    expect(fake.chatRequests()).toHaveLength(2);
    expect((assist.status().breaker as { state: string }).state).toBe('open');

    expect(await assist.answer(QUESTION, {})).toBeUndefined();
    expect(fake.chatRequests()).toHaveLength(2); // open: no call at all

    clock.advance(60_000);
    fake.onChat((body) => ({ content: `Merged into one process [${passagesShown(body)[0]?.label}].` }));
    expect((await assist.answer(QUESTION, {}))?.found).toBe(true);
    expect(fake.chatRequests()).toHaveLength(3);
    expect((assist.status().breaker as { state: string }).state).toBe('closed');
  });
});
