/**
 * Builds the ModelAssist for a configuration: the LangChain chat model, embeddings when an embedding
 * model is configured, prompts from `prompts/`, and the limits from LLM_* settings. Undefined without a
 * configured model, so Archie runs on the offline engine.
 */
import type { Config } from '../../config/config-schema.js';
import type { Clock } from '../../core/clock.js';
import type { KnowledgeBase } from '../../core/knowledge/knowledge.js';
import {
  type AssistLogger,
  type ConfiguredModelAssist,
  createModelAssist,
} from '../../core/model-assist/create-model-assist.js';
import { loadPrompts } from '../../core/model-assist/load-prompts.js';
import type { KeyValueStore } from '../../core/store/key-value-store.js';
import { createChatModel, providerLabel } from './create-chat-model.js';
import { createEmbeddings } from './create-embeddings.js';

export interface ConfiguredAssistDeps {
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  clock: Clock;
  logger?: AssistLogger;
  promptsDir?: string;
}

export async function createConfiguredAssist(
  config: Config,
  deps: ConfiguredAssistDeps,
): Promise<ConfiguredModelAssist | undefined> {
  if (!config.llm) return undefined;
  const { timeoutMs, maxRetries, tokenBudget } = config.llmLimits;
  return createModelAssist({
    model: createChatModel(config.llm, { timeoutMs }),
    embeddings: createEmbeddings(config.llm, { timeoutMs }),
    prompts: await loadPrompts(deps.promptsDir),
    knowledge: deps.knowledge,
    store: deps.store,
    clock: deps.clock,
    logger: deps.logger,
    provider: providerLabel(config.llm),
    limits: { timeoutMs, maxRetries, tokenBudget, tokensPerHour: config.limits.tokensPerHour },
  });
}
