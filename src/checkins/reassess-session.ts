/**
 * The conversation a check-in starts: "what changed?" → only the questions about that change → a fresh
 * assessment from the stored profile plus the answers → the delta (verdict kept or changed, factors that
 * moved, sources). Sessions live in the shared store, so any replica can take the next button press.
 */
import type { Clock } from '../core/clock.js';
import type { Consultant } from '../core/consultant.js';
import { catalogueQuestion, type Question } from '../core/interview/questions.js';
import type { OutMessage } from '../core/message.js';
import type { TeamProfile } from '../core/profile/profile.js';
import type { KeyValueStore } from '../core/store/key-value-store.js';
import { ACTION_PREFIX } from './checkin-message.js';
import { CHANGE_LABELS, type ChangeKind, questionsFor } from './checkin-questions.js';
import { deltaMessage } from './describe-delta.js';
import { type HistoryEntry, type HistoryStore, historyEntry } from './history-store.js';

export interface SessionDeps {
  store: KeyValueStore;
  consultant: Pick<Consultant, 'seed' | 'snapshot'>;
  history: HistoryStore;
  clock: Clock;
}

interface Session {
  schemaVersion: 1;
  checkinId: string;
  conversationId: string;
  kind: ChangeKind;
  queue: string[];
  total: number;
  before: Omit<HistoryEntry, 'schemaVersion'>;
  profile: TeamProfile;
}

const SESSION_TTL_MS = 14 * 24 * 3_600_000;
const KEEP = 'keep';

export const answerValue = (checkinId: string, questionId: string, optionId: string) =>
  `${ACTION_PREFIX}answer:${checkinId}:${questionId}:${optionId}`;

function questionMessage(session: Session, q: Question): OutMessage {
  const known = q.facts.some((f) => session.profile[f] !== undefined);
  return {
    type: 'question',
    questionId: `checkin-${q.id}`,
    text: q.text,
    why: q.why,
    quickReplies: [
      ...q.options.map((o) => ({ label: o.label, value: answerValue(session.checkinId, q.id, o.id) })),
      { label: known ? 'No change' : 'Not sure', value: answerValue(session.checkinId, q.id, KEEP) },
    ],
    progress: { done: session.total - session.queue.length, total: session.total },
  };
}

export function createReassessSessions(deps: SessionDeps) {
  const key = (checkinId: string, conversationId: string) => `checkin:session:${checkinId}:${conversationId}`;

  /** The assessment the check-in compares against: history first, else the conversation's snapshot. */
  async function baseline(conversationId: string) {
    const latest = await deps.history.latest(conversationId);
    const snapshot = await deps.consultant.snapshot(conversationId);
    if (latest) {
      // Seed the conversation from the stored profile when its own state has gone (expired, new replica store).
      if (!snapshot) await deps.consultant.seed(conversationId, latest.profile);
      return latest;
    }
    if (snapshot?.assessment) {
      return historyEntry(snapshot.assessment, snapshot.profile, deps.clock.now(), 'conversation');
    }
    return undefined;
  }

  /** Re-assesses with the answers, records it in history, and describes the delta. */
  async function finish(session: Session): Promise<OutMessage[]> {
    await deps.consultant.seed(session.conversationId, session.profile);
    const snapshot = await deps.consultant.snapshot(session.conversationId);
    await deps.store.delete(key(session.checkinId, session.conversationId));
    if (!snapshot?.assessment) return [{ type: 'text', text: 'I couldn’t re-assess just now. Please try again.' }];
    const after = historyEntry(snapshot.assessment, snapshot.profile, deps.clock.now(), 'checkin');
    await deps.history.record(session.conversationId, after);
    if (session.before.engineVersion === 'none') {
      const pct = Math.round(after.confidence * 100);
      return [
        {
          type: 'text',
          text: `First assessment for this team: **${after.verdict}** (confidence ${pct}%). Ask “why?” in a conversation for the reasons.`,
          citations: after.citations,
        },
      ];
    }
    return [deltaMessage(session.before, after)];
  }

  return {
    /** "What changed?" was answered. */
    async start(checkinId: string, conversationId: string, kind: ChangeKind): Promise<OutMessage[]> {
      const before = await baseline(conversationId);
      if (!before && kind !== 'all') {
        return [
          {
            type: 'text',
            text: 'I have no assessment for this team yet, so there is nothing to compare. Choose “Update everything” or describe your system in a message.',
          },
        ];
      }
      const profile = before?.profile ?? {};
      const queue = questionsFor(kind);
      const session: Session = {
        schemaVersion: 1,
        checkinId,
        conversationId,
        kind,
        queue,
        total: queue.length,
        before: before ?? historyEntry(emptyAssessmentOf(), {}, deps.clock.now(), 'checkin'),
        profile,
      };
      if (!queue.length) {
        return [
          { type: 'text', text: 'Thanks. Re-checking the verdict with the same facts:' },
          ...(await finish(session)),
        ];
      }
      await deps.store.set(key(checkinId, conversationId), session, SESSION_TTL_MS);
      return [
        {
          type: 'text',
          text: `${CHANGE_LABELS[kind]}: I’ll ask only what that could change (${queue.length} question${queue.length === 1 ? '' : 's'}).`,
        },
        questionMessage(session, catalogueQuestion(queue[0]!)!),
      ];
    },

    /** A button on one of the check-in's questions. */
    async answer(checkinId: string, conversationId: string, questionId: string, optionId: string) {
      const session = (await deps.store.get<Session>(key(checkinId, conversationId))) as Session | undefined;
      if (session?.schemaVersion !== 1 || session.queue[0] !== questionId) {
        return [
          { type: 'text', text: 'That question was already answered (or the check-in expired).' },
        ] as OutMessage[];
      }
      const q = catalogueQuestion(questionId);
      const option = q?.options.find((o) => o.id === optionId);
      if (option) for (const u of option.updates) (session.profile as Record<string, unknown>)[u.key] = u.value;
      session.queue.shift();
      const next = session.queue[0] ? catalogueQuestion(session.queue[0]) : undefined;
      if (!next) return finish(session);
      await deps.store.set(key(checkinId, conversationId), session, SESSION_TTL_MS);
      return [questionMessage(session, next)];
    },
  };
}

/** "Update everything" for a team Archie never assessed: compare against no verdict at all. */
function emptyAssessmentOf() {
  return {
    verdict: 'monolith' as const,
    confidence: 0,
    scores: { monolith: 0, 'modular-monolith': 0, hybrid: 0, microservices: 0 },
    extractedServices: [],
    reasons: [],
    factors: [],
    risks: [],
    changeTriggers: [],
    nextSteps: [],
    assumptions: [],
    citations: [],
    engineVersion: 'none',
  };
}

export type ReassessSessions = ReturnType<typeof createReassessSessions>;
