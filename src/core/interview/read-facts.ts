/**
 * Reads facts from a message for the interview and `assess`: the reading pipeline first, then (when
 * configured) a model, whose facts only fill gaps: a model never overrides what the user said or what
 * the reader read, and never a fact the user answered or corrected. Plans and past states the model read
 * (each with its evidence in the user's words) join the reader's, unless the reader already has them.
 */
import type { AssistContext, ModelAssist } from '../model-assist/model-assist.js';
import type { FactUpdate, Provenance, TeamProfile } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';
import { readMessage } from '../reading/read-message.js';
import type { PastFact, Plan } from '../reading/reading.js';

/** Drops updates whose value the schema rejects (model output and odd readings alike). */
export function validUpdates(updates: readonly FactUpdate[] | undefined): FactUpdate[] {
  if (!Array.isArray(updates)) return [];
  return updates.filter((u) => Boolean(u) && validFactValue(u.key, u.value) !== undefined);
}

export interface ReadFacts {
  offline: FactUpdate[];
  model: FactUpdate[];
  plans: Plan[];
  history: PastFact[];
  /** Instruction text that was set aside. */
  instructions: string[];
}

/** Facts in `text`, split by where they came from, plus its plans and history. Never throws. */
export async function readFacts(
  text: string,
  known: TeamProfile,
  provenance: Provenance,
  assist: ModelAssist | undefined,
  ctx: AssistContext,
): Promise<ReadFacts> {
  let reading: ReturnType<typeof readMessage> | undefined;
  try {
    reading = readMessage(text, { known });
  } catch {
    reading = undefined; // bad input must not break a turn
  }
  const offline = validUpdates(reading?.facts);
  let model: FactUpdate[] = [];
  const plans: Plan[] = [...(reading?.plans ?? [])];
  const history: PastFact[] = [...(reading?.history ?? [])];
  if (assist) {
    try {
      const statements = assist.extractStatements
        ? await assist.extractStatements(text, known, ctx)
        : { facts: (await assist.extractFacts(text, known, ctx)) ?? [], plans: [], history: [] };
      const proposed = validUpdates(statements?.facts);
      const id = (s: Plan | PastFact) => `${s.key}|${s.modality}|${JSON.stringify(s.value)}`;
      const seen = new Set([...plans, ...history].map(id));
      for (const p of statements?.plans ?? [])
        if (!seen.has(id(p)) && validFactValue(p.key, p.value) !== undefined) plans.push(p);
      for (const h of statements?.history ?? [])
        if (!seen.has(id(h)) && validFactValue(h.key, h.value) !== undefined) history.push(h);
      const taken = new Set(offline.map((u) => u.key));
      model = proposed.filter((u) => {
        const source = provenance[u.key]?.source;
        return !taken.has(u.key) && source !== 'answered' && source !== 'corrected';
      });
    } catch {
      model = [];
    }
  }
  return {
    offline,
    model,
    plans,
    history,
    instructions: reading?.instructions ?? [],
  };
}
