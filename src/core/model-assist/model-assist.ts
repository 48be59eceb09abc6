/**
 * What a configured model adds to the consultant. Every method may fail or return undefined: the
 * consultant then uses the offline engine, so the user is always answered. The model never picks the
 * verdict: `explain` receives the engine's assessment and its output is validated before use.
 */
import type { Assessment, Verdict } from '../assessment/assessment.js';
import type { Answer } from '../consultant.js';
import type { ChannelName, ReplyStream } from '../message.js';
import type { FactUpdate, TeamProfile } from '../profile/profile.js';
import type { PastFact, Plan } from '../reading/reading.js';

/** What a model read, in the reader's shape: today's facts, plans and past states, each with its evidence. */
export interface ModelStatements {
  facts: FactUpdate[];
  plans: Plan[];
  history: PastFact[];
}

export interface AssistContext {
  conversationId?: string;
  /** Who is asking (the channel's user id), for the per-user hourly model-token allowance. */
  userId?: string;
  /** The channel `userId` belongs to (user ids are only unique within a channel). */
  channel?: ChannelName;
  stream?: ReplyStream;
  signal?: AbortSignal;
  /** The conversation's current verdict: a knowledge answer must not steer away from it. */
  verdict?: Verdict;
}

export interface ModelAssist {
  /** Extra facts a model reads from messy text; merged with the offline extractor's (source: 'model'). */
  extractFacts(text: string, known: TeamProfile, ctx: AssistContext): Promise<FactUpdate[] | undefined>;
  /**
   * The same reading with its plans and past states (source 'model', each with evidence in the user's
   * words). Optional: without it only `extractFacts` is used.
   */
  extractStatements?(text: string, known: TeamProfile, ctx: AssistContext): Promise<ModelStatements | undefined>;
  /** A grounded answer citing only retrieved passages; undefined → offline answer. */
  answer(question: string, ctx: AssistContext): Promise<Answer | undefined>;
  /** A validated narrative of the engine's verdict; undefined → templated summary. */
  explain(assessment: Assessment, profile: TeamProfile, ctx: AssistContext): Promise<string | undefined>;
  /**
   * A one-time notice for the user of this conversation (e.g. "I've reached this conversation's model
   * budget…"); the consultant shows it once when defined. Optional (added by the LLM helper).
   */
  takeNotice?(conversationId: string): Promise<string | undefined>;
  /** Model name, provider and circuit-breaker state for /healthz. Optional (added by the LLM helper). */
  status?(): Record<string, unknown>;
}
