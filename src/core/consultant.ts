/**
 * The consultant: the one object every channel talks to. Channels translate platform events into
 * `handle` calls and render the returned messages; they never see extraction, assessment or storage.
 */
import type { Assessment, Citation } from './assessment/assessment.js';
import type { OutMessage, TurnContext, UserInput } from './message.js';
import type { Provenance, TeamProfile } from './profile/profile.js';
import type { PastFact, Plan } from './reading/reading.js';

export interface Answer {
  answer: string;
  citations: Citation[];
  /** False when nothing relevant was found ("I don't know"); `nearby` then lists related topics. */
  found: boolean;
  nearby?: Citation[];
  generated?: boolean;
}

export interface AssessResult {
  profile: TeamProfile;
  /** How each fact was obtained and the user's words it rests on. */
  provenance: Provenance;
  /** What the team plans, wonders about or was proposed: not today's state. */
  plans: Plan[];
  /** Past states the team described. */
  history: PastFact[];
  assessment: Assessment;
}

/** Called whenever a conversation reaches a verdict (history, check-ins, App Home). */
export type AssessmentListener = (event: {
  conversationId: string;
  profile: TeamProfile;
  assessment: Assessment;
  at: Date;
  channel: TurnContext['channel'];
}) => void | Promise<void>;

export interface Consultant {
  /** First messages of a new conversation (greeting, how to start). */
  greet(conversationId: string, ctx: TurnContext): Promise<OutMessage[]>;
  /** One user turn: text or a button press. Returns the replies, in order. */
  handle(conversationId: string, input: UserInput, ctx: TurnContext): Promise<OutMessage[]>;
  /** One-shot assessment of a free-text description (CLI `assess`, slash `assess`); `ctx` says who asks. */
  assess(description: string, ctx?: Partial<TurnContext>): Promise<AssessResult>;
  /** Answer a knowledge question with citations (CLI `ask`, slash `ask`); `ctx` says who asks. */
  ask(question: string, ctx?: Partial<TurnContext>): Promise<Answer>;
  /** Seed or replace a conversation's known profile (check-ins start from the last assessment). */
  seed(conversationId: string, profile: TeamProfile): Promise<void>;
  /** The latest profile and assessment for a conversation, if any. */
  snapshot(conversationId: string): Promise<{ profile: TeamProfile; assessment?: Assessment } | undefined>;
}
