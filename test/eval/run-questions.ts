/**
 * Retrieval and honesty metrics over the question set: recall@5 (an expected document among the top 5
 * passages' documents), MRR (first expected document's passage rank), and whether `ask` says "I don't know"
 * for out-of-scope questions and only for them.
 */
import { answerQuestion } from '../../src/core/answers/answer-question.js';
import type { KnowledgeBase } from '../../src/core/knowledge/knowledge.js';
import { type EvalQuestion, OUT_OF_SCOPE, QUESTIONS } from './questions.js';

export interface QuestionResult {
  question: string;
  expected: string[];
  /** Documents of the top 5 passages, in rank order (may repeat). */
  top: string[];
  /** 1-based rank of the first passage from an expected document, if within the top 10. */
  rank?: number;
  answered: boolean;
}

export interface QuestionEvaluation {
  recallAt5: number;
  mrr: number;
  /** Of all questions `ask` declined ("I don't know"), the share that really were out of scope. */
  outOfScopePrecision: number;
  /** Of the out-of-scope questions, the share `ask` declined. */
  outOfScopeRecall: number;
  /** Of the in-scope questions, the share `ask` answered. */
  inScopeAnswered: number;
  results: QuestionResult[];
  outOfScope: { question: string; declined: boolean }[];
}

/** Runs the question set (or the given one) against a knowledge base. */
export async function evaluateQuestions(
  kb: KnowledgeBase,
  questions: readonly EvalQuestion[] = QUESTIONS,
  outOfScope: readonly string[] = OUT_OF_SCOPE,
): Promise<QuestionEvaluation> {
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const hits = await kb.retriever.search(q.question, { limit: 10 });
    const index = hits.findIndex((h) => q.expected.includes(h.docId));
    const answer = await answerQuestion(q.question, kb);
    results.push({
      question: q.question,
      expected: q.expected,
      top: hits.slice(0, 5).map((h) => h.docId),
      ...(index >= 0 ? { rank: index + 1 } : {}),
      answered: answer.found,
    });
  }
  const oos: { question: string; declined: boolean }[] = [];
  for (const question of outOfScope) {
    oos.push({ question, declined: !(await answerQuestion(question, kb)).found });
  }
  const declinedInScope = results.filter((r) => !r.answered).length;
  const declinedOut = oos.filter((o) => o.declined).length;
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    recallAt5: share(results.filter((r) => r.rank !== undefined && r.rank <= 5).length, results.length),
    mrr: share(
      results.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0),
      results.length,
    ),
    outOfScopePrecision: share(declinedOut, declinedOut + declinedInScope),
    outOfScopeRecall: share(declinedOut, oos.length),
    inScopeAnswered: share(results.length - declinedInScope, results.length),
    results,
    outOfScope: oos,
  };
}
