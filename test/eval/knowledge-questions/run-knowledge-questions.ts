/**
 * Answer quality over the question set in this folder (written without reading the answerer): for each
 * in-scope question, does the offline answer cite the expected source, contain every key fact, and open
 * with a first sentence that passes the rubric (first-sentence-rubric.ts); does it decline off-topic
 * questions; and where does retrieval rank the expected source (recall@5, MRR)? The held-out set is only
 * ever reported in aggregate.
 */
import { answerQuestion } from '../../../src/core/answers/answer-question.js';
import type { Citation } from '../../../src/core/assessment/assessment.js';
import type { KnowledgeBase, KnowledgeDoc } from '../../../src/core/knowledge/knowledge.js';
import { judgeFirstSentence, type RubricResult } from './first-sentence-rubric.js';
import type { KnowledgeQuestion } from './types.js';

/**
 * Addresses the set was written against that the knowledge audit replaced (a generic home page or an
 * address that no longer serves the page) with the corrected address of the same source's document.
 */
export const MOVED_ADDRESSES: Record<string, string> = {
  'https://docs.nvidia.com/nim/benchmarking/llm/latest/performance.html': 'nvidia-nim-llm-benchmark',
  'https://docs.baseten.co/': 'baseten-cold-starts',
  'https://kserve.github.io/website/': 'kserve-gke-inference-autoscaling',
  'https://nanda.media.mit.edu/': 'mit-nanda-genai-divide',
  'https://www.cncf.io/announcements/2026/01/20/': 'cncf-survey-2026',
  'https://teamtopologies.com/': 'team-topologies',
};

export interface KnowledgeQuestionResult {
  question: KnowledgeQuestion;
  answer: string;
  found: boolean;
  citedExpected: boolean;
  missingFacts: string[][];
  rubric: RubricResult;
  /** 1-based rank of the first passage from an expected document within the top 10. */
  rank?: number;
}

export interface KnowledgeQuestionEvaluation {
  inScope: number;
  offTopic: number;
  expectedSourceShare: number;
  keyFactShare: number;
  onTopicFirstSentenceShare: number;
  offTopicRefusedShare: number;
  recallAt5: number;
  mrr: number;
  results: KnowledgeQuestionResult[];
}

const normalise = (url: string) =>
  url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .toLowerCase();

/** Documents that stand for an expected source: by id, by address, by an address named in the text, or moved. */
export function docsForSource(source: string, kb: KnowledgeBase): Set<string> {
  const out = new Set<string>();
  if (kb.docs.has(source)) out.add(source);
  const moved = MOVED_ADDRESSES[source];
  if (moved && kb.docs.has(moved)) out.add(moved);
  if (/^https?:\/\//.test(source)) {
    const wanted = normalise(source);
    for (const doc of kb.docs.values()) {
      if (normalise(doc.url) === wanted || mentions(doc, wanted)) out.add(doc.id);
    }
  }
  return out;
}

function mentions(doc: KnowledgeDoc, normalisedUrl: string): boolean {
  return [...doc.body.matchAll(/https?:\/\/[^\s)]+/g)].some(
    (m) => normalise(m[0].replace(/[.,;]+$/, '')) === normalisedUrl,
  );
}

const hasFact = (answer: string, alternatives: string[]) =>
  alternatives.some((alt) => answer.toLowerCase().includes(alt.toLowerCase()));

export async function evaluateKnowledgeQuestions(
  kb: KnowledgeBase,
  questions: readonly KnowledgeQuestion[],
): Promise<KnowledgeQuestionEvaluation> {
  const results: KnowledgeQuestionResult[] = [];
  for (const question of questions) {
    const answer = await answerQuestion(question.question, kb);
    const expected = new Set(question.sources.flatMap((s) => [...docsForSource(s, kb)]));
    const cited = (answer.citations as Citation[]).map((c) => c.id);
    const hits = question.kind === 'off-topic' ? [] : await kb.retriever.search(question.question, { limit: 10 });
    const index = hits.findIndex((h) => expected.has(h.docId));
    results.push({
      question,
      answer: answer.answer,
      found: answer.found,
      citedExpected: cited.some((id) => expected.has(id)),
      missingFacts: question.keyFacts.filter((alternatives) => !hasFact(answer.answer, alternatives)),
      rubric: judgeFirstSentence(question, answer.answer),
      ...(index >= 0 ? { rank: index + 1 } : {}),
    });
  }
  const inScope = results.filter((r) => r.question.kind !== 'off-topic');
  const offTopic = results.filter((r) => r.question.kind === 'off-topic');
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    inScope: inScope.length,
    offTopic: offTopic.length,
    expectedSourceShare: share(inScope.filter((r) => r.citedExpected).length, inScope.length),
    keyFactShare: share(inScope.filter((r) => r.missingFacts.length === 0).length, inScope.length),
    onTopicFirstSentenceShare: share(inScope.filter((r) => r.found && r.rubric.pass).length, inScope.length),
    offTopicRefusedShare: share(offTopic.filter((r) => !r.found).length, offTopic.length),
    recallAt5: share(inScope.filter((r) => r.rank !== undefined && r.rank <= 5).length, inScope.length),
    mrr: share(
      inScope.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0),
      inScope.length,
    ),
    results,
  };
}
