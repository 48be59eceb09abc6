/** The words of the interview: greeting, questions, recommendation, help and "why?" replies. */
import {
  type Assessment,
  type FactorResult,
  formatScore,
  recommendedPhrase,
  VERDICT_LABELS,
  VERDICTS,
} from '../assessment/assessment.js';
import { ORGANISATION_FACTOR_PREFIX } from '../constraints/org-constraints.js';
import type { Answer } from '../consultant.js';
import { ACTIONS, type OutMessage, type Progress, type QuickReply, RECOMMENDATION_ACTIONS } from '../message.js';
import { factLabel } from '../profile/fact-labels.js';
import { citationLinks } from '../render/render-markdown.js';
import { answerValue, type Question } from './questions.js';

/** Example descriptions offered as quick replies on the greeting. */
export const EXAMPLES: readonly { label: string; text: string }[] = [
  {
    label: 'Small team, hosted API',
    text: 'We are 3 engineers building a RAG assistant for internal docs on the OpenAI API. No on-call yet, we deploy from GitHub Actions.',
  },
  {
    label: 'Self-hosted model + ingestion',
    text: 'One team of 8 engineers self-hosting a 70B model on our own GPUs, with nightly ingestion of millions of PDFs.',
  },
  {
    label: 'Six teams on Kubernetes',
    text: 'Six teams (45 engineers) on a mature Kubernetes platform with CI/CD, tracing and on-call; everyone is blocked by one shared release train.',
  },
];

export const exampleValue = (i: number) => `example:${i + 1}`;

/** The first messages of a conversation. */
export function greetingMessages(): OutMessage[] {
  return [
    {
      type: 'text',
      text: [
        'Hi, I’m Archie. I help teams building generative-AI systems (RAG assistants, agents, inference pipelines) decide between a monolith, a modular monolith, a hybrid (a monolith core plus a few extracted services) and microservices.',
        'Describe your system in a few sentences: team size, how you run models, your ingestion, your ops (CI/CD, on-call, platform) and what hurts today. I’ll ask only questions that could change my answer, then recommend with reasons and sources.',
      ].join('\n\n'),
      quickReplies: EXAMPLES.map((e, i) => ({ label: e.label, value: exampleValue(i) })),
    },
  ];
}

/** Quick replies for a question: its options, then Skip and Not sure. */
export function questionReplies(q: Question): QuickReply[] {
  return [
    ...q.options.map((o) => ({ label: o.label, value: answerValue(q.id, o.id) })),
    { label: 'Skip', value: ACTIONS.skip },
    { label: 'Not sure', value: answerValue(q.id, 'unsure') },
  ];
}

/** A question message with progress. */
export function questionMessage(q: Question, progress: Progress, prefix = ''): OutMessage {
  return {
    type: 'question',
    questionId: q.id,
    text: `${prefix}${q.text}`,
    why: q.why,
    quickReplies: questionReplies(q),
    progress,
  };
}

/**
 * A short summary built from the engine's own verdict (used when no model explains): the verdict, what
 * decided it (the top reasons' factor names; the reasons themselves follow in full) and how much was assumed.
 */
export function templatedSummary(a: Assessment): string {
  const parts = [`I recommend ${recommendedPhrase(a.verdict)} (${Math.round(a.confidence * 100)}% confidence).`];
  const deciding = a.reasons
    .slice(0, 2)
    .map((r) => a.factors.find((f) => f.id === r.factorId)?.label)
    .filter((label): label is string => Boolean(label))
    .map(lowerFirst);
  if (deciding.length) parts.push(`What decided it: ${deciding.join(' and ')}.`);
  if (a.assumptions.length) {
    parts.push(
      `I assumed ${a.assumptions.length} fact${a.assumptions.length === 1 ? '' : 's'} you didn’t give (listed below).`,
    );
  }
  return parts.join(' ');
}

/** "One small team" → "one small team", "A language boundary" → "a language boundary"; "GPU inference" stays. */
const lowerFirst = (label: string) =>
  /^[A-Z](?:[a-z]|\s)/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;

export function recommendationMessage(assessment: Assessment, summary: string, generated: boolean): OutMessage {
  return { type: 'recommendation', assessment, summary, generated, actions: [...RECOMMENDATION_ACTIONS] };
}

/** "Why this verdict?": the organisation's constraints that acted, then the factors that moved the scores most. */
export function whyVerdictMessage(a: Assessment): OutMessage {
  const short = (v: Assessment['verdict']) => VERDICT_LABELS[v].split(':')[0]!.toLowerCase();
  const ranked = [...VERDICTS].sort((x, y) => a.scores[y] - a.scores[x]);
  const second = ranked.find((v) => v !== a.verdict)!;
  const assumed = new Set(a.assumptions.map((x) => x.fact));
  // What each factor rests on: the team's words (from the reasons), its assumptions, or a general rule.
  const basis = (f: FactorResult) => {
    const reason = a.reasons.find((r) => r.factorId === f.id);
    if (reason?.evidence?.length) return ` (${reason.evidence.join('; ')})`;
    if (!f.facts.length) return ' (a general rule)';
    const facts = f.decidedBy ?? f.facts;
    return facts.every((k) => assumed.has(k)) ? ` (assumed: ${facts.map(factLabel).join(', ').toLowerCase()})` : '';
  };
  const line = (f: FactorResult) =>
    `- ${f.label}: ${f.explanation}${basis(f)}${f.citations.length ? ` (${citationLinks(f.citations)})` : ''}`;
  const weight = (f: FactorResult) => f.contributions[a.verdict] ?? 0;
  const forIt = a.factors
    .filter((f) => weight(f) > 0)
    .sort((x, y) => weight(y) - weight(x))
    .slice(0, 3);
  const against = a.factors
    .filter((f) => weight(f) < 0)
    .sort((x, y) => weight(x) - weight(y))
    .slice(0, 2);
  // The organisation's constraints do not score: they settle facts and limit the verdicts, so they come first.
  const organisation = a.factors.filter((f) => f.id.startsWith(ORGANISATION_FACTOR_PREFIX));
  const rule = (f: FactorResult) => `- ${f.label}: ${f.explanation} (${citationLinks(f.citations)})`;
  const shown = [...organisation, ...forIt, ...against];
  const citations = [...new Map(shown.flatMap((f) => f.citations).map((c) => [c.id, c])).values()];
  return {
    type: 'text',
    text: [
      `Why ${short(a.verdict)}: it scores ${formatScore(a.scores[a.verdict])}, against ${formatScore(a.scores[second])} for ${short(second)}.`,
      ...(organisation.length ? ["Your organisation's rules:", ...organisation.map(rule)] : []),
      `For ${short(a.verdict)}:`,
      ...(forIt.length
        ? forIt.map(line)
        : ['- nothing stated argues for it; it wins on the defaults listed under assumptions']),
      ...(against.length ? [`Against ${short(a.verdict)} (outweighed):`, ...against.map(line)] : []),
    ].join('\n'),
    citations,
    quickReplies: RECOMMENDATION_ACTIONS.slice(0, 1),
  };
}

/** "Why this question?": what it is about and which verdicts an answer could move to. */
export function whyQuestionText(q: Question, current: Assessment | undefined, moveTo: string[]): string {
  const now = current
    ? ` Right now I lean towards ${VERDICT_LABELS[current.verdict].split(':')[0]!.toLowerCase()};`
    : '';
  const could = moveTo.length ? `${now} depending on your answer it could become ${moveTo.join(' or ')}.` : '';
  return `Why I ask: ${q.why}${could}`;
}

export const HELP_TEXT = [
  'Here is what you can do:',
  '- Describe your system in your own words, or answer my questions (buttons or typing).',
  '- "skip" or "not sure": I’ll assume a sensible default and say so.',
  '- "why?": why I’m asking, or why I recommend what I do.',
  '- Correct me any time: "actually we’re 12 engineers", "we do have on-call".',
  '- Ask a question: "What did Prime Video save by moving to a monolith?"',
  '- "export": an Architecture Decision Record (Markdown). "restart": start over.',
].join('\n');

/** A knowledge answer as a message: citations when found, nearby topics when not. */
export function answerMessage(answer: Answer): OutMessage {
  if (answer.found)
    return { type: 'text', text: answer.answer, citations: answer.citations, generated: answer.generated };
  const nearby = answer.nearby?.length ? `\n\nRelated topics I do cover: ${citationLinks(answer.nearby)}` : '';
  return { type: 'text', text: `${answer.answer}${nearby}`, citations: [] };
}
