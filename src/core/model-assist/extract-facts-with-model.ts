/**
 * Fact extraction with a model's structured output, in the reader's shape: each fact with its value, the
 * user's exact words as evidence (and where they are), and its modality. A statement is kept only if its
 * value fits the schema and its evidence is really in the user's (normalised) words and not inside an
 * instruction, so a model cannot invent facts. Today's state becomes a fact; a plan, a hypothesis or
 * someone else's proposal becomes a plan, and a past state history, as the offline reader does (source
 * 'model'). The engine, not the model, then decides the verdict from the merged facts.
 */
import { z } from 'zod';
import { FACT_KEYS, type FactKey, type FactUpdate, type TeamProfile, teamProfileSchema } from '../profile/profile.js';
import { screenBlocks } from '../reading/instruction-blocks.js';
import { isInstruction } from '../reading/instructions.js';
import type { PastFact, Plan } from '../reading/reading.js';
import { normaliseText } from '../text/normalise-text.js';
import { splitSentences } from '../text/split-sentences.js';
import type { ChatMessage, ChatModel, ModelUsage } from './chat-model.js';
import type { Prompts } from './load-prompts.js';
import { describeProfileFields } from './profile-fields.js';
import { asUserData } from './user-data.js';

const shape = teamProfileSchema.shape;

/** The schema sent to the model: the real field types, but one bad field never sinks the others. */
export const extractionSchema = z.object({
  facts: z.object(
    Object.fromEntries(FACT_KEYS.map((k) => [k, (shape[k] as z.ZodType).catch(undefined)])) as unknown as {
      [K in FactKey]: z.ZodCatch<(typeof shape)[K]>;
    },
  ),
  evidence: z.record(z.string(), z.string()).optional().catch(undefined),
  /** Per fact: current (today), past, planned, hypothetical or proposal (someone else's); current if absent. */
  modality: z
    .record(z.string(), z.enum(['current', 'past', 'planned', 'hypothetical', 'proposal']))
    .optional()
    .catch(undefined),
  corrections: z.array(z.string()).optional().catch(undefined),
});
export type Extraction = z.infer<typeof extractionSchema>;

const NUMERIC: ReadonlySet<FactKey> = new Set([
  'engineers',
  'teams',
  'users',
  'requestsPerDay',
  'modelSizeB',
  'deploysPerWeek',
  'services',
  'documentsPerDay',
  'corpusDocuments',
]);
const NUMBER_WORD =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|couple|few|single|solo|just me)\b/i;

/** Builds the messages for one extraction call. */
export function extractionMessages(prompts: Prompts, text: string, known: TeamProfile): ChatMessage[] {
  const task = prompts.render('extract-facts', {
    fields: describeProfileFields(),
    known: Object.keys(known).length ? JSON.stringify(known) : '(none)',
  });
  return [
    { role: 'system', content: `${prompts.render('system', {})}\n\n${task}` },
    { role: 'user', content: asUserData(text) },
  ];
}

/** Calls the model and returns validated fact updates (possibly empty). Throws on model failure. */
export async function extractFactsWithModel(
  model: ChatModel,
  prompts: Prompts,
  text: string,
  known: TeamProfile,
  signal?: AbortSignal,
): Promise<{ updates: FactUpdate[]; plans: Plan[]; history: PastFact[]; usage?: ModelUsage; dropped: string[] }> {
  const { value, usage } = await model.completeStructured(extractionMessages(prompts, text, known), extractionSchema, {
    signal,
    schemaName: 'team_profile_facts',
  });
  return { ...validateExtraction(value, text, known), usage };
}

/**
 * Keeps only schema-valid statements whose evidence is a verbatim quote from a non-instruction sentence:
 * today's as fact updates, plans and past states as such.
 */
export function validateExtraction(
  extraction: Extraction,
  raw: string,
  known: TeamProfile,
): { updates: FactUpdate[]; plans: Plan[]; history: PastFact[]; dropped: string[] } {
  const text = normaliseText(raw);
  const blocks = screenBlocks(text);
  const sentences = [
    ...splitSentences(blocks.text).map((s) => ({ norm: normalise(s.text), instruction: isInstruction(s.text) })),
    ...blocks.dropped.map((b) => ({ norm: normalise(b), instruction: true })),
  ];
  const corrections = new Set(extraction.corrections ?? []);
  const updates: FactUpdate[] = [];
  const plans: Plan[] = [];
  const history: PastFact[] = [];
  const dropped: string[] = [];
  for (const key of FACT_KEYS) {
    const value = extraction.facts[key];
    if (value === undefined || value === null) continue;
    const evidence =
      extraction.evidence?.[key] === undefined ? undefined : normaliseText(extraction.evidence[key]!).trim();
    const modality = extraction.modality?.[key] ?? 'current';
    const why = rejectReason(key, value, evidence, sentences);
    if (why) {
      dropped.push(`${key}: ${why}`);
      continue;
    }
    const at = evidence ? text.toLowerCase().indexOf(evidence.toLowerCase()) : -1;
    const span: [number, number] | undefined = at >= 0 && evidence ? [at, at + evidence.length] : undefined;
    if (modality !== 'current') {
      // Not today's state: a plan, a hypothesis, someone else's proposal, or the past. A list value is kept
      // one element per statement, as the reader keeps them.
      // Quoted loosely (other spacing or punctuation): the sentence that holds the quote is the evidence.
      const holder = span
        ? undefined
        : splitSentences(text).find((s) => normalise(s.text).includes(normalise(evidence!)));
      const words = span ? evidence! : (holder?.text ?? evidence!);
      const where: [number, number] = span ?? (holder ? [holder.start, holder.start + holder.text.length] : [0, 0]);
      for (const one of Array.isArray(value) ? value.map((v) => [v]) : [value]) {
        const statement = { key, value: one, modality, evidence: words, span: where, source: 'model' as const };
        if (modality === 'past') history.push(statement as PastFact);
        else plans.push(statement as Plan);
      }
      continue;
    }
    const correction = corrections.has(key) && known[key] !== undefined;
    if (!correction && JSON.stringify(known[key]) === JSON.stringify(value)) continue;
    updates.push({
      key,
      value,
      evidence,
      ...(span ? { span } : {}),
      ...(correction ? { correction: true } : {}),
    } as FactUpdate);
  }
  return { updates, plans, history, dropped };
}

function rejectReason(
  key: FactKey,
  value: unknown,
  evidence: string | undefined,
  sentences: Array<{ norm: string; instruction: boolean }>,
): string | undefined {
  if (!shape[key].safeParse(value).success) return 'invalid value';
  if (Array.isArray(value) && value.length === 0) return 'empty list';
  if (!evidence) return 'no evidence';
  const quote = normalise(evidence);
  if (quote.length < 2) return 'no evidence';
  const holders = sentences.filter((s) => s.norm.includes(quote) || (quote.includes(s.norm) && s.norm.length > 0));
  if (holders.length === 0) return 'evidence not in the text';
  if (holders.every((s) => s.instruction)) return 'evidence is an instruction to the model';
  if (NUMERIC.has(key) && !NUMBER_WORD.test(evidence)) return 'number without a number in the evidence';
  return undefined;
}

/** Case, punctuation and spacing differences should not make a real quote fail. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9'.%+-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
