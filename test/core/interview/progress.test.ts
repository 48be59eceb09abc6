import { describe, expect, it } from 'vitest';
import { allText, choice, interview, makeConsultant } from './harness.js';

const DESCRIPTIONS = [
  'We are building a RAG assistant.',
  'We are 3 engineers building a RAG assistant for internal docs on the OpenAI API. No on-call yet, we deploy from GitHub Actions.',
  'We are 12 engineers in two teams building an agent platform.',
  'We are 20 engineers, 3 teams, running on Kubernetes.',
  'A single team of 6 with a hosted API and heavy ingestion.',
];
// Answer with the first, second or third option, or skip everything.
const PICKS = [0, 1, 2, -1];

describe('question progress', () => {
  it('the count a user last saw agrees with how the interview ended', async () => {
    let early = 0;
    for (const description of DESCRIPTIONS) {
      for (const pick of PICKS) {
        const consultant = await makeConsultant();
        const { questions, recommendation, replies } = await interview(consultant, 'c', description, (q) =>
          choice(pick < 0 ? 'cmd:skip' : q.quickReplies[Math.min(pick, q.quickReplies.length - 3)]!.value),
        );
        expect(recommendation, description).toBeDefined();
        if (!questions.length) continue;
        const shown = questions.map((q) => q.progress);
        // Question numbers count up one by one; a total never drops below what was announced.
        expect(shown.map((p) => p.done)).toEqual(shown.map((_, i) => i));
        for (let i = 1; i < shown.length; i++) expect(shown[i]!.total).toBeGreaterThanOrEqual(shown[i - 1]!.total);
        const last = shown.at(-1)!;
        if (last.total > questions.length) {
          early += 1;
          // "Question 2 of 3", then the recommendation: the stop is explained with the same numbers.
          expect(allText(replies)).toContain(
            `after ${questions.length} of the ${last.total} questions I planned, nothing else you could tell me would change my recommendation`,
          );
        } else {
          expect(last.total).toBe(questions.length);
          expect(allText(replies)).not.toMatch(/questions I planned/);
        }
      }
    }
    // The scenarios include interviews that end early (otherwise this test would prove nothing).
    expect(early).toBeGreaterThan(0);
  });

  it('a later correction after the recommendation does not repeat the early-stop note', async () => {
    const consultant = await makeConsultant();
    await interview(consultant, 'c', 'We are 20 engineers, 3 teams, running on Kubernetes.');
    const replies = await consultant.handle(
      'c',
      { type: 'text', text: 'actually we are 25 engineers' },
      {
        channel: 'terminal',
        userId: 'u1',
      },
    );
    expect(allText(replies)).not.toMatch(/questions I planned/);
  });
});
