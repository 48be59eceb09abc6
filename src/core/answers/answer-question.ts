/**
 * The offline `ask`: answers a knowledge question from the knowledge base alone, quoting the most relevant
 * sentences with their sources — or says honestly that it does not know and points at nearby topics.
 */
import type { Citation } from '../assessment/assessment.js';
import type { Answer } from '../consultant.js';
import { contentTerms } from '../knowledge/analyze-text.js';
import { citeDoc } from '../knowledge/cite.js';
import type { KnowledgeBase } from '../knowledge/knowledge.js';
import { directYesNo } from './direct-answer.js';
import { judgeRelevance } from './judge-relevance.js';
import { FIGURE_QUESTION, HAS_FIGURE, nearDuplicate, selectSentences } from './select-sentences.js';
import { termStatistics } from './term-statistics.js';

export const NOT_FOUND_ANSWER = "I don't know — that isn't covered by my knowledge base.";

const EXAMPLE_QUESTION = 'When should model inference run as its own service?';
/** Phrases that ask for the lesson of a case ("what did X learn", "lessons from X") rather than name a topic. */
const LESSON_SCAFFOLDING = /\b(?:learn(?:ed|t)?|take\s+away|lessons?|takeaways?)(?:\s+(?:from|of))?\b/gi;
const MAX_QUESTION_CHARS = 1000;
const SEARCH_DEPTH = 8;
const NEARBY_COUNT = 3;
// General suggestions when nothing matched at all: the synthesis documents that answer the usual questions.
const SUGGESTED_IDS = [
  'synthesis-when-to-extract-inference',
  'synthesis-team-size-and-architecture',
  'synthesis-prerequisites-before-splitting',
];

/** Answers `question` from `kb` deterministically; never throws on odd input. */
export async function answerQuestion(question: string, kb: KnowledgeBase): Promise<Answer> {
  const text = (typeof question === 'string' ? question : '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return {
      found: false,
      answer: `Please ask a question in words — for example: "${EXAMPLE_QUESTION}"`,
      citations: [],
      nearby: suggestions(kb),
    };
  }
  // "What did Segment learn?" asks about Segment: the words asking for a lesson are not its topic.
  const terms = contentTerms(text.replace(LESSON_SCAFFOLDING, ' '));
  if (terms.length === 0) {
    return {
      found: false,
      answer: `I need a topic to look up — for example: "${EXAMPLE_QUESTION}"`,
      citations: [],
      nearby: suggestions(kb),
    };
  }
  const stats = termStatistics(kb);
  const hits = await kb.retriever.search(text, { limit: SEARCH_DEPTH });
  const relevance = judgeRelevance(terms, hits, stats);
  const sentences = relevance.found ? selectSentences(text, terms, hits, stats) : [];
  if (sentences.length === 0) {
    const nearby = distinct(hits.map((h) => h.docId))
      .slice(0, NEARBY_COUNT)
      .flatMap((id) => citationFor(kb, id));
    return {
      found: false,
      answer: NOT_FOUND_ANSWER,
      citations: [],
      nearby: nearby.length > 0 ? nearby : suggestions(kb),
    };
  }
  // Lead with a direct answer: the takeaway of the source the best sentence comes from, when it is on topic.
  // The best-ranked document says best what the question is about; the best sentence's document is next.
  const takeaway =
    leadTakeaway(terms, hits[0]!.docId, kb, stats, 1) ?? leadTakeaway(terms, sentences[0]!.passage.docId, kb, stats, 2);
  // A "how many / how much" question is answered with a figure: a takeaway without one follows the best
  // quoted sentence when that sentence carries one.
  const figureFirst = Boolean(
    takeaway && FIGURE_QUESTION.test(text) && !HAS_FIGURE.test(takeaway.text) && HAS_FIGURE.test(sentences[0]!.text),
  );
  // Group the quoted sentences by source, in the order the sources first appear.
  const bySource = new Map<string, string[]>();
  const referenced: string[] = [];
  const add = (docId: string, quoted: string) => bySource.set(docId, [...(bySource.get(docId) ?? []), quoted]);
  if (takeaway && !figureFirst) add(takeaway.docId, takeaway.text);
  for (const s of sentences) {
    if (takeaway && nearDuplicate(takeaway.text, s.text)) continue;
    const { text: quoted, ids } = liftReferences(s.text, kb);
    referenced.push(...ids);
    add(s.passage.docId, quoted);
    if (takeaway && figureFirst && s === sentences[0]) add(takeaway.docId, takeaway.text);
  }
  const quotedCitations = [...bySource.keys()].flatMap((id) => citationFor(kb, id));
  const lines = quotedCitations.map((c) => `${bySource.get(c.id)!.join(' ')} (${c.title})`);
  // A yes/no question gets "Yes:" or "No:" first when the quoted sentences take a clear stance on it.
  const stance = directYesNo(text, [...bySource.values()].flat());
  if (stance && lines[0] && !/^(yes|no)\b/i.test(lines[0]))
    lines[0] = `${stance === 'yes' ? 'Yes' : 'No'}: ${lines[0]}`;
  // Sources a quoted synthesis sentence relies on are cited after the quoted ones.
  const extra = distinct(referenced)
    .filter((id) => !bySource.has(id))
    .flatMap((id) => citationFor(kb, id));
  return { found: true, answer: lines.join('\n'), citations: [...quotedCitations, ...extra] };
}

/**
 * A document's takeaway leads the answer when it speaks to the question: it must contain one of the
 * question's words itself, and `needed` of them counting the document's title (1 for the document the
 * retriever ranked first, 2 otherwise, as for a quoted sentence).
 */
function leadTakeaway(
  terms: readonly string[],
  docId: string,
  kb: KnowledgeBase,
  stats: ReturnType<typeof termStatistics>,
  needed: number,
): { docId: string; text: string } | undefined {
  const doc = kb.docs.get(docId);
  if (!doc?.takeaway) return undefined;
  const own = new Set(contentTerms(doc.takeaway));
  const title = new Set(contentTerms(doc.title));
  const inTakeaway = terms.filter((t) => stats.matches(t, own)).length;
  const viaTitle = terms.filter((t) => !stats.matches(t, own) && stats.matches(t, title)).length;
  if (inTakeaway === 0 || inTakeaway + viaTitle < Math.min(needed, terms.length)) return undefined;
  return { docId, text: doc.takeaway };
}

/** Turns the knowledge base's "(see <doc-id>)" cross-references into citations instead of raw ids. */
function liftReferences(sentence: string, kb: KnowledgeBase): { text: string; ids: string[] } {
  const ids: string[] = [];
  const text = sentence.replace(
    /\s*\(see\s+([a-z0-9-]+(?:(?:\s*[,;]\s*|\s+and\s+)[a-z0-9-]+)*)\)/g,
    (whole, list: string) => {
      const found = list.split(/\s*[,;]\s*|\s+and\s+/);
      if (!found.every((id) => kb.docs.has(id))) return whole;
      ids.push(...found);
      return '';
    },
  );
  return { text, ids };
}

function suggestions(kb: KnowledgeBase): Citation[] {
  const preferred = SUGGESTED_IDS.flatMap((id) => citationFor(kb, id));
  if (preferred.length > 0) return preferred;
  const docs = [...kb.docs.values()].sort((a, b) => a.id.localeCompare(b.id));
  const synthesis = docs.filter((d) => d.kind === 'synthesis');
  return (synthesis.length > 0 ? synthesis : docs).slice(0, NEARBY_COUNT).flatMap((d) => citationFor(kb, d.id));
}

function citationFor(kb: KnowledgeBase, id: string): Citation[] {
  const doc = kb.docs.get(id);
  return doc ? [citeDoc(doc, kb)] : [];
}

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}
