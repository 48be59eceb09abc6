/**
 * The one place a consultant is built from configuration, shared by the server (`createArchie`) and the
 * terminal commands (`archie chat|ask|assess`): the knowledge base, the model helper when a model is
 * configured (its code is loaded only then), and the limits from config (MAX_MESSAGE_CHARS reaches the
 * interview and the screening of `ask` and `assess`, whatever its value). Abuse limits in front of it are
 * the guard's job (`limits/guard-consultant.ts`).
 */
import type { Config } from '../config/config-schema.js';
import type { Clock } from '../core/clock.js';
import type { AssessmentListener, Consultant } from '../core/consultant.js';
import { createConsultant } from '../core/create-consultant.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge.js';
import type { AssistLogger } from '../core/model-assist/create-model-assist.js';
import type { ModelAssist } from '../core/model-assist/model-assist.js';
import type { SerializeByKey } from '../core/serialize-by-key.js';
import type { KeyValueStore } from '../core/store/key-value-store.js';

export interface BuildConsultantDeps {
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  clock: Clock;
  /** For the model helper's warnings (never user text). */
  logger?: AssistLogger;
  onAssessment?: AssessmentListener;
  /** Orders turns per conversation across replicas (the server passes the store's turn lock). */
  serialize?: SerializeByKey;
}

export interface BuiltConsultant {
  consultant: Consultant;
  /** Present when a model is configured (status for /healthz). */
  assist?: ModelAssist;
}

export async function buildConsultant(config: Config, deps: BuildConsultantDeps): Promise<BuiltConsultant> {
  // A configured model makes Archie better but never required: without one, `assist` stays undefined and
  // the LLM stack (LangChain, openai: ~40 MB and start-up time) is never loaded.
  const assist = config.llm
    ? await (await import('../adapters/langchain/create-configured-assist.js')).createConfiguredAssist(config, {
        knowledge: deps.knowledge,
        store: deps.store,
        clock: deps.clock,
        logger: deps.logger,
      })
    : undefined;
  const consultant = createConsultant({
    knowledge: deps.knowledge,
    store: deps.store,
    clock: deps.clock,
    assist,
    limits: { maxMessageChars: config.limits.maxMessageChars },
    onAssessment: deps.onAssessment,
    serialize: deps.serialize,
  });
  return { consultant, assist };
}
