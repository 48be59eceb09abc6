/**
 * The interview state machine: greeting → description → (at most a few questions that could change the
 * verdict) → recommendation, with skip / not sure / why / restart / export / help, corrections and
 * knowledge questions at any point. Pure over the conversation state; never throws on user input.
 */

import { renderAdr } from '../adr/render-adr.js';
import { type Assessment, VERDICT_LABELS } from '../assessment/assessment.js';
import type { Answer } from '../consultant.js';
import type { AssistContext, ModelAssist } from '../llm/model-assist.js';
import type { OutMessage, UserInput } from '../message.js';
import type { FactUpdate, TeamProfile } from '../profile/profile.js';
import { describeFact, describeProfile } from '../render/describe-profile.js';
import { chooseQuestion, DEFAULT_QUESTION_CAP, rankQuestions } from './choose-question.js';
import { type ConversationState, newConversationState } from './conversation-state.js';
import {
  detectIntent,
  type Intent,
  intentForAction,
  looksLikeCorrection,
  looksLikeKnowledgeQuestion,
} from './intents.js';
import {
  answerMessage,
  EXAMPLES,
  greetingMessages,
  HELP_TEXT,
  questionMessage,
  recommendationMessage,
  templatedSummary,
  whyQuestionText,
  whyVerdictMessage,
} from './interview-messages.js';
import { parseAnswerValue, parseTypedAnswer, type Question, questionById } from './questions.js';
import { readFacts } from './read-facts.js';
import { type FactChange, recordFacts } from './record-facts.js';
import { DEFAULT_MAX_MESSAGE_CHARS, screenInput } from './screen-input.js';

export interface InterviewDeps {
  assess: (profile: TeamProfile) => Assessment;
  /** Answers a knowledge question with citations (model first when configured, else offline). */
  answer: (question: string, ctx: AssistContext) => Promise<Answer>;
  assist?: ModelAssist;
  now: () => Date;
  maxMessageChars?: number;
  questionCap?: number;
}

export interface TurnResult {
  state: ConversationState;
  messages: OutMessage[];
  /** Set when this turn produced a verdict (the consultant notifies listeners). */
  assessed?: Assessment;
}

/** The question sentences of a mixed message ("We're 4. Should we split?" → "Should we split?"). */
function questionSentences(text: string): string | undefined {
  const questions = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().endsWith('?'));
  return questions.length ? questions.join(' ') : undefined;
}

const short = (v: string) => v.split(':')[0]!.toLowerCase();

/** Builds the interview over injected engine functions. */
export function createInterview(deps: InterviewDeps) {
  const cap = deps.questionCap ?? DEFAULT_QUESTION_CAP;
  const maxChars = deps.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;

  const done = (s: ConversationState) => [...s.asked, ...s.skipped];

  /** Next question, or the recommendation when nothing left could change it. */
  async function proceed(state: ConversationState, out: OutMessage[], ctx: AssistContext): Promise<TurnResult> {
    const assessment = deps.assess(state.profile);
    const answered = done(state).length;
    const choice = chooseQuestion(state.profile, {
      assess: deps.assess,
      done: done(state),
      baseline: assessment,
      cap,
      asked: answered,
    });
    if (choice) {
      state.phase = 'questioning';
      state.pending = choice.next.question.id;
      out.push(questionMessage(choice.next.question, { done: answered, total: answered + choice.remaining }));
      return { state, messages: out };
    }
    return recommend(state, assessment, out, ctx);
  }

  async function recommend(
    state: ConversationState,
    a: Assessment,
    out: OutMessage[],
    ctx: AssistContext,
  ): Promise<TurnResult> {
    state.phase = 'recommended';
    state.pending = undefined;
    state.lastAssessment = a;
    let summary: string | undefined;
    if (deps.assist) {
      try {
        summary = (await deps.assist.explain(a, state.profile, ctx))?.trim() || undefined;
      } catch {
        summary = undefined;
      }
    }
    out.push(recommendationMessage(a, summary ?? templatedSummary(a), Boolean(summary)));
    return { state, messages: out, assessed: a };
  }

  /** Re-asks the pending question (after a detour), or reminds what we are waiting for. */
  function resume(state: ConversationState, out: OutMessage[], prefix = 'Back to where we were: '): TurnResult {
    const q = questionById(state.pending);
    if (state.phase === 'questioning' && q) {
      const answered = done(state).length;
      const remaining = rankQuestions(state.profile, { assess: deps.assess, done: done(state) }).length;
      out.push(
        questionMessage(
          q,
          { done: answered, total: answered + Math.max(1, Math.min(remaining, cap - answered)) },
          prefix,
        ),
      );
    } else if (state.phase === 'greeting' || state.phase === 'describing') {
      out.push({
        type: 'text',
        text: `${prefix}tell me about your system (team size, models, ingestion, ops, pains).`,
      });
      state.phase = 'describing';
    }
    return { state, messages: out };
  }

  function describeChanges(changes: FactChange[], state: ConversationState): string {
    return changes
      .map((c) => {
        const now = describeFact(state.profile, c.key) ?? `${c.key}: ${String(c.after)}`;
        return c.before === undefined ? now : `${now} (was ${String(c.before)})`;
      })
      .join('; ');
  }

  async function onIntent(intent: Intent, state: ConversationState, ctx: AssistContext): Promise<TurnResult> {
    const out: OutMessage[] = [];
    const pending = questionById(state.pending);
    switch (intent) {
      case 'restart': {
        const fresh = newConversationState(deps.now());
        fresh.feedback = state.feedback;
        fresh.phase = 'describing';
        return {
          state: fresh,
          messages: [{ type: 'text', text: 'Starting over: I’ve forgotten what you told me.' }, ...greetingMessages()],
        };
      }
      case 'greeting':
        if (state.phase === 'greeting' || state.phase === 'describing') {
          state.phase = 'describing';
          return { state, messages: greetingMessages() };
        }
        out.push({ type: 'text', text: 'Hi again!' });
        return state.phase === 'recommended'
          ? {
              state,
              messages: [
                ...out,
                recommendationMessage(state.lastAssessment!, templatedSummary(state.lastAssessment!), false),
              ],
            }
          : resume(state, out, '');
      case 'help':
        out.push({ type: 'text', text: HELP_TEXT });
        return resume(state, out, 'Back to where we were: ');
      case 'skip':
      case 'unsure':
        if (state.phase === 'questioning' && pending) return skip(state, pending, intent, ctx);
        out.push({ type: 'text', text: 'There’s no open question to skip.' });
        return state.phase === 'recommended' ? { state, messages: out } : resume(state, out, '');
      case 'why':
        if (state.phase === 'questioning' && pending) {
          const current = deps.assess(state.profile);
          const ranked = rankQuestions(state.profile, { assess: deps.assess, done: done(state), baseline: current });
          const moveTo = (ranked.find((r) => r.question.id === pending.id)?.wouldMoveTo ?? []).map((v) =>
            short(VERDICT_LABELS[v]),
          );
          out.push({ type: 'text', text: whyQuestionText(pending, current, moveTo) });
          return resume(state, out, '');
        }
        if (state.lastAssessment) return { state, messages: [whyVerdictMessage(state.lastAssessment)] };
        out.push({ type: 'text', text: 'I haven’t recommended anything yet, so there is nothing to explain.' });
        return resume(state, out, '');
      case 'export':
        if (state.lastAssessment) {
          const adr = renderAdr({ assessment: state.lastAssessment, profile: state.profile, date: deps.now() });
          return { state, messages: [{ type: 'adr', ...adr }] };
        }
        out.push({ type: 'text', text: 'There’s no recommendation to export yet. Let’s get one first.' });
        return resume(state, out, '');
      case 'reassess': {
        if (!Object.keys(state.profile).length) {
          out.push({ type: 'text', text: 'I don’t know anything about your system yet.' });
          return resume(state, out, '');
        }
        const previous = state.lastAssessment;
        const a = deps.assess(state.profile);
        out.push({
          type: 'text',
          text:
            previous && previous.verdict !== a.verdict
              ? `Re-assessed: my recommendation moved from ${short(VERDICT_LABELS[previous.verdict])} to ${short(VERDICT_LABELS[a.verdict])}.`
              : 'Re-assessed with everything you’ve told me. Tell me anything that has changed ("we now have 4 teams") and I’ll update it.',
        });
        return recommend(state, a, out, ctx);
      }
      case 'feedback-up':
      case 'feedback-down': {
        const value = intent === 'feedback-up' ? 'up' : 'down';
        state.feedback.push({ value, verdict: state.lastAssessment?.verdict, at: deps.now().toISOString() });
        out.push({
          type: 'text',
          text:
            value === 'up'
              ? 'Thanks, noted.'
              : 'Thanks for telling me. If a fact is wrong, correct it ("actually we have on-call") and I’ll re-assess.',
        });
        return state.phase === 'recommended' ? { state, messages: out } : resume(state, out, '');
      }
    }
  }

  async function skip(
    state: ConversationState,
    q: Question,
    intent: 'skip' | 'unsure',
    ctx: AssistContext,
  ): Promise<TurnResult> {
    state.skipped.push(q.id);
    state.pending = undefined;
    const assumed = deps.assess(state.profile).assumptions.find((x) => q.facts.includes(x.fact));
    const out: OutMessage[] = [
      {
        type: 'text',
        text: `${intent === 'skip' ? 'Skipped' : 'No problem'}: I’ll assume ${assumed ? assumed.assumed : 'the common case'} and list it under assumptions.`,
      },
    ];
    return proceed(state, out, ctx);
  }

  /** Facts from text: the user's own answer or description (offline) plus gap-filling model facts. */
  async function absorb(state: ConversationState, text: string, ctx: AssistContext, asCorrection: boolean) {
    const facts = await readFacts(text, state.profile, state.provenance, deps.assist, ctx);
    const at = deps.now();
    const corrections = facts.offline.filter(
      (u) => u.correction || (asCorrection && state.profile[u.key] !== undefined),
    );
    const fresh = facts.offline.filter((u) => !corrections.includes(u));
    const changes = [
      ...recordFacts(state, corrections, 'correction', at),
      ...recordFacts(state, fresh, 'extracted', at),
      ...recordFacts(state, facts.model, 'model', at),
    ];
    return { changes, found: facts.offline.length + facts.model.length };
  }

  async function knowledge(state: ConversationState, text: string, ctx: AssistContext): Promise<TurnResult> {
    let answer: Answer;
    try {
      answer = await deps.answer(text, ctx);
    } catch {
      answer = { answer: 'I couldn’t search my sources just now. Please try again.', citations: [], found: false };
    }
    return resume(state, [answerMessage(answer)]);
  }

  async function onDescription(
    state: ConversationState,
    text: string,
    notes: string[],
    ctx: AssistContext,
  ): Promise<TurnResult> {
    const { changes } = await absorb(state, text, ctx, false);
    const out: OutMessage[] = [];
    const understood = describeProfile(
      state.profile,
      changes.map((c) => c.key),
    );
    const lines = understood.length
      ? ['Here’s what I understood:', ...understood.map((s) => `- ${s}`)]
      : [
          'I couldn’t pick out specific facts from that, so I’ll ask a few questions (and assume sensible defaults for the rest).',
        ];
    out.push({ type: 'text', text: [...notes, ...lines].join('\n') });
    return proceed(state, out, ctx);
  }

  async function onAnswer(
    state: ConversationState,
    q: Question,
    updates: FactUpdate[],
    text: string | undefined,
    ctx: AssistContext,
  ) {
    const at = deps.now();
    const changes = recordFacts(state, updates, 'answer', at);
    if (text) {
      const extra = await absorb(state, text, ctx, true);
      changes.push(...extra.changes.filter((c) => !q.facts.includes(c.key)));
    }
    state.asked.push(q.id);
    state.pending = undefined;
    const noted = describeChanges(changes, state);
    return proceed(state, noted ? [{ type: 'text', text: `Got it: ${noted}.` }] : [], ctx);
  }

  async function onText(
    state: ConversationState,
    text: string,
    notes: string[],
    ctx: AssistContext,
  ): Promise<TurnResult> {
    const pending = questionById(state.pending);
    if (state.phase === 'questioning' && pending) {
      const updates = parseTypedAnswer(pending, text, state.profile);
      if (updates) return onAnswer(state, pending, updates, text, ctx);
    }
    if (state.phase === 'greeting' || state.phase === 'describing') {
      if (looksLikeKnowledgeQuestion(text)) return knowledge(state, text, ctx);
      return onDescription(state, text, notes, ctx);
    }
    if (looksLikeKnowledgeQuestion(text) && !looksLikeCorrection(text)) {
      return knowledge(state, text, ctx);
    }
    const previous = state.lastAssessment;
    const { changes } = await absorb(state, text, ctx, true);
    const out: OutMessage[] = notes.length ? [{ type: 'text', text: notes.join('\n') }] : [];
    const asked = questionSentences(text);
    if (!changes.length && asked) return knowledge(state, asked, ctx);
    if (!changes.length) {
      out.push({
        type: 'text',
        text:
          state.phase === 'recommended'
            ? 'I didn’t find a change in that. Correct a fact ("actually we’re 12 engineers"), ask me a question, or type "help".'
            : 'I didn’t catch an answer to that. Pick an option, type your answer, or say "skip".',
      });
      return state.phase === 'recommended' ? { state, messages: out } : resume(state, out, '');
    }
    out.push({ type: 'text', text: `Updated: ${describeChanges(changes, state)}.` });
    if (state.phase === 'questioning' && pending) {
      if (state.profile[pending.facts[0]!] !== undefined) {
        state.asked.push(pending.id);
        state.pending = undefined;
      } else {
        return resume(state, out, 'Back to where we were: ');
      }
      return proceed(state, out, ctx);
    }
    const a = deps.assess(state.profile);
    out.push({
      type: 'text',
      text:
        previous && previous.verdict !== a.verdict
          ? `That changes my recommendation: ${short(VERDICT_LABELS[previous.verdict])} → ${short(VERDICT_LABELS[a.verdict])}.`
          : `My recommendation stays ${short(VERDICT_LABELS[a.verdict])} (confidence ${Math.round(a.confidence * 100)}%).`,
    });
    return recommend(state, a, out, ctx);
  }

  return {
    /** The greeting; the conversation then waits for a description. */
    greet(state: ConversationState): TurnResult {
      state.phase = 'describing';
      return { state, messages: greetingMessages() };
    },

    /** A returning user: where we were (the open question or the last recommendation), or the greeting. */
    welcomeBack(state: ConversationState): TurnResult {
      if (state.phase === 'recommended' && state.lastAssessment) {
        const a = state.lastAssessment;
        return {
          state,
          messages: [
            {
              type: 'text',
              text: 'Welcome back. Your last recommendation is below; tell me what changed, or say "restart".',
            },
            recommendationMessage(a, templatedSummary(a), false),
          ],
        };
      }
      if (state.phase === 'questioning' && questionById(state.pending)) {
        return resume(
          state,
          [{ type: 'text', text: 'Welcome back. Let’s continue (say "restart" to start over).' }],
          '',
        );
      }
      state.phase = 'describing';
      return { state, messages: greetingMessages() };
    },

    /** One user turn. */
    async handle(state: ConversationState, input: UserInput, ctx: AssistContext = {}): Promise<TurnResult> {
      state.turns += 1;
      if (input.type === 'choice') {
        const example = /^example:(\d+)$/.exec(input.value);
        const ex = example ? EXAMPLES[Number(example[1]) - 1] : undefined;
        if (ex) return onDescription(state, ex.text, [], ctx);
        const answer = parseAnswerValue(input.value);
        if (answer && state.phase === 'questioning' && state.pending === answer.question.id) {
          if (answer.unsure || !answer.option) return skip(state, answer.question, 'unsure', ctx);
          return onAnswer(state, answer.question, answer.option.updates, undefined, ctx);
        }
        if (answer?.option) {
          // A button from an earlier question: the user is changing that answer.
          const changes = recordFacts(state, answer.option.updates, 'correction', deps.now());
          const out: OutMessage[] = [
            { type: 'text', text: changes.length ? `Updated: ${describeChanges(changes, state)}.` : 'Noted.' },
          ];
          if (state.phase === 'recommended' && changes.length)
            return recommend(state, deps.assess(state.profile), out, ctx);
          return resume(state, out, '');
        }
        const intent = intentForAction(input.value);
        if (intent) return onIntent(intent, state, ctx);
        return resume(state, [{ type: 'text', text: 'That button is no longer active.' }], '');
      }
      const screened = screenInput(input.text, maxChars);
      if (!screened.ok) return resume(state, [{ type: 'text', text: screened.message }], '');
      const intent = detectIntent(screened.text);
      if (intent) return onIntent(intent, state, ctx);
      if (!screened.text.trim()) {
        return resume(state, [{ type: 'text', text: screened.notes.join('\n') }], '');
      }
      return onText(state, screened.text, screened.notes, ctx);
    },
  };
}

export type Interview = ReturnType<typeof createInterview>;
