import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createChatModel } from '../../src/adapters/langchain/create-chat-model.js';
import { createEmbeddings } from '../../src/adapters/langchain/create-embeddings.js';
import { ModelCallError } from '../../src/core/model-assist/model-error.js';
import { type FakeOpenAiServer, fakeEmbedding } from '../support/fake-openai-server.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { openAiConfig, TEST_KEY } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer();

const hello = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Say hello' },
];

describe('chat model adapter (LangChain ChatOpenAI → openai SDK → fake server)', () => {
  it('returns the reply text and the token usage the server reported', async () => {
    fake.script({ content: 'Hello there.' });
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 2_000 });
    const reply = await model.complete(hello);
    expect(reply.text).toBe('Hello there.');
    expect(reply.usage?.promptTokens).toBeGreaterThan(0);
    const [request] = fake.chatRequests();
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.body.model).toBe('gpt-4o-mini');
  });

  it('streams deltas as they arrive and still reports usage', async () => {
    fake.script({ content: 'One two three four.' });
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 2_000 });
    const deltas: string[] = [];
    const reply = await model.complete(hello, { onDelta: (d) => void deltas.push(d) });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe('One two three four.');
    expect(reply.text).toBe('One two three four.');
    expect(fake.chatRequests()[0]?.body.stream).toBe(true);
    expect(reply.usage?.completionTokens).toBeGreaterThan(0);
  });

  it('asks for json_schema structured output and validates the reply with zod', async () => {
    fake.script({ json: { engineers: 12 } });
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 2_000 });
    const schema = z.object({ engineers: z.number().int().optional() });
    const { value } = await model.completeStructured(hello, schema, { schemaName: 'facts' });
    expect(value).toEqual({ engineers: 12 });
    const format = fake.chatRequests()[0]?.body.response_format as { type: string; json_schema: { name: string } };
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.name).toBe('facts');
  });

  it('uses a forced tool call when configured for servers without json_schema', async () => {
    fake.script({ json: { engineers: 7 } });
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 2_000, structuredMethod: 'functionCalling' });
    const { value } = await model.completeStructured(hello, z.object({ engineers: z.number() }), {
      schemaName: 'facts',
    });
    expect(value).toEqual({ engineers: 7 });
    expect(fake.chatRequests()[0]?.body.tools).toBeDefined();
  });

  it('classifies refusals, rate limits, server errors, resets and broken JSON', async () => {
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 2_000 });
    const kind = async (reply: Parameters<FakeOpenAiServer['script']>[0]) => {
      fake.script(reply);
      const error = await model.complete(hello).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelCallError);
      return error as ModelCallError;
    };
    expect((await kind({ refusal: 'I cannot help with that.' })).kind).toBe('refusal');
    const limited = await kind({ status: 429, retryAfter: '3' });
    expect(limited.kind).toBe('rate-limit');
    expect(limited.retryAfterMs).toBe(3_000);
    expect((await kind({ status: 503 })).kind).toBe('server');
    expect((await kind({ status: 401 })).kind).toBe('auth');
    expect((await kind({ reset: true })).kind).toBe('connection');
    expect((await kind({ malformed: true })).kind).toBe('malformed');
    // Exactly one request per call: SDK and LangChain retries are off.
    expect(fake.chatRequests()).toHaveLength(6);
  });

  it('times out on a slow server within the configured timeout', async () => {
    fake.script({ delayMs: 1_000, reply: { content: 'late' } });
    const model = createChatModel(openAiConfig(fake), { timeoutMs: 150 });
    const error = (await model.complete(hello).catch((e: unknown) => e)) as ModelCallError;
    expect(error.kind).toBe('timeout');
  });

  it('talks to Azure OpenAI deployments with an api-key header and api-version', async () => {
    fake.script({ content: 'Hi from Azure.' });
    const model = createChatModel(
      {
        provider: 'azure',
        apiKey: 'azure-key-123',
        endpoint: fake.origin,
        deployment: 'gpt4o',
        apiVersion: '2024-10-21',
      },
      { timeoutMs: 2_000 },
    );
    expect((await model.complete(hello)).text).toBe('Hi from Azure.');
    const [request] = fake.chatRequests();
    expect(request?.path).toContain('/openai/deployments/gpt4o/chat/completions');
    expect(request?.path).toContain('api-version=2024-10-21');
    expect(request?.headers['api-key']).toBe('azure-key-123');
  });

  it('embeds through OpenAIEmbeddings, decoding the base64 the SDK asks for', async () => {
    const embedder = createEmbeddings(openAiConfig(fake, { embeddingModel: 'text-embedding-3-small' }), {
      timeoutMs: 2_000,
    });
    const [vector] = (await embedder?.embed(['monolith first'])) ?? [];
    expect(fake.embeddingRequests()[0]?.body.encoding_format).toBe('base64');
    expect(vector?.[0]).toBeCloseTo(fakeEmbedding('monolith first')[0] as number);
    expect(vector).toHaveLength(64);
  });

  it('has no embedder when no embedding model is configured', () => {
    expect(createEmbeddings(openAiConfig(fake), { timeoutMs: 1_000 })).toBeUndefined();
  });
});
