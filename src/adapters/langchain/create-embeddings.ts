/**
 * The embeddings adapter: LangChain's OpenAIEmbeddings (or AzureOpenAIEmbeddings) behind the core
 * Embedder seam. Undefined when the configuration names no embedding model: retrieval stays lexical.
 */
import { AzureOpenAIEmbeddings, OpenAIEmbeddings } from '@langchain/openai';
import type { LlmConfig } from '../../config/config-schema.js';
import type { Embedder } from '../../core/model-assist/embedder.js';
import { toModelError } from './to-model-error.js';

export function createEmbeddings(config: LlmConfig, options: { timeoutMs: number }): Embedder | undefined {
  const common = { timeout: options.timeoutMs, maxRetries: 0, batchSize: 64 };
  let client: OpenAIEmbeddings;
  let name: string;
  if (config.provider === 'azure') {
    if (!config.embeddingsDeployment) return undefined;
    name = `azure:${config.embeddingsDeployment}`;
    client = new AzureOpenAIEmbeddings({
      ...common,
      azureOpenAIApiKey: config.apiKey,
      azureOpenAIApiInstanceName: config.endpoint ? undefined : config.instanceName,
      azureOpenAIEndpoint: config.endpoint?.replace(/\/+$/, ''),
      azureOpenAIApiEmbeddingsDeploymentName: config.embeddingsDeployment,
      azureOpenAIApiVersion: config.apiVersion,
    });
  } else {
    if (!config.embeddingModel) return undefined;
    name = config.embeddingModel;
    client = new OpenAIEmbeddings({
      ...common,
      model: config.embeddingModel,
      apiKey: config.apiKey,
      configuration: { baseURL: config.baseUrl },
    });
  }
  return {
    name,
    async embed(texts) {
      try {
        return await client.embedDocuments(texts);
      } catch (error) {
        throw toModelError(error);
      }
    },
  };
}
