/**
 * Assessment history per team (per conversation): every verdict with its date, facts and the factors
 * behind it, newest last, bounded so a chatty team cannot grow a record without limit.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Assessment, Citation, FactorResult, Verdict } from '../core/assessment/assessment.js';
import type { TeamProfile } from '../core/profile/profile.js';
import { createSerializeByKey, type SerializeByKey } from '../core/serialize-by-key.js';
import type { KeyValueStore } from '../core/store/key-value-store.js';
import type { IdIndex } from './id-index.js';

export interface HistoryEntry {
  schemaVersion: 1;
  at: string;
  verdict: Verdict;
  confidence: number;
  scores: Record<Verdict, number>;
  profile: TeamProfile;
  factors: Pick<FactorResult, 'id' | 'label' | 'contributions' | 'explanation' | 'facts' | 'citations'>[];
  citations: Citation[];
  engineVersion: string;
  /** Where the verdict came from: a conversation or a check-in re-assessment. */
  source: 'conversation' | 'checkin';
  channel?: string;
}

export interface HistoryStore {
  record(conversationId: string, entry: Omit<HistoryEntry, 'schemaVersion'>): Promise<void>;
  list(conversationId: string): Promise<HistoryEntry[]>;
  latest(conversationId: string): Promise<HistoryEntry | undefined>;
  teams(): Promise<string[]>;
  /** Moves a team's entries to another id (merged in date order with any already there). */
  move(from: string, to: string): Promise<void>;
  /** Drops entries dated before `before` (retention); a team left with none leaves the list. How many went. */
  prune(conversationId: string, before: Date): Promise<number>;
  /** Deletes a team's whole history (erasure); how many entries went. */
  remove(conversationId: string): Promise<number>;
}

export const DEFAULT_HISTORY_LIMIT = 100;

/** The entry for an assessment (compact: factors without the engine's intermediate detail). */
export function historyEntry(
  assessment: Assessment,
  profile: TeamProfile,
  at: Date,
  source: HistoryEntry['source'],
  channel?: string,
): Omit<HistoryEntry, 'schemaVersion'> {
  return {
    at: at.toISOString(),
    verdict: assessment.verdict,
    confidence: assessment.confidence,
    scores: assessment.scores,
    profile,
    factors: assessment.factors.map(({ id, label, contributions, explanation, facts, citations }) => ({
      id,
      label,
      contributions,
      explanation,
      facts,
      citations,
    })),
    citations: assessment.citations,
    engineVersion: assessment.engineVersion,
    source,
    ...(channel ? { channel } : {}),
  };
}

/** Same verdict, confidence, facts and source as the last entry: nothing to add. */
function sameAssessment(last: HistoryEntry | undefined, next: Omit<HistoryEntry, 'schemaVersion'>): boolean {
  return (
    last !== undefined &&
    last.verdict === next.verdict &&
    last.confidence === next.confidence &&
    last.source === next.source &&
    last.engineVersion === next.engineVersion &&
    isDeepStrictEqual(last.profile, next.profile)
  );
}

const isEntry = (raw: unknown): raw is HistoryEntry => {
  const e = raw as Partial<HistoryEntry> | undefined;
  return Boolean(e && e.schemaVersion === 1 && typeof e.at === 'string' && typeof e.verdict === 'string');
};

export function createHistoryStore(
  store: KeyValueStore,
  teams: IdIndex,
  options: {
    limit?: number;
    /** Orders appends per team; replicas pass one that also locks across them (store/turn-lock.ts). */
    serialize?: SerializeByKey;
  } = {},
): HistoryStore {
  const limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
  const key = (id: string) => `history:${id}`;
  // Appends to one team are serialised (across replicas when given a shared lock); a check-in and a
  // conversation can record the same team's verdict at once.
  const serialise = options.serialize ?? createSerializeByKey();
  const list = async (id: string) => {
    const raw = await store.get<unknown>(key(id));
    return Array.isArray(raw) ? raw.filter(isEntry) : [];
  };
  return {
    record: (id, entry) =>
      serialise(key(id), async () => {
        const entries = await list(id);
        // A re-assessment that changed nothing is not a new point in the team's history.
        if (sameAssessment(entries.at(-1), entry)) return;
        entries.push({ schemaVersion: 1, ...entry });
        await store.set(key(id), entries.slice(-limit));
        await teams.add(id);
      }),
    list,
    latest: async (id) => (await list(id)).at(-1),
    teams: () => teams.list(),
    move: (from, to) =>
      serialise(key(to), async () => {
        const moving = await list(from);
        if (!moving.length) return;
        const entries = [...(await list(to)), ...moving].sort((a, b) => a.at.localeCompare(b.at));
        await store.set(key(to), entries.slice(-limit));
        await teams.add(to);
        await store.delete(key(from));
        await teams.remove(from);
      }),
    prune: (id, before) =>
      serialise(key(id), async () => {
        const entries = await list(id);
        const kept = entries.filter((e) => Date.parse(e.at) >= before.getTime());
        if (kept.length === entries.length) return 0;
        if (kept.length) await store.set(key(id), kept);
        else {
          await store.delete(key(id));
          await teams.remove(id);
        }
        return entries.length - kept.length;
      }),
    remove: (id) =>
      serialise(key(id), async () => {
        const entries = await list(id);
        await store.delete(key(id));
        await teams.remove(id);
        return entries.length;
      }),
  };
}
