/**
 * The answer-quality floors on the development question set, the first-sentence rubric itself, and the
 * example questions the README and docs show: each is answered, from the knowledge base, with its source.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import { loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';
import { judgeFirstSentence } from './first-sentence-rubric.js';
import { DEV_QUESTIONS } from './questions-dev.js';
import { docsForSource, evaluateKnowledgeQuestions } from './run-knowledge-questions.js';
import { ANSWER_THRESHOLDS } from './thresholds.js';

describe('the first-sentence rubric', () => {
  const number = { question: 'How many engineers do we need before microservices pay off?', kind: 'number' } as const;
  const yesNo = { question: 'Should every agent tool be its own microservice?', kind: 'yes-no' } as const;

  it('passes a direct, on-topic answer with a figure', () => {
    expect(
      judgeFirstSentence(number, 'One team of under about ten engineers fits a monolith. More follows.').pass,
    ).toBe(true);
    expect(judgeFirstSentence(number, 'Teams of 5 to 10 engineers rarely need microservices.').pass).toBe(true);
  });

  it('fails an answer that starts mid-thought', () => {
    const r = judgeFirstSentence(number, 'This means 10 engineers can share one microservice deploy.');
    expect(r).toMatchObject({ startsThought: false, pass: false });
    expect(judgeFirstSentence(number, '…how that design stopped paying off for 3 engineers.').startsThought).toBe(
      false,
    );
  });

  it('fails an off-topic opening and a number question answered without a number', () => {
    expect(judgeFirstSentence(number, 'Prime Video cut its bill by 90%.').onTopic).toBe(false);
    expect(judgeFirstSentence(number, 'Engineers should build microservices carefully.').answersKind).toBe(false);
  });

  it('wants Yes or No first for a should/does question', () => {
    expect(judgeFirstSentence(yesNo, 'No: agent tools are modules, not microservices.').pass).toBe(true);
    expect(judgeFirstSentence(yesNo, 'Agent tools are modules, not microservices.').answersKind).toBe(false);
  });
});

describe('answers on the development question set', () => {
  it('every expected source in the set resolves to a document', async () => {
    const kb = await loadKnowledgeBase();
    const unresolved = DEV_QUESTIONS.flatMap((q) => q.sources.filter((s) => docsForSource(s, kb).size === 0));
    expect(unresolved).toEqual([]);
  });

  it('cite the expected source, carry the key fact, open on topic and decline off-topic questions', async () => {
    const e = await evaluateKnowledgeQuestions(await loadKnowledgeBase(), DEV_QUESTIONS);
    expect(e.inScope + e.offTopic).toBeGreaterThanOrEqual(80);
    expect(e.expectedSourceShare).toBeGreaterThanOrEqual(ANSWER_THRESHOLDS.expectedSource);
    expect(e.keyFactShare).toBeGreaterThanOrEqual(ANSWER_THRESHOLDS.keyFact);
    expect(e.offTopicRefusedShare).toBeGreaterThanOrEqual(ANSWER_THRESHOLDS.offTopicRefused);
    expect(e.onTopicFirstSentenceShare).toBeGreaterThanOrEqual(ANSWER_THRESHOLDS.onTopicFirstSentence);
  });
});

describe('example questions in the README and docs', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const examples: [string, string][] = [
    ['what did Segment learn?', 'segment-goodbye-microservices'],
    ['What did Prime Video save by moving to a monolith?', 'prime-video-monolith'],
  ];

  it.each(examples)('"%s" is answered with its source, leading with a direct answer', async (question, source) => {
    expect(readme.toLowerCase()).toContain(question.toLowerCase());
    const answer = await answerQuestion(question, await loadKnowledgeBase());
    expect(answer.found).toBe(true);
    expect(answer.citations[0]!.id).toBe(source);
    expect(judgeFirstSentence({ question, kind: 'open' }, answer.answer).pass).toBe(true);
  });

  it('the Prime Video answer carries its headline figure first', async () => {
    const answer = await answerQuestion(examples[1]![0], await loadKnowledgeBase());
    expect(answer.answer.split('. ')[0]).toContain('90%');
  });
});
