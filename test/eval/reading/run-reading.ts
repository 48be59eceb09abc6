/**
 * The reading evaluation: facts read from the annotated corpus (test/eval/reading), scored fact by fact
 * per category on the dev cases, and only as aggregate figures on the held-out third (its cases are
 * never printed: it measures generalisation only while nobody tunes on it).
 */
import { readMessage } from '../../../src/core/reading/read-message.js';
import { DEV_CASES } from './cases-dev.js';
import * as heldOutModule from './cases-held-out.js';
import { type ReadFactAtom, type ReadingScore, scoreReading } from './score-reading.js';
import type { ReadingCase } from './types.js';

/** The held-out cases, taken from the module without naming (or reading) its contents. */
const HELD_OUT_CASES: ReadingCase[] = Object.values(heldOutModule).find(Array.isArray) ?? [];

/** Every fact a message yields, as the scorer counts them: today's facts, plans and history. */
export function readAtoms(text: string): ReadFactAtom[] {
  const reading = readMessage(text);
  return [
    ...reading.facts.map((f) => ({ key: f.key, value: f.value, modality: 'current' as const })),
    ...reading.plans.map((p) => ({ key: p.key, value: p.value, modality: p.modality })),
    ...reading.history.map((h) => ({ key: h.key, value: h.value, modality: 'past' as const })),
  ];
}

export interface ReadingEvaluation {
  dev: ReadingScore;
  heldOut: ReadingScore;
  heldOutCases: number;
}

/** Scores the reader on both parts of the corpus. */
export async function evaluateReading(): Promise<ReadingEvaluation> {
  return {
    dev: await scoreReading(DEV_CASES, readAtoms),
    heldOut: await scoreReading(HELD_OUT_CASES, readAtoms),
    heldOutCases: HELD_OUT_CASES.length,
  };
}
