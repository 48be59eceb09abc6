/**
 * The offline engine's interview turn as plain data in, plain data out: (stored record, input, time) → the
 * record to save and the replies. Nothing in it reads the store, a model or the clock, so it gives the same answer
 * wherever it runs: in the consultant's own thread, or in an engine thread (app/engine-threads).
 */
import { answerQuestion } from './answers/answer-question.js';
import { assessProfile } from './assessment/assess-profile.js';
import type { Assessment } from './assessment/assessment.js';
import { decodeConversation, encodeConversation, newConversationState } from './interview/conversation-state.js';
import { createInterview, type InterviewDeps } from './interview/interview.js';
import type { KnowledgeBase } from './knowledge/knowledge.js';
import type { OutMessage, UserInput } from './message.js';
import { FACT_LABELS } from './profile/fact-labels.js';
import type { TeamProfile } from './profile/profile.js';

export interface OfflineTurnRequest {
  /** The conversation's stored record (conversation-state's codec), or undefined for a new conversation. */
  record: unknown;
  input: UserInput;
  /** The turn's time (fact provenance, timestamps); the caller's clock, not the thread's. */
  at: Date;
}

/**
 * The record to save and the replies. The state travels as its stored record, a string: a thread hands a
 * string over as one copy, where the object graph of a recommendation (~20 KB) costs the receiving thread
 * more to rebuild than the turn saved it.
 */
export interface OfflineTurnResult {
  record: string;
  messages: OutMessage[];
  /** Set when this turn produced a verdict (the consultant notifies listeners). */
  verdict?: { profile: TeamProfile; assessment: Assessment };
}

export type OfflineTurn = (request: OfflineTurnRequest) => Promise<OfflineTurnResult>;

/** An offline turn run elsewhere, if it can be: undefined hands the turn back to the caller's own engine. */
export type OffloadTurn = (request: OfflineTurnRequest) => Promise<OfflineTurnResult | undefined>;

export interface EngineLimits {
  maxMessageChars?: number;
  questionCap?: number;
}

/**
 * Assesses a profile, with each assumption carrying its fact's human name (every channel shows it).
 * Steps of one turn assess the same profile more than once (a skip, then the next question); profiles are
 * replaced on every change, never edited in place, so the profile object identifies the assessment.
 */
export function createLabelledAssess(knowledge: KnowledgeBase): (profile: TeamProfile) => Assessment {
  const assessed = new WeakMap<TeamProfile, Assessment>();
  return (profile) => {
    let a = assessed.get(profile);
    if (!a) {
      const raw = assessProfile(profile, knowledge);
      a = { ...raw, assumptions: raw.assumptions.map((x) => ({ ...x, label: FACT_LABELS[x.fact] })) };
      assessed.set(profile, a);
    }
    return a;
  };
}

/** The interview turn of the offline engine (no model): what an engine thread runs. */
export function createOfflineTurn(knowledge: KnowledgeBase, limits: EngineLimits = {}): OfflineTurn {
  const deps: Omit<InterviewDeps, 'now'> = {
    assess: createLabelledAssess(knowledge),
    answer: async (question) => answerQuestion(question, knowledge),
    maxMessageChars: limits.maxMessageChars,
    questionCap: limits.questionCap,
  };
  // One interview for every turn (building it cost 8-14 µs, 3-5% of a first description's turn), reading
  // the time of the turn in hand. Turns therefore run one after another: interleaved, they would not.
  let turnAt = new Date(0);
  const interview = createInterview({ ...deps, now: () => turnAt });
  let previous: Promise<unknown> = Promise.resolve();
  const run = async ({ record, input, at }: OfflineTurnRequest): Promise<OfflineTurnResult> => {
    turnAt = at;
    const state = decodeConversation(record, at) ?? newConversationState(at);
    const result = await interview.handle(state, input);
    return {
      record: encodeConversation(result.state, at),
      messages: result.messages,
      verdict: result.assessed ? { profile: result.state.profile, assessment: result.assessed } : undefined,
    };
  };
  return (request) => {
    const turn = previous.then(() => run(request));
    previous = turn.catch(() => undefined);
    return turn;
  };
}
