/**
 * The Yes/No lead: which questions get one, the stance rules, and the restraint (no Yes/No when the stance
 * is unclear). Sentences here are written from the rules, not taken from the question set.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { directYesNo, stanceOf, yesNoClause } from '../../../src/core/answers/direct-answer.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

describe('which questions are yes/no questions', () => {
  it('finds the asking clause after a preamble, a dash or a condition', () => {
    expect(yesNoClause('Should the billing module be its own service?')).toBe(
      'Should the billing module be its own service',
    );
    expect(yesNoClause('We run on Kubernetes already. Does that make microservices cheap?')).toBe(
      'Does that make microservices cheap',
    );
    expect(yesNoClause('our retries are noisy - is a queue worth adding?')).toBe('is a queue worth adding');
    expect(yesNoClause('if two services share one database, are they still independent?')).toBe(
      'are they still independent',
    );
    expect(yesNoClause('Is it true that most teams regret splitting early?')).toBe('most teams regret splitting early');
  });

  it('gives no yes/no to open questions or to a choice between alternatives', () => {
    expect(yesNoClause('How many engineers run the platform?')).toBeUndefined();
    expect(yesNoClause('Why did the team merge its services?')).toBeUndefined();
    expect(yesNoClause('Should the parser run in the app or in a worker?')).toBeUndefined();
  });
});

describe('the stance a sentence takes', () => {
  const clause = 'Should each queue consumer be its own microservice';

  it('answers No to a negation of the question itself, Yes when the question carries the same negation', () => {
    expect(stanceOf(clause, 'Do not make each queue consumer its own microservice.')).toBe('no');
    expect(stanceOf('Is it true that most pilots never reach production', 'Most pilots never reach production.')).toBe(
      'yes',
    );
  });

  it('ignores a negation that governs other words', () => {
    expect(
      stanceOf(
        'Does the gateway need authentication',
        'The gateway needs authentication for every caller, not a shared password file.',
      ),
    ).toBe('yes');
  });

  it('answers No to an opposite direction of change', () => {
    expect(stanceOf('Did caching improve response latency', 'Caching made response latency worse by 8%.')).toBe('no');
    expect(stanceOf('Did the migration reduce costs', 'The migration raised costs by a third.')).toBe('no');
  });

  it('answers a proposed split with the advice to keep things together, and the converse', () => {
    expect(stanceOf(clause, 'Each queue consumer stays a module in one deployable.')).toBe('no');
    expect(stanceOf('Should the GPU inference be a separate service', 'Run GPU inference as a separate service.')).toBe(
      'yes',
    );
  });

  it('answers No to a judgement met by a bad outcome', () => {
    expect(
      stanceOf(
        'Is it ok to start a new product as microservices',
        'New products started as microservices ran into trouble.',
      ),
    ).toBe('no');
  });

  it('says nothing when the sentence is conditional, mixed or barely related', () => {
    expect(
      stanceOf(
        'Do we need a separate embedding service',
        'A separate embedding service is needed only when several products share the index.',
      ),
    ).toBeUndefined();
    expect(
      stanceOf(
        'Should inference be a separate service',
        'Extract inference into its own service for GPUs; keep a module for hosted APIs.',
      ),
    ).toBeUndefined();
    expect(directYesNo('Should the search index be its own service?', ['Teams like small batches.'])).toBeUndefined();
    // A short question's words turning up in a sentence is not an endorsement.
    expect(directYesNo('Should we use Kubernetes?', ['Most organizations use Kubernetes for some inference.'])).toBe(
      undefined,
    );
  });

  it('reads advice split by conditions against the condition the question states', () => {
    const advice = [
      'Run the embedding model as its own service when you run it on your own GPUs; when you call a hosted embedding API, keep a client module in the app.',
    ];
    expect(
      directYesNo('We call a hosted embedding API. Should the embedding model be a separate service?', advice),
    ).toBe('no');
    expect(
      directYesNo(
        'We run the embedding model on our own GPUs. Should the embedding model be a separate service?',
        advice,
      ),
    ).toBe('yes');
    expect(directYesNo('Should the embedding model be a separate service?', advice)).toBeUndefined();
  });

  it('judges the clause that speaks to the question, not a later aside', () => {
    expect(
      directYesNo('Should a small team start with dozens of services?', [
        'A small team should not start with dozens of services; the point is the platform, not the count of services.',
      ]),
    ).toBe('no');
  });
});

describe('offline answers to yes/no questions', () => {
  it('open with Yes or No and keep the source, and leave open questions without one', async () => {
    const kb = await loadKnowledgeBase();
    const split = await answerQuestion('Should each step of document ingestion run as its own service?', kb);
    expect(split.answer).toMatch(/^No: /);
    expect(split.citations.map((c) => c.id)).toContain('synthesis-ingestion-workers');
    const radar = await answerQuestion('Have microservices reached the Adopt ring of the Thoughtworks radar?', kb);
    expect(radar.answer).toMatch(/^No: /);
    const open = await answerQuestion('Why did Segment merge its services back into one?', kb);
    expect(open.answer).not.toMatch(/^(Yes|No)\b/);
  });
});
