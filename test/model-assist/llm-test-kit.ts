/** Shared wiring for the LLM tests: an instant clock, a memory store and a ModelAssist on the fake server. */
import Keyv from 'keyv';
import { createChatModel, type StructuredMethod } from '../../src/adapters/langchain/create-chat-model.js';
import { createEmbeddings } from '../../src/adapters/langchain/create-embeddings.js';
import type { LlmConfig } from '../../src/config/config-schema.js';
import type { Clock } from '../../src/core/clock.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import {
  type ConfiguredModelAssist,
  createModelAssist,
  type ModelAssistLimits,
} from '../../src/core/model-assist/create-model-assist.js';
import { loadPrompts } from '../../src/core/model-assist/load-prompts.js';
import type { FakeOpenAiServer } from '../support/fake-openai-server.js';

/** A clock whose sleeps return at once but advance `now`, recording what was asked for. */
export function createInstantClock(
  start = new Date('2026-01-01T00:00:00Z'),
): Clock & { sleeps: number[]; advance(ms: number): void } {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    advance(ms) {
      now += ms;
    },
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
}

export const TEST_KEY = 'sk-test-abcdefghijklmnopqrstuvwx';

export function openAiConfig(
  fake: FakeOpenAiServer,
  extra: Partial<Extract<LlmConfig, { provider: 'openai' }>> = {},
): LlmConfig {
  return { provider: 'openai', apiKey: TEST_KEY, baseUrl: fake.url, model: 'gpt-4o-mini', ...extra };
}

export interface AssistKit {
  assist: ConfiguredModelAssist;
  clock: ReturnType<typeof createInstantClock>;
  store: Keyv;
}

export async function createTestAssist(
  fake: FakeOpenAiServer,
  options: {
    limits?: Partial<ModelAssistLimits>;
    embeddings?: boolean;
    structuredMethod?: StructuredMethod;
    store?: Keyv;
    config?: LlmConfig;
  } = {},
): Promise<AssistKit> {
  const config =
    options.config ?? openAiConfig(fake, options.embeddings ? { embeddingModel: 'text-embedding-3-small' } : {});
  const limits: ModelAssistLimits = {
    timeoutMs: 2_000,
    maxRetries: 2,
    tokenBudget: 60_000,
    baseDelayMs: 10,
    maxDelayMs: 50,
    ...options.limits,
  };
  const clock = createInstantClock();
  const store = options.store ?? new Keyv();
  const assist = createModelAssist({
    model: createChatModel(config, { timeoutMs: limits.timeoutMs, structuredMethod: options.structuredMethod }),
    embeddings: createEmbeddings(config, { timeoutMs: limits.timeoutMs }),
    knowledge: await loadKnowledgeBase(),
    prompts: await loadPrompts(),
    store,
    clock,
    limits,
  });
  return { assist, clock, store };
}

/** The passages a request showed the model, as `[pN] Title (url)` lines. */
export function passagesShown(body: { messages: Array<{ role: string; content: string | null }> }): Array<{
  label: string;
  title: string;
  url: string;
}> {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  return [...system.matchAll(/^\[(p\d+)\] (.+?)(?: — .+?)? \((https?:\/\/[^)]+)\)$/gm)].map((m) => ({
    label: m[1] as string,
    title: m[2] as string,
    url: m[3] as string,
  }));
}

/** A model that answers every question by citing the first passage it was shown. */
export const citeFirstPassage = (body: { messages: Array<{ role: string; content: string | null }> }) => ({
  content: `Prime Video merged its services into one process [${passagesShown(body)[0]?.label}].`,
});

/** Which task a chat request is (by its prompt). */
export function taskOf(body: {
  messages: Array<{ role: string; content: string | null }>;
}): 'extract' | 'answer' | 'explain' {
  const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
  if (system.includes('extract facts')) return 'extract';
  if (system.includes('write a short narrative')) return 'explain';
  return 'answer';
}
