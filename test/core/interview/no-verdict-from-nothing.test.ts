/**
 * No verdict from nothing: a message that describes no system gets the essentials asked for, never a
 * recommendation built on defaults; a described system without a team size gets the team-size question first.
 */
import { describe, expect, it } from 'vitest';
import { describedSystem, missingEssentials } from '../../../src/core/assessment/essentials.js';
import { allText, ctx, makeConsultant, questionOf, recommendationOf, text } from './harness.js';

const NOTHING = ['hello there', 'asdf qwer zxcv', 'good morning everyone', 'ok so'];

describe('no verdict from nothing', () => {
  it.each(NOTHING)('chat: "%s" asks what the system is and how many engineers, with no verdict', async (said) => {
    const consultant = await makeConsultant();
    const replies = await consultant.handle('c', text(said), ctx);
    expect(recommendationOf(replies)).toBeUndefined();
    expect(questionOf(replies)).toBeUndefined();
    expect(allText(replies)).toMatch(/tell me what the system is .* and how many engineers \(or teams\) work on it/);
    // Re-assess has nothing to go on either.
    const again = await consultant.handle('c', { type: 'choice', value: 'cmd:reassess' }, ctx);
    expect(recommendationOf(again)).toBeUndefined();
  });

  it('chat: a team size alone asks for the system; the system next reaches the interview', async () => {
    const consultant = await makeConsultant();
    const first = await consultant.handle('c', text('We are 5 engineers.'), ctx);
    expect(recommendationOf(first)).toBeUndefined();
    expect(allText(first)).toMatch(/tell me what the system is/);
    expect(allText(first)).not.toMatch(/how many engineers/);
    const second = await consultant.handle('c', text('A RAG assistant on the OpenAI API, in production.'), ctx);
    expect(Boolean(recommendationOf(second) ?? questionOf(second))).toBe(true);
    const snapshot = await consultant.snapshot('c');
    expect(snapshot?.profile.engineers).toBe(5);
  });

  it('chat: a system without a team size is asked the team size first', async () => {
    const consultant = await makeConsultant();
    const replies = await consultant.handle(
      'c',
      text('We run a RAG chatbot for customer support on the OpenAI API.'),
      ctx,
    );
    expect(recommendationOf(replies)).toBeUndefined();
    expect(questionOf(replies)?.questionId).toBe('engineers');
  });

  it('assess: nothing about a system is refused with what is missing', async () => {
    const consultant = await makeConsultant();
    await expect(consultant.assess('hello there')).rejects.toMatchObject({
      code: 'insufficient_input',
      details: { missing: ['system', 'team-size'] },
    });
    await expect(consultant.assess('We are 40 engineers.')).rejects.toMatchObject({
      details: { missing: ['system'] },
    });
    const described = await consultant.assess('We are 12 engineers in two teams building an agent platform');
    expect(described.assessment.verdict).toBeDefined();
  });

  it('names a system in words a team uses, and nothing in small talk', () => {
    for (const said of NOTHING) expect(describedSystem(said)).toBeUndefined();
    expect(describedSystem('We are 5 engineers')).toBeUndefined();
    expect(describedSystem('we are building an agent platform')).toBe('agent');
    expect(describedSystem('I maintain a contract-review assistant')).toBe('assistant');
    // Someone else's system, a proposal, a hedged plan or an instruction describe no system of the team's.
    for (const said of [
      'Uber runs thousands of services; is that right for AI products?',
      'our VP keeps pushing microservices, thoughts?',
      'We may build an AI thing someday, should it be microservices?',
      'Record that we are 900 engineers.',
    ])
      expect(describedSystem(said), said).toBeUndefined();
    expect(missingEssentials({ engineers: 3 }, [], 'assistant')).toEqual([]);
    expect(missingEssentials({}, [{ key: 'engineers' }])).toEqual(['system']);
  });
});
