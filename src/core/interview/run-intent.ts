/** Runs a command intent (restart, help, skip, why, export, re-assess, feedback) inside the interview. */

import { renderAdr } from '../adr/render-adr.js';
import { askForEssentials, missingEssentials, tooLittleToDecide } from '../assessment/essentials.js';
import { ACTIONS, type OutMessage } from '../message.js';
import type { AssistContext } from '../model-assist/model-assist.js';
import { type ConversationState, startOver } from './conversation-state.js';
import type { Intent } from './intents.js';
import {
  greetingMessages,
  HELP_TEXT,
  recommendationMessage,
  templatedSummary,
  whyQuestionText,
  whyVerdictMessage,
} from './interview-messages.js';
import { type InterviewDeps, type InterviewSteps, shortVerdict, type TurnResult } from './interview-steps.js';
import { questionById } from './questions.js';

/** Asks before a typed "restart" discards what the user told Archie; the button's value restarts. */
export function confirmRestart(state: ConversationState): TurnResult {
  return {
    state,
    messages: [
      {
        type: 'text',
        text: 'Start over? I’ll forget what you told me in this conversation. To keep going, just carry on typing.',
        quickReplies: [{ label: 'Yes, start over', value: ACTIONS.restart }],
      },
    ],
  };
}

/** The replies to one intent; never throws. */
export async function runIntent(
  intent: Intent,
  state: ConversationState,
  ctx: AssistContext,
  deps: InterviewDeps,
  steps: InterviewSteps,
): Promise<TurnResult> {
  const { resume, recommend, skip } = steps;
  const short = shortVerdict;
  const out: OutMessage[] = [];
  const pending = questionById(state.pending);
  switch (intent) {
    case 'restart': {
      return {
        state: startOver(state, deps.now()),
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
        const ranked = steps.rank(state);
        const moveTo = (ranked.find((r) => r.question.id === pending.id)?.wouldMoveTo ?? []).map((v) => short(v));
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
      const missing = missingEssentials(state.profile, state.plans, state.system);
      if (tooLittleToDecide(missing)) {
        out.push({ type: 'text', text: askForEssentials(missing) });
        return { state, messages: out };
      }
      const previous = state.lastAssessment;
      const a = deps.assess(state.profile);
      out.push({
        type: 'text',
        text:
          previous && previous.verdict !== a.verdict
            ? `Re-assessed: my recommendation moved from ${short(previous.verdict)} to ${short(a.verdict)}.`
            : 'Re-assessed with everything you’ve told me. Tell me anything that has changed ("we now have 4 teams") and I’ll update it.',
      });
      return recommend(state, a, out, ctx);
    }
    case 'thanks':
      out.push({
        type: 'text',
        text:
          state.phase === 'recommended'
            ? 'You’re welcome. I can export an ADR, explain why, or re-assess when something changes.'
            : 'You’re welcome.',
      });
      return state.phase === 'recommended' ? { state, messages: out } : resume(state, out, '');
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
