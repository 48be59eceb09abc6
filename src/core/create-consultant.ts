/**
 * The consultant every channel talks to. Every turn, with or without a model, takes one path: load the
 * conversation, run the interview, save it, notify listeners of a verdict; one turn at a time per
 * conversation. A model only changes the interview's helpers (`assist`). The interview, engine and
 * renderers do the work.
 */
import { answerQuestion } from './answers/answer-question.js';
import type { Assessment } from './assessment/assessment.js';
import { askForEssentials, describedSystem, missingEssentials, tooLittleToDecide } from './assessment/essentials.js';
import { withPlans } from './assessment/plan-triggers.js';
import { type Clock, systemClock } from './clock.js';
import { createConstrainedEngine } from './constraints/apply-constraints.js';
import type { Answer, AssessmentListener, Consultant } from './consultant.js';
import { ArchieError, toArchieError } from './errors.js';
import { createConversationStore, newConversationState } from './interview/conversation-state.js';
import { createInterview } from './interview/interview.js';
import { readFacts, validUpdates } from './interview/read-facts.js';
import { recordFacts, recordStatements } from './interview/record-facts.js';
import { DEFAULT_MAX_MESSAGE_CHARS, screenInput } from './interview/screen-input.js';
import type { KnowledgeBase } from './knowledge/knowledge.js';
import type { OutMessage, TurnContext } from './message.js';
import type { AssistContext, ModelAssist } from './model-assist/model-assist.js';
import { FACT_LABELS } from './profile/fact-labels.js';
import { type FactKey, type FactUpdate, type TeamProfile, teamProfileSchema } from './profile/profile.js';
import { withEvidence } from './render/reason-evidence.js';
import { createSerializeByKey, type SerializeByKey } from './serialize-by-key.js';
import type { KeyValueStore } from './store/key-value-store.js';

export interface ConsultantDeps {
  knowledge: KnowledgeBase;
  store: KeyValueStore;
  clock?: Clock;
  /** What a configured model adds (extraction, grounded answers, explanations); absent → offline engine. */
  assist?: ModelAssist;
  onAssessment?: AssessmentListener;
  limits?: { maxMessageChars?: number; questionCap?: number };
  /** Orders turns per conversation; default one process's queue (replicas pass one that also locks across them). */
  serialize?: SerializeByKey;
}

/** Builds the consultant over a knowledge base and a key-value store. */
export function createConsultant(deps: ConsultantDeps): Consultant {
  const clock = deps.clock ?? systemClock;
  const maxMessageChars = deps.limits?.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS;
  const conversations = createConversationStore(deps.store, { now: () => clock.now() });
  // The engine, through the organisation's constraints (KNOWLEDGE_DIRS) when its documents declare any.
  const engine = createConstrainedEngine(deps.knowledge);
  // Each assumption carries its fact's human name: every channel shows it.
  const assess = (profile: TeamProfile): Assessment => {
    const raw = engine.assess(profile);
    return { ...raw, assumptions: raw.assumptions.map((a) => ({ ...a, label: FACT_LABELS[a.fact] })) };
  };

  async function answer(question: string, ctx: AssistContext): Promise<Answer> {
    if (deps.assist) {
      try {
        const fromModel = await deps.assist.answer(question, ctx);
        if (fromModel) return fromModel;
      } catch {
        // The offline answer below is always available.
      }
    }
    return answerQuestion(question, deps.knowledge);
  }

  const interview = createInterview({
    assess,
    score: engine.score,
    answer,
    assist: deps.assist,
    now: () => clock.now(),
    maxMessageChars,
    questionCap: deps.limits?.questionCap,
  });

  // One turn at a time per conversation, so a double-click or a retried event cannot interleave saves.
  const serialise = deps.serialize ?? createSerializeByKey();

  async function notify(
    id: string,
    verdict: { profile: TeamProfile; assessment: Assessment } | undefined,
    channel: TurnContext['channel'],
  ): Promise<void> {
    if (!verdict || !deps.onAssessment) return;
    try {
      await deps.onAssessment({
        conversationId: id,
        profile: verdict.profile,
        assessment: verdict.assessment,
        at: clock.now(),
        channel,
      });
    } catch {
      // A failing listener (history, check-ins) must not cost the user their answer.
    }
  }

  const assistCtx = (id: string | undefined, ctx?: Partial<TurnContext>): AssistContext => ({
    conversationId: id,
    userId: ctx?.userId,
    channel: ctx?.channel,
    stream: ctx?.stream,
    signal: ctx?.signal,
  });

  /** The model's one-time notice for this conversation (budget or hourly allowance spent), as a message. */
  async function notice(id: string): Promise<OutMessage[]> {
    try {
      const text = await deps.assist?.takeNotice?.(id);
      return text ? [{ type: 'text', text }] : [];
    } catch {
      return []; // A notice is a courtesy; the turn's answer matters more.
    }
  }

  return {
    greet: (id, _ctx) =>
      serialise(id, async () => {
        // Greeting never throws away a conversation in progress: it picks up where the user left off.
        const state = await conversations.load(id);
        const result = state ? interview.welcomeBack(state) : interview.greet(newConversationState(clock.now()));
        await conversations.save(id, result.state);
        return result.messages;
      }),

    handle: (id, input, ctx) =>
      serialise(id, async () => {
        try {
          const state = (await conversations.load(id)) ?? newConversationState(clock.now());
          const result = await interview.handle(state, input, assistCtx(id, ctx));
          await conversations.save(id, result.state);
          const verdict = result.assessed && { profile: result.state.profile, assessment: result.assessed };
          await notify(id, verdict, ctx.channel);
          // Once per turn: tell the user when the model stepped aside, before the (offline) answer.
          return [...(await notice(id)), ...result.messages];
        } catch (error) {
          throw toArchieError(error, 'I couldn’t process that message. Please try again.');
        }
      }),

    assess: async (description, ctx) => {
      const screened = screenInput(description, maxMessageChars);
      if (!screened.ok) throw new ArchieError('bad_input', screened.message);
      const state = newConversationState(clock.now());
      // Who asks reaches the model helper, so the assessment counts against their hourly allowance.
      const facts = await readFacts(screened.text, {}, {}, deps.assist, assistCtx(undefined, ctx));
      recordFacts(state, facts.offline, 'stated', clock.now());
      recordFacts(state, facts.model, 'model', clock.now());
      recordStatements(state, facts.plans, facts.history);
      const missing = missingEssentials(state.profile, state.plans, describedSystem(screened.text));
      if (tooLittleToDecide(missing)) {
        throw new ArchieError('insufficient_input', askForEssentials(missing), { details: { missing } });
      }
      return {
        profile: state.profile,
        provenance: state.provenance,
        plans: state.plans,
        history: state.history,
        assessment: withPlans(
          withEvidence(assess(state.profile), state.provenance, state.profile),
          state.profile,
          state.plans,
        ),
      };
    },

    ask: async (question, ctx) => {
      const screened = screenInput(question, maxMessageChars);
      if (!screened.ok) throw new ArchieError('bad_input', screened.message);
      return answer(screened.text, assistCtx(undefined, ctx));
    },

    seed: (id, profile) =>
      serialise(id, async () => {
        const parsed = teamProfileSchema.safeParse(profile);
        if (!parsed.success) throw new ArchieError('bad_input', 'That team profile is not valid.');
        const state = (await conversations.load(id)) ?? newConversationState(clock.now());
        state.profile = {};
        state.provenance = {};
        const updates = validUpdates(
          Object.entries(parsed.data).map(([key, value]) => ({ key: key as FactKey, value }) as FactUpdate),
        );
        recordFacts(state, updates, 'answered', clock.now());
        state.lastAssessment = withEvidence(assess(state.profile), state.provenance, state.profile);
        state.phase = 'recommended';
        state.pending = undefined;
        await conversations.save(id, state);
      }),

    snapshot: async (id) => {
      const state = await conversations.load(id);
      if (!state || (!Object.keys(state.profile).length && !state.lastAssessment)) return undefined;
      return { profile: state.profile, assessment: state.lastAssessment };
    },
  };
}
