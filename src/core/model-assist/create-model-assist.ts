/**
 * Wires a ChatModel into the consultant: retries and a circuit breaker around every call, a token budget
 * per conversation, hybrid retrieval, and validators on everything the model writes. Every method returns
 * undefined instead of throwing, so the consultant falls back to the offline engine and the user is
 * always answered. The engine alone decides the verdict.
 */
import type { Clock } from '../clock.js';
import type { KnowledgeBase } from '../knowledge/knowledge.js';
import type { TeamProfile } from '../profile/profile.js';
import { readMessage } from '../reading/read-message.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import { answerWithModel } from './answer-with-model.js';
import type { ChatModel, ModelUsage } from './chat-model.js';
import { createCircuitBreaker } from './circuit-breaker.js';
import { createEmbeddingIndex } from './create-embedding-index.js';
import { createHybridRetriever } from './create-hybrid-retriever.js';
import { createResilientModel } from './create-resilient-model.js';
import type { Embedder } from './embedder.js';
import { explainWithModel } from './explain-with-model.js';
import { extractFactsWithModel } from './extract-facts-with-model.js';
import { createLeakDetector } from './guard-output.js';
import { PROMPT_VARIABLES, type PromptName, type Prompts } from './load-prompts.js';
import type { AssistContext, ModelAssist, ModelStatements } from './model-assist.js';
import { toModelCallError } from './model-error.js';
import { createUsageLedger } from './usage-ledger.js';

/** The pino-compatible subset we log through (never user text: kinds, counts and reasons only). */
export interface AssistLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface ModelAssistLimits {
  timeoutMs: number;
  maxRetries: number;
  /** Tokens per conversation; 0 = unlimited. */
  tokenBudget: number;
  /** Tokens per user per clock hour (RATE_LIMIT_TOKENS_PER_HOUR); 0 or absent = unlimited. */
  tokensPerHour?: number;
  breakerThreshold?: number;
  breakerCooldownMs?: number;
  /** Backoff bounds (tests shrink them). */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface CreateModelAssistOptions {
  model: ChatModel;
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  clock: Clock;
  embeddings?: Embedder;
  prompts: Prompts;
  limits: ModelAssistLimits;
  logger?: AssistLogger;
  /** Shown on /healthz (e.g. "openai", "azure", "openai-compatible"). */
  provider?: string;
}

export type ConfiguredModelAssist = ModelAssist & {
  takeNotice(conversationId: string): Promise<string | undefined>;
  status(): Record<string, unknown>;
  /** Total model calls made (bench and tests). */
  calls(): number;
};

export function createModelAssist(options: CreateModelAssistOptions): ConfiguredModelAssist {
  const { knowledge, store, clock, prompts, limits, logger, embeddings } = options;
  const breaker = createCircuitBreaker({
    clock,
    failureThreshold: limits.breakerThreshold ?? 5,
    cooldownMs: limits.breakerCooldownMs ?? 30_000,
  });
  let calls = 0;
  const counted: ChatModel = {
    name: options.model.name,
    complete: (m, o) => {
      calls++;
      return options.model.complete(m, o);
    },
    completeStructured: (m, s, o) => {
      calls++;
      return options.model.completeStructured(m, s, o);
    },
  };
  const model = createResilientModel(counted, {
    clock,
    breaker,
    maxRetries: limits.maxRetries,
    timeoutMs: limits.timeoutMs,
    baseDelayMs: limits.baseDelayMs,
    maxDelayMs: limits.maxDelayMs,
    onFailure: (error, attempt) =>
      logger?.warn({ kind: error.kind, status: error.status, attempt, breaker: breaker.state() }, 'model call failed'),
  });
  const embeddingBreaker = createCircuitBreaker({ clock, failureThreshold: 2, cooldownMs: 5 * 60_000 });
  const retriever = createHybridRetriever({
    lexical: knowledge.retriever,
    semantic: embeddings
      ? createEmbeddingIndex({ embedder: embeddings, passages: knowledge.passages, store })
      : undefined,
    breaker: embeddingBreaker,
    onSemanticError: (error) =>
      logger?.warn({ kind: toModelCallError(error).kind }, 'embeddings failed; using lexical retrieval only'),
  });
  const ledger = createUsageLedger({
    store,
    clock,
    budget: limits.tokenBudget,
    tokensPerHour: limits.tokensPerHour,
  });
  const canary = `ARCHIE-${Math.random().toString(36).slice(2, 10)}`;
  const leaks = createLeakDetector(
    (Object.keys(PROMPT_VARIABLES) as PromptName[]).map((n) => prompts.template(n)),
    canary,
  );
  // The canary rides along in the system prompt: a reply that contains it is echoing the prompt.
  const guardedPrompts: Prompts = {
    ...prompts,
    render: (name, vars) => {
      const text = prompts.render(name, vars);
      return name === 'system' ? `${text}\n[${canary}]` : text;
    },
  };
  const deps = { model, knowledge, retriever, prompts: guardedPrompts, leaks };

  /** Runs one model task within budget; any failure becomes undefined (the offline path). */
  async function task<T>(
    name: string,
    ctx: AssistContext,
    run: () => Promise<{ value: T | undefined; usage?: ModelUsage }>,
  ): Promise<T | undefined> {
    const subject = {
      conversationId: ctx.conversationId,
      userKey: ctx.userId ? `${ctx.channel ?? 'any'}:${ctx.userId}` : undefined,
    };
    if (!(await ledger.allow(subject))) {
      logger?.info({ task: name }, 'model budget or hourly allowance reached; offline engine');
      return undefined;
    }
    try {
      const { value, usage } = await run();
      if (usage) {
        await ledger.record(subject, name, usage);
        logger?.debug({ task: name, ...usage }, 'model usage');
      }
      return value;
    } catch (error) {
      const failure = toModelCallError(error);
      logger?.warn({ task: name, kind: failure.kind, breaker: breaker.state() }, 'model unavailable; offline engine');
      return undefined;
    }
  }

  const extractStatements = (text: string, known: TeamProfile, ctx: AssistContext) =>
    task('extract', ctx, async () => {
      const suspicious = readMessage(text).instructions.length;
      const result = await extractFactsWithModel(model, guardedPrompts, text, known, ctx.signal);
      if (result.dropped.length || suspicious) {
        logger?.info({ dropped: result.dropped, instructionSentences: suspicious }, 'model facts filtered');
      }
      return {
        value: { facts: result.updates, plans: result.plans, history: result.history } satisfies ModelStatements,
        usage: result.usage,
      };
    });
  return {
    extractStatements,
    extractFacts: async (text, known, ctx) => (await extractStatements(text, known, ctx))?.facts,
    answer: (question, ctx) =>
      task('answer', ctx, async () => {
        const outcome = await answerWithModel(deps, question, {
          stream: ctx.stream,
          signal: ctx.signal,
          verdict: ctx.verdict,
        });
        if (outcome.kind === 'rejected') logger?.warn({ reason: outcome.reason }, 'model answer rejected');
        return {
          value: outcome.kind === 'rejected' ? undefined : outcome.answer,
          usage: outcome.kind === 'not-found' ? undefined : outcome.usage,
        };
      }),
    explain: (assessment, profile, ctx) =>
      task('explain', ctx, async () => {
        const outcome = await explainWithModel(deps, assessment, profile, ctx.signal);
        if (!outcome.ok) logger?.warn({ reason: outcome.reason }, 'model explanation rejected; templated summary');
        return { value: outcome.ok ? outcome.text : undefined, usage: outcome.usage };
      }),
    takeNotice: (conversationId) => ledger.takeNotice(conversationId),
    status: () => ({
      name: options.model.name,
      provider: options.provider ?? 'openai-compatible',
      breaker: breaker.status(),
      embeddings: embeddings ? { name: embeddings.name, breaker: embeddingBreaker.state() } : 'off (lexical retrieval)',
    }),
    calls: () => calls,
  };
}
