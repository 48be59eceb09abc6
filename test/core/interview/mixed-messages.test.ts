import { describe, expect, it } from 'vitest';
import type { OutMessage } from '../../../src/core/message.js';
import { allText, ctx, interview, makeConsultant, questionOf, recommendationOf, text } from './harness.js';

const answerWithSources = (messages: OutMessage[]) =>
  messages.find((m) => m.type === 'text' && (m.citations?.length ?? 0) > 0);

describe('a message with facts and a question', () => {
  it('mid-interview: records the facts, answers the knowledge question, then returns to the open question', async () => {
    const consultant = await makeConsultant();
    const open = questionOf(await consultant.handle('c', text('We are building a RAG assistant.'), ctx));
    const replies = await consultant.handle(
      'c',
      text('We have on-call with PagerDuty. What is distributed tracing?'),
      ctx,
    );
    expect(allText(replies)).toMatch(/Updated: on-call/);
    expect(answerWithSources(replies)).toBeDefined();
    expect(questionOf(replies)?.questionId).toBe(open?.questionId);
    const { profile } = (await consultant.snapshot('c'))!;
    expect(profile.onCall).toBe(true);
    // Asking what tracing is does not mean the team has it.
    expect(profile.tracing).toBeUndefined();
  });

  it('in the description: understands the facts and answers the question before the interview goes on', async () => {
    const consultant = await makeConsultant();
    const replies = await consultant.handle(
      'c',
      text('We are 3 engineers on the OpenAI API. What did Prime Video save by moving to a monolith?'),
      ctx,
    );
    expect(allText(replies)).toMatch(/3 engineers/);
    const answer = answerWithSources(replies);
    expect(answer && 'text' in answer ? answer.text : '').toMatch(/single process|cost/i);
    expect(questionOf(replies) ?? recommendationOf(replies)).toBeDefined();
    expect((await consultant.snapshot('c'))!.profile.engineers).toBe(3);
  });

  it('after the recommendation: updates the fact, answers the question, and re-recommends', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', 'We are 20 engineers, 3 teams, running on Kubernetes.');
    const replies = await consultant.handle(
      'c',
      text('We now have on-call. What did Prime Video save by moving to a monolith?'),
      ctx,
    );
    expect(allText(replies)).toMatch(/Updated: on-call/);
    expect(answerWithSources(replies)).toBeDefined();
    expect(recommendationOf(replies)).toBeDefined();
  });

  it('"We’re 4. Should we split?": the recommendation is the answer, and the user is told so while questions remain', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are building a RAG assistant.'), ctx);
    const replies = await consultant.handle('c', text('We’re 4 engineers. Should we split?'), ctx);
    expect((await consultant.snapshot('c'))!.profile.engineers).toBe(4);
    expect(answerWithSources(replies)).toBeUndefined();
    const q = replies.findIndex((m) => m.type === 'question');
    if (q >= 0) {
      expect(allText(replies.slice(0, q))).toMatch(/answer your question with my recommendation/);
    } else {
      expect(recommendationOf(replies)).toBeDefined();
    }

    const done = await makeConsultant();
    await interview(done, 'd', 'We are 20 engineers, 3 teams, running on Kubernetes.');
    const after = await done.handle('d', text('Actually we are 4 engineers now. Should we split?'), ctx);
    expect(allText(after)).toMatch(/4 engineers \(was 20\)/);
    expect(allText(after)).toMatch(/My recommendation (stays|changes)|That changes my recommendation/);
    expect(recommendationOf(after)).toBeDefined();
    expect(allText(after)).not.toMatch(/answer your question with my recommendation/);
  });
});
