import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import { OUT_OF_SCOPE, QUESTIONS } from './questions.js';
import { RETRIEVAL_THRESHOLDS } from './questions-thresholds.js';
import { evaluateQuestions } from './run-questions.js';

describe('retrieval quality on the real knowledge base', () => {
  it('every question in the set names documents that exist', async () => {
    const kb = await loadKnowledgeBase();
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(25);
    expect(OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(5);
    for (const q of QUESTIONS) for (const id of q.expected) expect(kb.docs.has(id), `${id} (${q.question})`).toBe(true);
  });

  it('finds an expected source in the top 5 and says "I don\'t know" only to out-of-scope questions', async () => {
    const evaluation = await evaluateQuestions(await loadKnowledgeBase());
    const misses = evaluation.results.filter((r) => !r.rank || r.rank > 5).map((r) => `${r.question} → ${r.top}`);
    const wrongDeclines = evaluation.results.filter((r) => !r.answered).map((r) => r.question);
    const wrongAnswers = evaluation.outOfScope.filter((o) => !o.declined).map((o) => o.question);
    expect({ misses, wrongDeclines, wrongAnswers }).toEqual({
      misses: RETRIEVAL_THRESHOLDS.recallAt5 === 1 ? [] : expect.any(Array),
      wrongDeclines: RETRIEVAL_THRESHOLDS.inScopeAnswered === 1 ? [] : expect.any(Array),
      wrongAnswers: RETRIEVAL_THRESHOLDS.outOfScopeRecall === 1 ? [] : expect.any(Array),
    });
    expect(evaluation.recallAt5).toBeGreaterThanOrEqual(RETRIEVAL_THRESHOLDS.recallAt5);
    expect(evaluation.mrr).toBeGreaterThanOrEqual(RETRIEVAL_THRESHOLDS.mrr);
    expect(evaluation.outOfScopePrecision).toBeGreaterThanOrEqual(RETRIEVAL_THRESHOLDS.outOfScopePrecision);
    expect(evaluation.outOfScopeRecall).toBeGreaterThanOrEqual(RETRIEVAL_THRESHOLDS.outOfScopeRecall);
    expect(evaluation.inScopeAnswered).toBeGreaterThanOrEqual(RETRIEVAL_THRESHOLDS.inScopeAnswered);
  });
});
