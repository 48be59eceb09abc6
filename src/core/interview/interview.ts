/**
 * The interview state machine: greeting → description → (at most a few questions that could change the
 * verdict) → recommendation, with skip / not sure / why / restart / export / help, corrections and
 * knowledge questions at any point. Pure over the conversation state; never throws on user input.
 */

import type { OutMessage, UserInput } from '../message.js';
import type { AssistContext } from '../model-assist/model-assist.js';
import type { FactUpdate } from '../profile/profile.js';
import { readAnswer } from '../reading/read-answer.js';
import { readMessage } from '../reading/read-message.js';
import { describeProfile } from '../render/describe-profile.js';
import { readSettleChoice } from '../threads/settle-choice.js';
import { createThreadTurn } from '../threads/thread-turn.js';
import { type ConversationState, startOver } from './conversation-state.js';
import { detectIntent, type Intent, intentForAction, looksLikeKnowledgeQuestion } from './intents.js';
import { EXAMPLES, greetingMessages, recommendationMessage, templatedSummary } from './interview-messages.js';
import { createInterviewSteps, type InterviewDeps, shortVerdict, type TurnResult } from './interview-steps.js';
import { answerQuestionPart, factText, questionSentences, withVerdictNote } from './question-part.js';
import { parseAnswerValue, type Question, questionById } from './questions.js';
import { recordFacts } from './record-facts.js';
import { confirmRestart, runIntent } from './run-intent.js';
import { DEFAULT_MAX_MESSAGE_CHARS, screenInput } from './screen-input.js';

export type { InterviewDeps, TurnResult } from './interview-steps.js';

const settled = (value: string) => {
  const update = readSettleChoice(value);
  return update ? [update] : undefined;
};

/** Builds the interview over injected engine functions. */
export function createInterview(deps: InterviewDeps) {
  const maxChars = deps.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  const steps = createInterviewSteps(deps);
  const { proceed, recommend, resume, describeChanges, skip, absorb, knowledge } = steps;
  const onIntent = (intent: Intent, state: ConversationState, ctx: AssistContext) =>
    runIntent(intent, state, ctx, deps, steps);
  const onThread = createThreadTurn(deps, steps);

  async function onDescription(
    state: ConversationState,
    text: string,
    notes: string[],
    ctx: AssistContext,
  ): Promise<TurnResult> {
    const { changes } = await absorb(state, factText(text), ctx, false);
    const out: OutMessage[] = [];
    const understood = describeProfile(
      state.profile,
      changes.map((c) => c.key),
    );
    const lines = understood.length
      ? ['Here’s what I understood:', ...understood.map((s) => `- ${s}`)]
      : ['I couldn’t pick out specific facts about your system from that.'];
    out.push({ type: 'text', text: [...notes, ...lines].join('\n') });
    const asked = changes.length ? questionSentences(text) : undefined;
    out.push(...(await answerQuestionPart(asked, deps.answer, ctx)));
    return withVerdictNote(await proceed(state, out, ctx), asked);
  }

  /** An example describes another system: after facts were given it starts a fresh interview, not a correction. */
  function onExample(state: ConversationState, text: string, ctx: AssistContext): Promise<TurnResult> {
    if (Object.keys(state.profile).length === 0) return onDescription(state, text, [], ctx);
    return onDescription(
      startOver(state, deps.now()),
      text,
      ['Starting over with the example (I’ve set aside what you told me before).'],
      ctx,
    );
  }

  async function onAnswer(
    state: ConversationState,
    q: Question,
    updates: FactUpdate[],
    text: string | undefined,
    ctx: AssistContext,
  ) {
    const at = deps.now();
    const changes = recordFacts(state, updates, 'answered', at);
    if (text) {
      const extra = await absorb(state, factText(text), ctx, true);
      changes.push(...extra.changes.filter((c) => !q.facts.includes(c.key)));
    }
    state.asked.push(q.id);
    state.pending = undefined;
    const noted = describeChanges(changes, state);
    const out: OutMessage[] = noted ? [{ type: 'text', text: `Got it: ${noted}.` }] : [];
    const asked = text ? questionSentences(text) : undefined;
    out.push(...(await answerQuestionPart(asked, deps.answer, ctx)));
    return withVerdictNote(await proceed(state, out, ctx), asked);
  }

  async function onText(
    state: ConversationState,
    text: string,
    notes: string[],
    ctx: AssistContext,
  ): Promise<TurnResult> {
    const pending = questionById(state.pending);
    if (state.phase === 'questioning' && pending) {
      const updates = readAnswer(pending, text, state.profile);
      if (updates) return onAnswer(state, pending, updates, text, ctx);
    }
    if (state.phase === 'greeting' || state.phase === 'describing') {
      if (looksLikeKnowledgeQuestion(text)) return knowledge(state, text, ctx);
      return onDescription(state, text, notes, ctx);
    }
    // A question that also states a fact ("we're 12 now, what changes?") is a correction first.
    if (looksLikeKnowledgeQuestion(text) && !readMessage(text, { known: state.profile }).facts.length) {
      return knowledge(state, text, ctx);
    }
    const previous = state.lastAssessment;
    const { changes } = await absorb(state, factText(text), ctx, true);
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
    out.push(...(await answerQuestionPart(asked, deps.answer, ctx)));
    if (state.phase === 'questioning' && pending) {
      // The correction may have answered the open question, or made it irrelevant to the verdict.
      if (state.profile[pending.facts[0]!] !== undefined) state.asked.push(pending.id);
      else if (steps.stillInformative(state, pending)) return withVerdictNote(resume(state, out), asked);
      state.pending = undefined;
      return withVerdictNote(await proceed(state, out, ctx), asked);
    }
    const a = deps.assess(state.profile);
    out.push({
      type: 'text',
      text:
        previous && previous.verdict !== a.verdict
          ? `That changes my recommendation: ${shortVerdict(previous.verdict)} → ${shortVerdict(a.verdict)}.`
          : `My recommendation stays ${shortVerdict(a.verdict)} (confidence ${Math.round(a.confidence * 100)}%).`,
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
      if (input.type === 'thread') return onThread(state, input, ctx);
      if (input.type === 'choice') {
        const example = /^example:(\d+)$/.exec(input.value);
        const ex = example ? EXAMPLES[Number(example[1]) - 1] : undefined;
        if (ex) return onExample(state, ex.text, ctx);
        const answer = parseAnswerValue(input.value);
        if (answer && state.phase === 'questioning' && state.pending === answer.question.id) {
          if (answer.unsure || !answer.option) return skip(state, answer.question, 'unsure', ctx);
          return onAnswer(state, answer.question, answer.option.updates, undefined, ctx);
        }
        // A button from an earlier question (the user is changing that answer), or one settling a disagreement.
        const earlier = answer?.option?.updates ?? settled(input.value);
        if (earlier) {
          const changes = recordFacts(state, earlier, 'corrected', deps.now());
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
      // A typed "restart" can be a slip; with something to lose it asks first (the button restarts at once).
      if (intent === 'restart' && Object.keys(state.profile).length) return confirmRestart(state);
      if (intent) return onIntent(intent, state, ctx);
      if (!screened.text.trim()) {
        return resume(state, [{ type: 'text', text: screened.notes.join('\n') }], '');
      }
      return onText(state, screened.text, screened.notes, ctx);
    },
  };
}

export type Interview = ReturnType<typeof createInterview>;
