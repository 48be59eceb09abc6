/**
 * What one interview turn runs on: the engine's assessment (memoised per profile), knowledge answers
 * (the model first when one is configured) and the interview state machine. The consultant builds one on
 * the main thread; the engine pool (src/engine) builds the same one inside each worker thread, so a turn
 * gives the same replies wherever it runs.
 */
import { answerQuestion } from './answers/answer-question.js';
import { assessProfile } from './assessment/assess-profile.js';
import type { Assessment } from './assessment/assessment.js';
import type { Answer } from './consultant.js';
import type { ConversationState } from './interview/conversation-state.js';
import { createInterview, type Interview, type TurnResult } from './interview/interview.js';
import type { KnowledgeBase } from './knowledge/knowledge.js';
import type { AssistContext, ModelAssist } from './llm/model-assist.js';
import type { UserInput } from './message.js';
import { FACT_LABELS } from './profile/fact-labels.js';
import type { TeamProfile } from './profile/profile.js';

export interface TurnEngineDeps {
  knowledge: KnowledgeBase;
  /** What a configured model adds; absent → the offline engine alone. */
  assist?: ModelAssist;
  now: () => Date;
  limits?: TurnLimits;
}

export interface TurnLimits {
  maxMessageChars?: number;
  questionCap?: number;
}

export interface TurnEngine {
  interview: Interview;
  /** The full assessment of a profile, with each assumption's human label. */
  assess(profile: TeamProfile): Assessment;
  answer(question: string, ctx: AssistContext): Promise<Answer>;
}

/** Runs one interview turn over a conversation's state, on this thread or elsewhere, and returns the new state. */
export type TurnRunner = (state: ConversationState, input: UserInput, ctx: AssistContext) => Promise<TurnResult>;

export function createTurnEngine(deps: TurnEngineDeps): TurnEngine {
  // Steps of one turn assess the same profile more than once (a skip, then the next question). Profiles are
  // replaced on every change, never edited in place, so the profile object identifies the assessment.
  const assessed = new WeakMap<TeamProfile, Assessment>();
  // Assumptions carry their fact's human name, so every channel (the web page included) can show it.
  const assess = (profile: TeamProfile): Assessment => {
    let a = assessed.get(profile);
    if (!a) {
      const raw = assessProfile(profile, deps.knowledge);
      a = { ...raw, assumptions: raw.assumptions.map((x) => ({ ...x, label: FACT_LABELS[x.fact] })) };
      assessed.set(profile, a);
    }
    return a;
  };

  async function answer(question: string, ctx: AssistContext): Promise<Answer> {
    if (deps.assist) {
      try {
        const fromModel = await deps.assist.answer(question, ctx);
        if (fromModel) return fromModel;
      } catch {
        // The offline answer below is always available.
      }
    }
    return answerQuestion(question, deps.knowledge);
  }

  const interview = createInterview({
    assess,
    answer,
    assist: deps.assist,
    now: deps.now,
    maxMessageChars: deps.limits?.maxMessageChars,
    questionCap: deps.limits?.questionCap,
  });
  return { interview, assess, answer };
}
