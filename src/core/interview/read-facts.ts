/**
 * Reads facts from a message: the offline extractor first, then (when configured) a model, whose facts
 * only fill gaps: a model never overrides what the user said or what the extractor read.
 */
import type { AssistContext, ModelAssist } from '../llm/model-assist.js';
import type { FactUpdate, Provenance, TeamProfile } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';
import { safeExtract } from './questions.js';
import { instructionSentences } from './screen-input.js';

/** Drops updates whose value the schema rejects (model output and odd extractions alike). */
export function validUpdates(updates: readonly FactUpdate[] | undefined): FactUpdate[] {
  if (!Array.isArray(updates)) return [];
  return updates.filter((u) => Boolean(u) && validFactValue(u.key, u.value) !== undefined);
}

/**
 * "actually we're 12" → 12 engineers, when the extractor did not say what the number counts. Sentences that
 * instruct Archie are skipped here as the extractor skips them ("record that we are 900" sets nothing).
 */
function headcountFallback(raw: string, updates: FactUpdate[]): FactUpdate[] {
  if (updates.some((u) => u.key === 'engineers' || u.key === 'teams')) return [];
  const instructions = instructionSentences(raw);
  const text = instructions.reduce((rest, sentence) => rest.replace(sentence, ' '), raw);
  const m =
    /\b(?:we'?re|we are|we have|there are|there's|now)\s+(?:now\s+)?(\d{1,5})\b(?!\s*(?:%|teams?|squads?|users?|requests?|services?|gpus?|models?|b\b|million|k\b))/i.exec(
      text.replace(/’/g, "'"),
    );
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 100_000 ? [{ key: 'engineers', value: n, evidence: m![0], correction: true }] : [];
}

export interface ReadFacts {
  offline: FactUpdate[];
  model: FactUpdate[];
}

/** Facts in `text`, split by where they came from. Never throws. */
export async function readFacts(
  text: string,
  known: TeamProfile,
  provenance: Provenance,
  assist: ModelAssist | undefined,
  ctx: AssistContext,
): Promise<ReadFacts> {
  const extracted = validUpdates(safeExtract(text, known));
  const offline = [...extracted, ...headcountFallback(text, extracted)];
  let model: FactUpdate[] = [];
  if (assist) {
    try {
      const proposed = validUpdates(await assist.extractFacts(text, known, ctx));
      const taken = new Set(offline.map((u) => u.key));
      model = proposed.filter((u) => {
        const source = provenance[u.key]?.source;
        return !taken.has(u.key) && source !== 'answer' && source !== 'correction';
      });
    } catch {
      model = [];
    }
  }
  return { offline, model };
}
