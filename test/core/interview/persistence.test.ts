import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/create-store.js';
import { CANONICAL, tempDir } from '../../support/cli.js';
import { choice, ctx, interview, makeConsultant, questionOf, recommendationOf, text } from './harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('conversation state in a real SQLite file', () => {
  it('survives a restart halfway: same answers, same verdict', async () => {
    const { dir, cleanup } = tempDir('archie-state-');
    cleanups.push(cleanup);
    const url = `sqlite://${join(dir, 'a.sqlite')}`;
    const description = 'We are building an internal RAG assistant for our support staff.';
    const firstOption = (q: { quickReplies: { label: string; value: string }[] }) =>
      choice(q.quickReplies.find((r) => r.label !== 'Skip' && r.label !== 'Not sure')!.value);

    // Uninterrupted reference run in memory.
    const referenceConsultant = await makeConsultant();
    const reference = await interview(referenceConsultant, 'ref', description, firstOption);
    expect(reference.questions.length).toBeGreaterThanOrEqual(2);

    // First process: description plus one answer, then close the store.
    const first = createStore(url);
    const c1 = await makeConsultant({ store: first.keyv });
    const q1 = questionOf(await c1.handle('terminal:me', text(description), ctx));
    if (q1?.type !== 'question') throw new Error('expected a question');
    const q2 = questionOf(await c1.handle('terminal:me', firstOption(q1), ctx));
    await first.close();

    // Second process: re-open the same file and continue.
    const second = createStore(url);
    const c2 = await makeConsultant({ store: second.keyv });
    const back = await c2.greet('terminal:me', ctx);
    const resumed = questionOf(back);
    expect(resumed?.type === 'question' && q2?.type === 'question' && resumed.questionId === q2.questionId).toBe(true);
    let replies = back;
    const asked = [q1.questionId];
    for (let i = 0; i < 5; i++) {
      const q = questionOf(replies);
      if (q?.type !== 'question') break;
      asked.push(q.questionId);
      replies = await c2.handle('terminal:me', firstOption(q), ctx);
    }
    const rec = recommendationOf(replies);
    expect(asked).toEqual(reference.questions.map((q) => q.questionId));
    expect(rec?.type === 'recommendation' && rec.assessment.verdict).toBe(reference.recommendation?.assessment.verdict);
    expect((await c2.snapshot('terminal:me'))?.profile).toEqual((await referenceConsultant.snapshot('ref'))?.profile);
    await second.close();
  });

  it('keeps conversations apart', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'team-a', CANONICAL[0].text);
    await interview(consultant, 'team-b', CANONICAL[1].text);
    expect((await consultant.snapshot('team-a'))?.assessment?.verdict).toBe('monolith');
    expect((await consultant.snapshot('team-b'))?.assessment?.verdict).toBe('microservices');
  });

  it('seeds a conversation from a known profile (check-ins) and snapshots it', async () => {
    const consultant = await makeConsultant();
    await consultant.seed('checkin:1', { engineers: 3, teams: 1, modelHosting: 'hosted-api', onCall: false });
    const snap = await consultant.snapshot('checkin:1');
    expect(snap?.profile.engineers).toBe(3);
    expect(snap?.assessment?.verdict).toBe('monolith');
  });
});
