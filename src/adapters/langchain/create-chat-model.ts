/**
 * The vendor adapter: a core ChatModel backed by LangChain's ChatOpenAI (OpenAI and any OpenAI-compatible
 * server by base URL: Ollama, vLLM, llama.cpp, LM Studio, LiteLLM) or AzureChatOpenAI. SDK and LangChain
 * retries are off (maxRetries: 0) so the core's retry policy is the only one; the timeout is passed down.
 */
import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { AzureChatOpenAI, ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import type { LlmConfig } from '../../config/config-schema.js';
import type { ChatMessage, ChatModel, ModelUsage } from '../../core/model-assist/chat-model.js';
import { ModelCallError } from '../../core/model-assist/model-error.js';
import { toModelError } from './to-model-error.js';

export type StructuredMethod = 'jsonSchema' | 'functionCalling' | 'jsonMode';

export interface ChatModelOptions {
  timeoutMs: number;
  /** json_schema response format by default; function calling for servers without it. */
  structuredMethod?: StructuredMethod;
  temperature?: number;
  maxTokens?: number;
}

type LangChainChat = ChatOpenAI | AzureChatOpenAI;

/** Builds the LangChain chat model for a configuration. */
export function createLangChainChat(config: LlmConfig, options: ChatModelOptions): LangChainChat {
  const common = {
    timeout: options.timeoutMs,
    maxRetries: 0,
    temperature: options.temperature ?? 0.2,
    maxTokens: options.maxTokens ?? 800,
    streamUsage: true,
    __includeRawResponse: true,
  };
  if (config.provider === 'azure') {
    return new AzureChatOpenAI({
      ...common,
      azureOpenAIApiKey: config.apiKey,
      azureOpenAIApiInstanceName: config.endpoint ? undefined : config.instanceName,
      azureOpenAIEndpoint: config.endpoint?.replace(/\/+$/, ''),
      azureOpenAIApiDeploymentName: config.deployment,
      azureOpenAIApiVersion: config.apiVersion,
    });
  }
  return new ChatOpenAI({
    ...common,
    model: config.model,
    apiKey: config.apiKey,
    configuration: { baseURL: config.baseUrl },
  });
}

/** The name shown in logs and /healthz. */
export function modelName(config: LlmConfig): string {
  return config.provider === 'azure' ? `azure:${config.deployment}` : config.model;
}

/** The provider label: OpenAI itself, Azure, or a compatible server at a custom base URL. */
export function providerLabel(config: LlmConfig): string {
  if (config.provider === 'azure') return 'azure-openai';
  return config.baseUrl && !/api\.openai\.com/.test(config.baseUrl) ? 'openai-compatible' : 'openai';
}

/** Adapts LangChain's ChatOpenAI / AzureChatOpenAI to the core ChatModel seam. */
export function createChatModel(config: LlmConfig, options: ChatModelOptions): ChatModel {
  const llm = createLangChainChat(config, options);
  const method = options.structuredMethod ?? 'jsonSchema';
  return {
    name: modelName(config),
    async complete(messages, opts = {}) {
      try {
        if (opts.onDelta) {
          let text = '';
          let usage: ModelUsage | undefined;
          const stream = await llm.stream(toLangChain(messages), { signal: opts.signal });
          for await (const chunk of stream) {
            checkRefusal(chunk.additional_kwargs);
            const delta = typeof chunk.content === 'string' ? chunk.content : '';
            if (delta) {
              text += delta;
              await opts.onDelta(delta);
            }
            if (chunk.usage_metadata) usage = toUsage(chunk.usage_metadata);
          }
          if (opts.signal?.aborted) throw new ModelCallError('aborted', 'stream aborted');
          if (!text.trim()) throw new ModelCallError('malformed', 'empty reply');
          return { text, usage };
        }
        const reply = await llm.invoke(toLangChain(messages), { signal: opts.signal });
        checkRefusal(reply.additional_kwargs);
        const text = typeof reply.content === 'string' ? reply.content : '';
        if (!text.trim()) throw new ModelCallError('malformed', 'empty reply');
        return { text, usage: reply.usage_metadata ? toUsage(reply.usage_metadata) : undefined };
      } catch (error) {
        throw toModelError(error);
      }
    },
    async completeStructured<T>(
      messages: ChatMessage[],
      schema: z.ZodType<T>,
      opts: { signal?: AbortSignal; schemaName?: string } = {},
    ) {
      try {
        const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
        const runnable = llm.withStructuredOutput(jsonSchema, {
          name: opts.schemaName ?? 'extract',
          method,
          includeRaw: true,
        });
        const { raw, parsed } = (await runnable.invoke(toLangChain(messages), { signal: opts.signal })) as {
          raw: AIMessage;
          parsed: unknown;
        };
        checkRefusal(raw.additional_kwargs);
        const candidate = parsed ?? salvageJson(raw);
        const result = schema.safeParse(candidate);
        if (!result.success) throw new ModelCallError('malformed', 'structured output did not match the schema');
        return { value: result.data, usage: raw.usage_metadata ? toUsage(raw.usage_metadata) : undefined };
      } catch (error) {
        throw toModelError(error);
      }
    },
  };
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) =>
    m.role === 'system'
      ? new SystemMessage(m.content)
      : m.role === 'user'
        ? new HumanMessage(m.content)
        : new AIMessage(m.content),
  );
}

function toUsage(u: { input_tokens?: number; output_tokens?: number }): ModelUsage {
  return { promptTokens: u.input_tokens ?? 0, completionTokens: u.output_tokens ?? 0 };
}

/** OpenAI reports refusals in `message.refusal` (or a content_filter finish); LangChain keeps the raw reply. */
function checkRefusal(kwargs: Record<string, unknown> | undefined): void {
  const raw = kwargs?.__raw_response as
    | {
        choices?: Array<{
          message?: { refusal?: string | null };
          delta?: { refusal?: string | null };
          finish_reason?: string | null;
        }>;
      }
    | undefined;
  const choice = raw?.choices?.[0];
  const refusal = choice?.message?.refusal ?? choice?.delta?.refusal;
  if (refusal || choice?.finish_reason === 'content_filter') {
    throw new ModelCallError('refusal', 'the model declined to answer');
  }
}

/** When LangChain's parser gave up: JSON in the content (possibly fenced) or in a tool call's arguments. */
function salvageJson(raw: AIMessage): unknown {
  const candidates: string[] = [];
  if (typeof raw.content === 'string') candidates.push(raw.content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
  for (const call of raw.tool_calls ?? []) candidates.push(JSON.stringify(call.args));
  for (const call of raw.invalid_tool_calls ?? []) if (call.args) candidates.push(call.args);
  for (const text of candidates) {
    try {
      return JSON.parse(text);
    } catch {
      // try the next candidate
    }
  }
  throw new ModelCallError('malformed', 'the model returned no parseable JSON');
}
