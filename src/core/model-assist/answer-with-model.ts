/**
 * A grounded answer: retrieve passages, let the model answer citing [pN] ids, then keep only citations
 * to passages we supplied and URLs the knowledge base contains. With no relevant passage the model is
 * not called at all: Archie says it does not know rather than answering from the model's memory.
 * Streaming shows only sentences that passed every check: nothing before the first citation (an uncited
 * answer is rejected whole), and no sentence that echoes the prompt or, once the conversation has a
 * verdict, steers towards another architecture (the answer is then rejected and the stream stops).
 */
import { judgeRelevance } from '../answers/judge-relevance.js';
import { termStatistics } from '../answers/term-statistics.js';
import type { Citation, Verdict } from '../assessment/assessment.js';
import type { Answer } from '../consultant.js';
import { contentTerms } from '../knowledge/analyze-text.js';
import type { KnowledgeBase, Passage, RetrievedPassage } from '../knowledge/knowledge.js';
import type { ReplyStream } from '../message.js';
import type { ModelUsage } from './chat-model.js';
import { createSentenceStream } from './create-sentence-stream.js';
import { citationOf, knowledgeUrls, labelPassages, relabelPassages } from './format-passages.js';
import type { GroundingDeps } from './grounding-deps.js';
import { citedLabels, stripUnknownReferences } from './guard-output.js';
import { asUserData } from './user-data.js';
import { recommendsOtherVerdict } from './verdict-guard.js';

export const NOT_FOUND = "I don't know — that isn't covered by my knowledge base.";
const PASSAGES = 6;

export type AnswerDeps = GroundingDeps;

export type AnswerOutcome =
  | { kind: 'answer'; answer: Answer; usage?: ModelUsage }
  | { kind: 'not-found'; answer: Answer }
  | { kind: 'rejected'; reason: string; usage?: ModelUsage };

/** Answers `question` with the model, grounded in retrieved passages. Throws on model failure. */
export async function answerWithModel(
  deps: AnswerDeps,
  question: string,
  options: { stream?: ReplyStream; signal?: AbortSignal; verdict?: Verdict } = {},
): Promise<AnswerOutcome> {
  const { model, knowledge, retriever, prompts, leaks } = deps;
  const lexical = await knowledge.retriever.search(question, { limit: 8 });
  const relevance = judgeRelevance(contentTerms(question), lexical, termStatistics(knowledge));
  if (!relevance.found) {
    return { kind: 'not-found', answer: notFound(knowledge, lexical) };
  }
  const hits = await retriever.search(question, { limit: PASSAGES, signal: options.signal });
  const labelled = labelPassages(hits);
  const urls = knowledgeUrls(knowledge);
  const numbering = createNumbering(knowledge, labelled.byLabel);
  const messages = [
    {
      role: 'system' as const,
      content: `${prompts.render('system', {})}\n\n${prompts.render('grounded-answer', { passages: labelled.text })}`,
    },
    { role: 'user' as const, content: asUserData(question, 2_000) },
  ];

  const sanitise = (text: string) =>
    numbering.relabel(keepSpacing(text, (t) => stripUnknownReferences(t, labelled.byLabel, urls)));
  const { verdict } = options;
  const contradicts = (text: string) => verdict !== undefined && recommendsOtherVerdict(text, verdict);
  const streamer = options.stream
    ? createSentenceStream(
        options.stream,
        (piece, soFar) => (leaks(soFar + piece) || contradicts(piece) ? undefined : sanitise(piece)),
        // Relabelled citations read "[1]"; nothing is shown until the answer has one.
        { release: (clean) => /\[\d+(?:,\s*\d+)*\]/.test(clean) },
      )
    : undefined;
  const { text, usage } = await model.complete(messages, {
    signal: options.signal,
    ...(streamer ? { onDelta: (d: string) => streamer.push(d) } : {}),
  });
  await streamer?.flush();

  if (leaks(text)) return { kind: 'rejected', reason: 'echoes the system prompt', usage };
  if (/^\s*i (don'?t|do not) know\b/i.test(text) || !text.trim()) {
    return { kind: 'not-found', answer: notFound(knowledge, hits) };
  }
  const cleaned = stripUnknownReferences(text, labelled.byLabel, urls);
  const labels = citedLabels(cleaned).filter((l) => labelled.byLabel.has(l));
  if (labels.length === 0) return { kind: 'rejected', reason: 'no citation to a retrieved passage', usage };
  if (contradicts(cleaned)) return { kind: 'rejected', reason: "steers away from the conversation's verdict", usage };
  const answer = numbering.relabel(cleaned);
  return {
    kind: 'answer',
    usage,
    answer: { answer, citations: numbering.citations(), found: true, generated: true },
  };
}

/** Maps [pN] labels to numbered sources [1], [2] … in order of first use (stable while streaming). */
function createNumbering(kb: KnowledgeBase, byLabel: ReadonlyMap<string, Passage>) {
  const order: Citation[] = [];
  const numberOf = (passage: Passage) => {
    const citation = citationOf(kb, passage);
    let i = order.findIndex((c) => c.id === citation.id);
    if (i < 0) i = order.push(citation) - 1;
    return i + 1;
  };
  return {
    relabel: (text: string) => relabelPassages(text, byLabel, (p) => String(numberOf(p))),
    citations: () => [...order],
  };
}

/** Applies a trimming transform but keeps the piece's surrounding whitespace (streamed pieces join up). */
function keepSpacing(text: string, transform: (t: string) => string): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const trail = /\s*$/.exec(text)?.[0] ?? '';
  const core = transform(text);
  return core ? `${lead}${core}${trail}` : '';
}

function notFound(kb: KnowledgeBase, hits: readonly RetrievedPassage[]): Answer {
  const nearby: Citation[] = [];
  for (const hit of hits) {
    if (nearby.length >= 3) break;
    if (!nearby.some((c) => c.id === hit.docId)) nearby.push(citationOf(kb, hit));
  }
  return { answer: NOT_FOUND, citations: [], found: false, ...(nearby.length ? { nearby } : {}) };
}
