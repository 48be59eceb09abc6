/**
 * The interview's shared steps: ask the next question or recommend, re-ask after a detour, skip, answer a
 * knowledge question, and absorb facts from text. Used by the turn handler and the intent handler.
 */
import type { Assessment } from '../assessment/assessment.js';
import { VERDICT_LABELS } from '../assessment/assessment.js';
import { askForEssentials, describedSystem, missingEssentials, tooLittleToDecide } from '../assessment/essentials.js';
import { withPlans } from '../assessment/plan-triggers.js';
import type { ProfileScore } from '../assessment/score-profile.js';
import type { Answer } from '../consultant.js';
import type { OutMessage } from '../message.js';
import type { AssistContext, ModelAssist } from '../model-assist/model-assist.js';
import { factLabel } from '../profile/fact-labels.js';
import type { TeamProfile } from '../profile/profile.js';
import { describeFact } from '../render/describe-profile.js';
import { withEvidence } from '../render/reason-evidence.js';
import { chooseQuestion, DEFAULT_QUESTION_CAP, type RankedQuestion, rankQuestions } from './choose-question.js';
import type { ConversationState } from './conversation-state.js';
import { answerMessage, questionMessage, recommendationMessage, templatedSummary } from './interview-messages.js';
import { type Question, questionById } from './questions.js';
import { readFacts } from './read-facts.js';
import { type FactChange, recordFacts, recordStatements } from './record-facts.js';

export interface InterviewDeps {
  assess: (profile: TeamProfile) => Assessment;
  /** The fast scorer behind `assess` (question choice); default the engine's own, without constraints. */
  score?: (profile: TeamProfile) => Pick<ProfileScore, 'verdict' | 'scores'>;
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

/** "Hybrid: monolith core plus…" → "hybrid". */
export const shortVerdict = (v: Assessment['verdict']) => VERDICT_LABELS[v].split(':')[0]!.toLowerCase();

/** Question ids answered or skipped. */
export const doneQuestions = (s: ConversationState) => [...s.asked, ...s.skipped];

/** Builds the shared steps over the interview's dependencies. */
export function createInterviewSteps(deps: InterviewDeps) {
  const cap = deps.questionCap ?? DEFAULT_QUESTION_CAP;
  const done = doneQuestions;

  // One turn may need the same ranking twice ("why?" then the re-asked question; a correction checked for
  // relevance, then the re-ask). Profiles are replaced on every change, never edited in place, so the
  // profile object plus the questions done identify the computation.
  let lastRank: { profile: TeamProfile; done: string; ranked: RankedQuestion[] } | undefined;
  /** Questions that could still change the verdict, most informative first. */
  function rank(state: ConversationState): RankedQuestion[] {
    const ids = done(state);
    const key = ids.join('\n');
    if (lastRank?.profile !== state.profile || lastRank.done !== key) {
      lastRank = {
        profile: state.profile,
        done: key,
        ranked: rankQuestions(state.profile, { assess: deps.assess, score: deps.score, done: ids }),
      };
    }
    return lastRank.ranked;
  }

  /** Next question, or the recommendation when nothing left could change it. */
  async function proceed(state: ConversationState, out: OutMessage[], ctx: AssistContext): Promise<TurnResult> {
    const missing = missingEssentials(state.profile, state.plans, state.system);
    if (tooLittleToDecide(missing)) {
      // Nothing about a system yet: no questions about its details and no verdict, just what is needed.
      state.phase = 'describing';
      state.pending = undefined;
      out.push({ type: 'text', text: askForEssentials(missing) });
      return { state, messages: out };
    }
    const answered = done(state).length;
    const teamSize = questionById('engineers');
    if (missing.includes('team-size') && teamSize && !done(state).includes(teamSize.id) && answered < cap) {
      // The team's size is an essential: asked first, whatever else could move the verdict.
      state.phase = 'questioning';
      state.pending = teamSize.id;
      const later = rank(state).filter((r) => r.question.id !== teamSize.id).length;
      state.plannedTotal = Math.max(state.plannedTotal ?? 0, answered + 1 + Math.min(later, cap - answered - 1));
      out.push(questionMessage(teamSize, { done: answered, total: state.plannedTotal }));
      return { state, messages: out };
    }
    const assessment = deps.assess(state.profile);
    const choice = chooseQuestion(state.profile, {
      assess: deps.assess,
      score: deps.score,
      done: done(state),
      baseline: assessment,
      cap,
      asked: answered,
    });
    if (choice) {
      state.phase = 'questioning';
      state.pending = choice.next.question.id;
      // The total never shrinks mid-interview, so progress reads 1 of 3, 2 of 3 (we may still stop early).
      state.plannedTotal = Math.max(state.plannedTotal ?? 0, answered + choice.remaining);
      out.push(questionMessage(choice.next.question, { done: answered, total: state.plannedTotal }));
      return { state, messages: out };
    }
    // Progress may have read "Question 2 of 3": say why we stop early, so the count and the ending agree.
    if (state.plannedTotal && answered > 0 && answered < state.plannedTotal) {
      out.push({ type: 'text', text: earlyStopText(answered, state.plannedTotal) });
    }
    state.plannedTotal = undefined;
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
    // Every reason quotes what it rests on: the team's words or answers in this conversation.
    a = withPlans(withEvidence(a, state.provenance, state.profile), state.profile, state.plans);
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
      const remaining = rank(state).length;
      out.push(
        questionMessage(
          q,
          {
            done: answered,
            total: Math.max(state.plannedTotal ?? 0, answered + Math.max(1, Math.min(remaining, cap - answered))),
          },
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
        const now = describeFact(state.profile, c.key) ?? `${factLabel(c.key)}: ${String(c.after)}`;
        return c.before === undefined ? now : `${now} (was${wasText(c)})`;
      })
      .join('; ');
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
      ...recordFacts(state, corrections, 'corrected', at),
      ...recordFacts(state, fresh, 'stated', at),
      ...recordFacts(state, facts.model, 'model', at),
    ];
    recordStatements(state, facts.plans, facts.history);
    state.system ??= describedSystem(text);
    return { changes, found: facts.offline.length + facts.model.length, plans: facts.plans };
  }

  async function knowledge(state: ConversationState, text: string, ctx: AssistContext): Promise<TurnResult> {
    let answer: Answer;
    try {
      // After a recommendation, a model's answer is checked against it (no "adopt microservices" right
      // after a monolith verdict).
      const verdict = state.lastAssessment?.verdict;
      answer = await deps.answer(text, verdict ? { ...ctx, verdict } : ctx);
    } catch {
      answer = { answer: 'I couldn’t search my sources just now. Please try again.', citations: [], found: false };
    }
    return resume(state, [answerMessage(answer)]);
  }

  /** True while some answer to `q` could still change the verdict. */
  function stillInformative(state: ConversationState, q: Question): boolean {
    return rank(state).some((r) => r.question.id === q.id);
  }

  return { cap, proceed, recommend, resume, describeChanges, skip, absorb, knowledge, stillInformative, rank };
}

export type InterviewSteps = ReturnType<typeof createInterviewSteps>;

/** Why the interview ended before the announced number of questions. */
export function earlyStopText(done: number, planned: number): string {
  return `That’s all I need to ask: after ${done} of the ${planned} questions I planned, nothing else you could tell me would change my recommendation.`;
}

/** What a fact was before a change, in words ("3", "no on-call"). */
function wasText(c: FactChange): string {
  if (typeof c.before === 'number') return ` ${c.before}`;
  return `: ${describeFact({ [c.key]: c.before } as TeamProfile, c.key) ?? String(c.before)}`;
}
