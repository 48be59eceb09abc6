import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../../src/core/assessment/assessment.js';
import { ACTIONS } from '../../../src/core/message.js';
import { CANONICAL } from '../../support/cli.js';
import { allText, choice, ctx, interview, makeConsultant, questionOf, recommendationOf, text } from './harness.js';

describe('the interview', () => {
  it('greets with what Archie does and example descriptions to start from', async () => {
    const consultant = await makeConsultant();
    const messages = await consultant.greet('c1', ctx);
    expect(allText(messages)).toMatch(/monolith/i);
    expect(allText(messages)).toMatch(/describe your system/i);
    const first = messages[0]!;
    expect(first.type === 'text' && first.quickReplies?.length).toBeGreaterThanOrEqual(2);
  });

  it.each(CANONICAL)('reaches a verdict in at most three questions: $name', async ({ text: description, verdict }) => {
    const consultant = await makeConsultant();
    const { questions, recommendation } = await interview(consultant, 'c', description, (q) =>
      choice(q.quickReplies.find((r) => r.label === 'Not sure')!.value),
    );
    expect(questions.length).toBeLessThanOrEqual(3);
    expect(recommendation?.assessment.verdict).toBe(verdict);
    for (const [i, q] of questions.entries()) {
      expect(q.progress.done).toBe(i);
      expect(q.progress.total).toBeLessThanOrEqual(3);
      expect(q.quickReplies.map((r) => r.label)).toEqual(expect.arrayContaining(['Skip', 'Not sure']));
    }
  });

  it('sums up the verdict by what decided it, without repeating the reasons listed under it', async () => {
    const consultant = await makeConsultant();
    const { recommendation } = await interview(consultant, 'c', CANONICAL[0].text);
    const a = recommendation!.assessment;
    const top = a.factors.find((f) => f.id === a.reasons[0]!.factorId)!;
    expect(recommendation!.summary).toMatch(
      /^I recommend (?:a )?[a-z -]+ \(\d+% confidence\)\. What decided it: [a-z]/,
    );
    expect(recommendation!.summary.toLowerCase()).toContain(top.label.toLowerCase());
    for (const r of a.reasons) expect(recommendation!.summary).not.toContain(r.text);
  });

  it('starts a fresh interview when an example is picked after a verdict, instead of mixing two systems', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', CANONICAL[0].text, (q) => choice(q.quickReplies[0]!.value));
    expect((await consultant.snapshot('c'))?.profile).toMatchObject({ engineers: 3, onCall: false });
    const replies = await consultant.handle('c', choice('example:2'), ctx);
    expect(allText(replies)).toMatch(/^Starting over with the example/);
    const snapshot = await consultant.snapshot('c');
    // Only the example's facts remain (one team of 8 self-hosting a 70B model), none of the earlier ones.
    expect(snapshot?.profile).toMatchObject({ engineers: 8, modelSizeB: 70 });
    expect(snapshot?.profile.onCall).toBeUndefined();
  });

  it('acknowledges the facts it understood from the description', async () => {
    const consultant = await makeConsultant();
    const replies = await consultant.handle('c', text(CANONICAL[2].text), ctx);
    expect(allText(replies)).toMatch(/understood/i);
    expect(allText(replies)).toMatch(/8 engineers/);
    expect(allText(replies)).toMatch(/heavy batch ingestion/);
  });

  it('asks only questions that could change the verdict, and every answer is used', async () => {
    const consultant = await makeConsultant();
    const { questions, recommendation } = await interview(
      consultant,
      'c',
      'We are building a RAG assistant for our lawyers.',
    );
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.length).toBeLessThanOrEqual(3);
    expect(new Set(questions.map((q) => q.questionId)).size).toBe(questions.length);
    expect(VERDICTS).toContain(recommendation?.assessment.verdict);
    const snapshot = await consultant.snapshot('c');
    expect(Object.keys(snapshot!.profile).length).toBeGreaterThanOrEqual(questions.length);
  });

  it('treats "skip" and "not sure" as skipped and records the assumption', async () => {
    const consultant = await makeConsultant();
    const first = questionOf(await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx));
    expect(first?.type).toBe('question');
    const afterSkip = await consultant.handle('c', text('skip'), ctx);
    expect(allText(afterSkip)).toMatch(/assume/i);
    const second = questionOf(afterSkip);
    let final = afterSkip;
    if (second) final = await consultant.handle('c', text("I don't know"), ctx);
    expect(allText(final)).toMatch(/assume/i);
    let rec = recommendationOf(final);
    for (let i = 0; !rec && i < 3; i++) {
      final = await consultant.handle('c', choice(ACTIONS.skip), ctx);
      rec = recommendationOf(final);
    }
    expect(rec?.type).toBe('recommendation');
    if (rec?.type !== 'recommendation' || first?.type !== 'question') throw new Error('no verdict');
    const facts = rec.assessment.assumptions.map((a) => a.fact as string);
    expect(facts).toContain(first.questionId === 'modelHosting' ? 'modelHosting' : first.questionId);
  });

  it('answers "why?" for the open question, then asks it again', async () => {
    const consultant = await makeConsultant();
    const q = questionOf(await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx));
    const replies = await consultant.handle('c', text('why?'), ctx);
    expect(allText(replies)).toMatch(/why i ask/i);
    expect(questionOf(replies)?.type === 'question' && questionOf(replies)).toMatchObject({
      questionId: q?.type === 'question' ? q.questionId : '',
    });
  });

  it('answers "why?" after the verdict with the top factors and their sources', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', CANONICAL[0].text);
    const replies = await consultant.handle('c', choice(ACTIONS.why), ctx);
    const reply = replies[0]!;
    expect(reply.type).toBe('text');
    if (reply.type !== 'text') return;
    expect(reply.text).toMatch(/^Why monolith/);
    expect(reply.citations?.length).toBeGreaterThan(0);
    expect(
      reply.citations!.every((c) => c.url.startsWith('http') || (c.url === `/knowledge/${c.id}` && c.basedOn?.length)),
    ).toBe(true);
  });

  it('asks before a typed "start over" forgets the conversation, then restarts on the button', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', CANONICAL[0].text);
    const asked = await consultant.handle('c', text('restart the interview please'), ctx);
    expect(allText(asked)).toMatch(/start over\?/i);
    expect(await consultant.snapshot('c')).toBeDefined();
    const confirm = asked.flatMap((m) => (m.type === 'text' ? (m.quickReplies ?? []) : []));
    expect(confirm.map((r) => r.value)).toEqual([ACTIONS.restart]);
    const replies = await consultant.handle('c', choice(confirm[0]!.value), ctx);
    expect(allText(replies)).toMatch(/starting over/i);
    expect(await consultant.snapshot('c')).toBeUndefined();
    const next = await consultant.handle('c', text(CANONICAL[1].text), ctx);
    expect(allText(next)).toMatch(/understood/i);
  });

  it('exports the recommendation as an ADR', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', CANONICAL[2].text);
    const [adr] = await consultant.handle('c', text('export'), ctx);
    expect(adr?.type).toBe('adr');
    if (adr?.type !== 'adr') return;
    expect(adr.filename).toMatch(/^2026-03-02-.*\.md$/);
    expect(adr.markdown).toContain('## Decision Outcome');
    expect(adr.markdown).toContain('Hybrid');
    expect(adr.markdown).toMatch(/\]\(https?:\/\//);
  });

  it('says there is nothing to export before a verdict and keeps the question open', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx);
    const replies = await consultant.handle('c', choice(ACTIONS.export), ctx);
    expect(allText(replies)).toMatch(/no recommendation to export/i);
    expect(questionOf(replies)?.type).toBe('question');
  });

  it('accepts a correction mid-interview ("actually we\'re 12")', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are 3 engineers building a RAG assistant.'), ctx);
    const replies = await consultant.handle('c', text("actually we're 12"), ctx);
    expect(allText(replies)).toMatch(/12 engineers \(was 3\)/);
    expect((await consultant.snapshot('c'))?.profile.engineers).toBe(12);
  });

  it('re-assesses after a correction once there is a verdict and says what changed', async () => {
    const consultant = await makeConsultant();
    const { recommendation } = await interview(consultant, 'c', CANONICAL[0].text, (q) =>
      choice(q.quickReplies.find((r) => r.label === 'Not sure')!.value),
    );
    expect(recommendation?.assessment.verdict).toBe('monolith');
    const small = await consultant.handle('c', text('we do have on-call'), ctx);
    expect(allText(small)).toMatch(/Updated: on-call \(was: no on-call\)/);
    expect(allText(small)).toMatch(/My recommendation stays monolith/);
    expect(recommendationOf(small)?.assessment.verdict).toBe('monolith');
    const replies = await consultant.handle(
      'c',
      text(
        'Actually we are now 60 engineers in 7 teams on Kubernetes with CI/CD, tracing and on-call, blocked by a shared release.',
      ),
      ctx,
    );
    expect(allText(replies)).toMatch(/changes my recommendation: monolith → microservices/);
    expect(recommendationOf(replies)?.assessment.verdict).toBe('microservices');
    expect((await consultant.snapshot('c'))?.assessment?.verdict).toBe('microservices');
  });

  it('answers a knowledge question mid-interview with citations, then re-asks the pending question', async () => {
    const consultant = await makeConsultant();
    const q = questionOf(await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx));
    const replies = await consultant.handle('c', text('What did Prime Video save by moving to a monolith?'), ctx);
    const answer = replies[0]!;
    expect(answer.type).toBe('text');
    if (answer.type !== 'text') return;
    expect(answer.text).toMatch(/90%/);
    expect(answer.citations?.some((c) => /Prime Video/.test(c.title) && /^https:\/\//.test(c.url))).toBe(true);
    const again = questionOf(replies);
    expect(again?.type === 'question' && again.text).toMatch(/^Back to where we were: /);
    expect(again?.type === 'question' && q?.type === 'question' && again.questionId === q.questionId).toBe(true);
  });

  it('records 👍/👎 feedback on the verdict', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', CANONICAL[0].text);
    expect(allText(await consultant.handle('c', choice(ACTIONS.feedbackDown), ctx))).toMatch(/correct it/i);
    expect(allText(await consultant.handle('c', choice(ACTIONS.feedbackUp), ctx))).toMatch(/thanks/i);
  });

  it('calls the assessment listener on each verdict', async () => {
    const events: string[] = [];
    const consultant = await makeConsultant({
      onAssessment: (e) => void events.push(`${e.conversationId}:${e.assessment.verdict}`),
    });
    await interview(consultant, 'c9', CANONICAL[0].text);
    expect(events).toEqual(['c9:monolith']);
  });

  it('picks up where the user left off when greeted again', async () => {
    const consultant = await makeConsultant();
    const q = questionOf(await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx));
    const back = await consultant.greet('c', ctx);
    expect(allText(back)).toMatch(/welcome back/i);
    expect(questionOf(back)?.type === 'question' && q?.type === 'question' && questionOf(back)).toMatchObject({
      questionId: q?.type === 'question' ? q.questionId : '',
    });
  });

  it('offers help at any point without losing the question', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are building an internal RAG assistant.'), ctx);
    const replies = await consultant.handle('c', text('help'), ctx);
    expect(allText(replies)).toMatch(/not sure/);
    expect(questionOf(replies)?.type).toBe('question');
  });
});
