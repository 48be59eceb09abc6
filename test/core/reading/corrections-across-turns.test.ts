/**
 * A correction in a later message wins, even when it is only a number: "actually 12", "make that 16",
 * "or rather 11" refer to the count the team gave before (the one named as wrong, else the nearest known
 * count).
 */
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { createConsultant } from '../../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const kb = await loadKnowledgeBase();
const ctx = { channel: 'web' as const, userId: 'u1' };

async function afterTwoMessages(first: string, second: string) {
  const c = createConsultant({ knowledge: kb, store: new Keyv() });
  await c.greet('c', ctx);
  await c.handle('c', { type: 'text', text: first }, ctx);
  await c.handle('c', { type: 'text', text: second }, ctx);
  return (await c.snapshot('c'))!;
}

describe('corrections across turns', () => {
  it.each([
    ['actually 12', 12],
    ['make that 16', 16],
    ['or rather 11', 11],
    ['11, not 9.', 11],
  ])('"%s" corrects the headcount', async (second, engineers) => {
    const state = await afterTwoMessages(
      'We are 9 engineers in 2 teams building a RAG assistant on the OpenAI API, in production.',
      second,
    );
    expect(state.profile.engineers).toBe(engineers);
    expect(state.profile.teams).toBe(2);
  });

  it('a bare number far from every known count corrects nothing', async () => {
    const state = await afterTwoMessages(
      'We are 9 engineers in 2 teams building a RAG assistant on the OpenAI API, in production.',
      'actually 400',
    );
    expect(state.profile.engineers).toBe(9);
  });
});
