/**
 * Retrieval speed over the real knowledge base: top-5 lexical search per question (median, p95), a full
 * offline `ask` (search + relevance + sentence selection), and the cost of loading and indexing the KB.
 */
import { performance } from 'node:perf_hooks';
import { answerQuestion } from '../src/core/answers/answer-question.js';
import { buildKnowledgeBase, DEFAULT_KNOWLEDGE_DIR } from '../src/core/knowledge/load-knowledge-base.js';
import { OUT_OF_SCOPE, QUESTIONS } from '../test/eval/questions.js';
import { type BenchResult, summarize } from './bench-result.js';

const ROUNDS = 30;
const LOADS = 5;

/** Runs the retrieval benchmarks. */
export async function bench(): Promise<BenchResult[]> {
  const loads: number[] = [];
  let kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR); // warm the file cache and the JIT
  for (let i = 0; i < LOADS; i++) {
    const start = performance.now();
    kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
    loads.push(performance.now() - start);
  }
  const questions = [...QUESTIONS.map((q) => q.question), ...OUT_OF_SCOPE];
  const time = async (fn: (q: string) => Promise<unknown>) => {
    for (const q of questions) await fn(q); // warm-up
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of questions) {
        const start = performance.now();
        await fn(q);
        samples.push(performance.now() - start);
      }
    }
    return summarize(samples);
  };
  const search = await time((q) => kb.retriever.search(q, { limit: 5 }));
  const ask = await time((q) => answerQuestion(q, kb));
  const load = summarize(loads);
  return [
    {
      name: `top-5 retrieval median (${kb.passages.length} passages, ${questions.length} questions)`,
      value: search.median,
      unit: 'ms',
      target: '< 1 ms',
      ok: search.median < 1,
    },
    { name: 'top-5 retrieval p95', value: search.p95, unit: 'ms', target: '< 5 ms', ok: search.p95 < 5 },
    {
      name: 'offline ask median (search + answer)',
      value: ask.median,
      unit: 'ms',
      target: '< 5 ms',
      ok: ask.median < 5,
    },
    { name: 'offline ask p95', value: ask.p95, unit: 'ms' },
    {
      name: `knowledge base load + index (${kb.docs.size} docs)`,
      value: load.median,
      unit: 'ms',
      target: '< 500 ms',
      ok: load.median < 500,
    },
  ];
}
