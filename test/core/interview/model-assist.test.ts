import { describe, expect, it } from 'vitest';
import type { ModelAssist } from '../../../src/core/model-assist/model-assist.js';
import { CANONICAL } from '../../support/cli.js';
import { allText, ctx, interview, makeConsultant, questionOf, recommendationOf, text } from './harness.js';

/** A model that over-reaches: it proposes a different headcount, an invalid value, and a gap-filling fact. */
function overreachingModel(calls: string[] = []): ModelAssist {
  return {
    extractFacts: async (t) => {
      calls.push(`extract:${t.slice(0, 20)}`);
      return [
        { key: 'engineers', value: 50 },
        { key: 'teams', value: -3 as never },
        { key: 'tracing', value: true },
      ];
    },
    answer: async (q) => ({
      answer: `Model answer to: ${q}`,
      citations: [
        {
          id: 'fowler-monolith-first',
          title: 'MonolithFirst',
          url: 'https://martinfowler.com/bliki/MonolithFirst.html',
        },
      ],
      found: true,
      generated: true,
    }),
    explain: async (a) => `A model-written summary of the ${a.verdict} verdict.`,
  };
}

const failingModel: ModelAssist = {
  extractFacts: async () => {
    throw new Error('model timed out');
  },
  answer: async () => {
    throw new Error('model timed out');
  },
  explain: async () => {
    throw new Error('model timed out');
  },
};

describe('with a model configured', () => {
  it('model facts only fill gaps: never over what the user said, never invalid values', async () => {
    const consultant = await makeConsultant({ assist: overreachingModel() });
    await consultant.handle('c', text('We are 3 engineers building a RAG assistant on the OpenAI API.'), ctx);
    const { profile } = (await consultant.snapshot('c'))!;
    expect(profile.engineers).toBe(3);
    expect(profile.tracing).toBe(true);
    expect(profile).not.toHaveProperty('teams', -3);
  });

  it('a model fact never overrides what the user told us', async () => {
    const consultant = await makeConsultant({ assist: overreachingModel() });
    await consultant.handle('c', text('We are building a RAG assistant.'), ctx);
    expect((await consultant.snapshot('c'))?.profile.engineers).toBe(50);
    const fixed = await consultant.handle('c', text('actually we are 3 engineers'), ctx);
    expect(allText(fixed)).toMatch(/3 engineers \(was 50\)/);
    await consultant.handle('c', text('We also run nightly ingestion of millions of PDFs.'), ctx);
    expect((await consultant.snapshot('c'))?.profile.engineers).toBe(3);
  });

  it('uses the model’s explanation as the summary, labelled as generated, with the engine’s verdict', async () => {
    const consultant = await makeConsultant({ assist: overreachingModel() });
    const { recommendation } = await interview(consultant, 'c', CANONICAL[2].text);
    expect(recommendation?.summary).toBe('A model-written summary of the hybrid verdict.');
    expect(recommendation?.generated).toBe(true);
  });

  it('answers knowledge questions through the model when it has an answer', async () => {
    const consultant = await makeConsultant({ assist: overreachingModel() });
    const answer = await consultant.ask('When should inference be its own service?');
    expect(answer.answer).toMatch(/^Model answer to/);
    expect(answer.generated).toBe(true);
  });

  it('falls back to the offline engine when every model call fails', async () => {
    const consultant = await makeConsultant({ assist: failingModel });
    const { recommendation } = await interview(consultant, 'c', CANONICAL[0].text);
    expect(recommendation?.assessment.verdict).toBe('monolith');
    expect(recommendation?.generated).toBe(false);
    const replies = await consultant.handle('c', text('What did Prime Video save by moving to a monolith?'), ctx);
    expect(allText(replies)).toMatch(/90%/);
  });

  it('shows the model’s one-time notice (budget spent) as a plain message, once, and passes who is asking', async () => {
    const seen: Array<{ conversationId?: string; userId?: string; channel?: string }> = [];
    const due = new Set(['c']);
    const assist: ModelAssist = {
      ...overreachingModel(),
      extractFacts: async (_t, _k, c) => {
        seen.push({ conversationId: c.conversationId, userId: c.userId, channel: c.channel });
        return [];
      },
      takeNotice: async (id) => (due.delete(id) ? 'Budget spent: offline engine from here.' : undefined),
    };
    const consultant = await makeConsultant({ assist });
    const first = await consultant.handle('c', text('We are 3 engineers building a RAG assistant.'), ctx);
    expect(first[0]).toEqual({ type: 'text', text: 'Budget spent: offline engine from here.' });
    expect(questionOf(first) ?? recommendationOf(first)).toBeDefined();
    const second = await consultant.handle('c', text('skip'), ctx);
    expect(allText(second)).not.toMatch(/Budget spent/);
    expect(seen[0]).toEqual({ conversationId: 'c', userId: 'u1', channel: 'terminal' });
  });

  it('a failing notice never costs the user their answer', async () => {
    const assist: ModelAssist = {
      ...overreachingModel(),
      takeNotice: async () => {
        throw new Error('store down');
      },
    };
    const consultant = await makeConsultant({ assist });
    const replies = await consultant.handle('c', text('We are 3 engineers building a RAG assistant.'), ctx);
    expect(questionOf(replies) ?? recommendationOf(replies)).toBeDefined();
  });
});

describe('turn ordering', () => {
  it('applies two messages sent at once in order, without losing either', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are building a RAG assistant.'), ctx);
    await Promise.all([
      consultant.handle('c', text('3'), ctx),
      consultant.handle('c', text('actually we also have on-call'), ctx),
    ]);
    const { profile } = (await consultant.snapshot('c'))!;
    expect(profile.engineers).toBe(3);
    expect(profile.onCall).toBe(true);
  });

  it('does not take a question about a fact as the answer to it', async () => {
    const consultant = await makeConsultant();
    await consultant.handle('c', text('We are 4 engineers in one team building a RAG bot on the OpenAI API.'), ctx);
    const before = (await consultant.snapshot('c'))!.profile;
    const replies = await consultant.handle('c', text('What is distributed tracing?'), ctx);
    expect(replies[0]?.type === 'text' && replies[0].citations?.length).toBeGreaterThan(0);
    expect((await consultant.snapshot('c'))!.profile).toEqual(before);
    expect(recommendationOf(replies)).toBeUndefined();
  });

  it('does not take facts about something else as the answer to the open question', async () => {
    const consultant = await makeConsultant();
    const q = questionOf(
      await consultant.handle('c', text('We are 4 engineers in one team building a RAG bot on the OpenAI API.'), ctx),
    );
    const replies = await consultant.handle('c', text('we have pagerduty'), ctx);
    expect(allText(replies)).toMatch(/Updated: on-call/);
    expect(questionOf(replies)?.questionId).toBe(q?.questionId);
    expect((await consultant.snapshot('c'))!.profile[q!.questionId as 'complianceBoundary']).toBeUndefined();
  });
});
