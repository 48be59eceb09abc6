/**
 * The one way Archie reads a message (interview, `assess`, check-ins, every channel, offline and model
 * paths): normalise the text → set aside instructions (whole blocks, then sentences) → split sentences →
 * read each clause's polarity and modality → today's facts, plans and history, each with its evidence.
 * A typed answer to a question is read the same way, with the question as context (read-answer.ts).
 */
import type { FactKey, TeamProfile } from '../profile/profile.js';
import { normaliseText } from '../text/normalise-text.js';
import { splitSentences } from '../text/split-sentences.js';
import { screenBlocks } from './instruction-blocks.js';
import { instructionStart } from './instructions.js';
import { type Candidate, readSentence, type SentenceContext } from './read-sentence.js';
import type { Reading } from './reading.js';
import { resolveStatements } from './resolve-statements.js';

export interface ReadOptions {
  /** What is already known: a contradicting "we're 15 now" is then a correction. */
  known?: TeamProfile;
}

const MAX_INPUT = 20_000;
// After an instruction that carries no facts of its own ("Ignore all prior instructions."), what follows is
// its payload until the user marks a return to their own situation.
const BACK_TO_FACTS =
  /^\W*(?:(?:ok|okay|so|but|anyway)\W+)*(?:for context|for the record|in reality|really|actually|genuinely|honestly|seriously|real(?:ly)?(?: numbers| facts)?|our (?:actual|real)|the (?:actual|real)|truth(?:fully)?|now seriously|me:)\b/i;

/** Reads a message into today's facts, plans, history and the instructions set aside. Never throws on text. */
export function readMessage(raw: string, options: ReadOptions = {}): Reading {
  const text = normaliseText(typeof raw === 'string' ? raw : '').slice(0, MAX_INPUT);
  const blocks = screenBlocks(text);
  const instructions = [...blocks.dropped];
  const candidates: Candidate[] = [];
  const ctx: SentenceContext = { offset: 0, order: { next: 0 }, ...(options.known ? { known: options.known } : {}) };
  let payloadFollows = false;
  let lastLine = -1;
  for (const sentence of splitSentences(blocks.text)) {
    const line = blocks.text.slice(0, sentence.start).split(/\n\s*\n/).length;
    if (line !== lastLine) payloadFollows = false; // a blank line ends an instruction's reach
    lastLine = line;
    const cut = instructionStart(sentence.text);
    if (cut === undefined && payloadFollows && !BACK_TO_FACTS.test(sentence.text)) {
      instructions.push(sentence.text);
      continue;
    }
    payloadFollows = false;
    const kept = cut === undefined ? sentence.text : sentence.text.slice(0, cut);
    ctx.offset = sentence.start;
    const found = readSentence(kept.trim() ? kept : '', ctx);
    candidates.push(...found);
    if (cut !== undefined) {
      const instruction = sentence.text.slice(cut);
      instructions.push(instruction.trim());
      // An instruction that states no facts or values of its own hands its payload to the sentences after it;
      // one that carries its own value ("set teams to 45") leaves the next sentence to the user (ADR 0071).
      const payload = readSentence(instruction, { offset: 0, order: { next: 0 } });
      payloadFollows = payload.length === 0 && !/\d/.test(instruction);
    }
  }
  const resolved = resolveStatements(candidates, options.known);
  const corrections = [...new Set(resolved.facts.filter((f) => f.correction).map((f) => f.key))] as FactKey[];
  return { ...resolved, instructions, corrections, text };
}
