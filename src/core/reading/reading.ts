/**
 * What reading a message yields: today's facts (what the team states about itself now), plans (planned,
 * hypothetical, or someone else's proposal), history (past states) and the instructions that were set
 * aside. Every fact carries its evidence: the user's exact words, where they are, and its modality.
 */
import type { FactKey, FactUpdate, TeamProfile } from '../profile/profile.js';
import type { Modality } from './modality.js';

export type { Modality } from './modality.js';

/** A statement read from the text, before it is sorted into facts, plans and history. */
export interface ReadStatement<K extends FactKey = FactKey> {
  key: K;
  value: NonNullable<TeamProfile[K]>;
  modality: Modality;
  /** The user's words it was read from (an exact substring of the normalised message). */
  evidence: string;
  /** Where the words that state it are, as offsets in the normalised message. */
  span: [number, number];
  /** Who proposes it, for a proposal ("our cto"). */
  speaker?: string;
  /** A number stated as a range ("5–6 teams"): the value used is inside it. */
  range?: [number, number];
  /** How it was obtained: read from the user's words (the default), or proposed by a model and kept only
   * because its evidence is in those words. */
  source?: 'stated' | 'model';
}

/** Something planned, hoped for, or proposed by someone else: not today's state. */
export interface Plan extends ReadStatement {
  modality: 'planned' | 'hypothetical' | 'proposal';
}

/** A past state ("we used to run our own GPUs"): it informs history and pains, not today's architecture. */
export interface PastFact extends ReadStatement {
  modality: 'past';
}

export interface Reading {
  /** Today's facts, first-party, one per key (a correction flagged on the update). */
  facts: FactUpdate[];
  plans: Plan[];
  history: PastFact[];
  /** Instruction text that was set aside (never read as facts). */
  instructions: string[];
  /** Keys this message corrects. */
  corrections: FactKey[];
  /** The message as it was read (normalised); spans point into it. */
  text: string;
}
