/**
 * A conversation's durable state, stored as one record per conversation (`conv:<id>`). Records written by
 * older versions (or damaged ones) are migrated or dropped field by field, never thrown on.
 */
import type { Assessment } from '../assessment/assessment.js';
import { FACT_SOURCES, type FactKey, type FactSource, type Provenance, type TeamProfile } from '../profile/profile.js';
import { validFactValue } from '../profile/valid-fact.js';
import type { PastFact, Plan } from '../reading/reading.js';
import type { KeyValueStore } from '../store/key-value-store.js';

export const PHASES = ['greeting', 'describing', 'questioning', 'recommended'] as const;
export type Phase = (typeof PHASES)[number];

export interface FeedbackRecord {
  value: 'up' | 'down';
  verdict?: string;
  at: string;
}

export interface ConversationState {
  schemaVersion: 1;
  phase: Phase;
  profile: TeamProfile;
  provenance: Provenance;
  /** Question ids the user answered. */
  asked: string[];
  /** Question ids the user skipped or was not sure about (the engine assumes instead). */
  skipped: string[];
  /** The question we are waiting on, if any. */
  pending?: string;
  /** Questions announced so far ("Question 2 of 3"); never shrinks within an interview. */
  plannedTotal?: number;
  turns: number;
  lastAssessment?: Assessment;
  /** What the team plans, wonders about, or was proposed (not today's state), latest statement last. */
  plans: Plan[];
  /** Past states the team described ("we used to self-host"). */
  history: PastFact[];
  /** The words that first named the team's system ("an agent platform"), whether or not facts were read. */
  system?: string;
  feedback: FeedbackRecord[];
  createdAt: string;
  updatedAt: string;
}

/** A fresh conversation at the greeting. */
export function newConversationState(at: Date): ConversationState {
  const iso = at.toISOString();
  return {
    schemaVersion: 1,
    phase: 'greeting',
    profile: {},
    provenance: {},
    asked: [],
    skipped: [],
    turns: 0,
    plans: [],
    history: [],
    feedback: [],
    createdAt: iso,
    updatedAt: iso,
  };
}

/** A fresh interview for a user starting over: the facts go, their feedback on earlier verdicts stays. */
export function startOver(previous: ConversationState, at: Date): ConversationState {
  const fresh = newConversationState(at);
  fresh.feedback = previous.feedback;
  fresh.phase = 'describing';
  return fresh;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Keeps each profile field that still validates, so one bad field does not lose the rest. */
function cleanProfile(raw: unknown): TeamProfile {
  if (!isRecord(raw)) return {};
  const profile: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (validFactValue(key, value) !== undefined) profile[key] = value;
  }
  return profile as TeamProfile;
}

/** Source names stored before facts said how they were obtained in these words. */
const OLD_SOURCES: Record<string, FactSource> = { extracted: 'stated', answer: 'answered', correction: 'corrected' };

function cleanProvenance(raw: unknown, profile: TeamProfile): Provenance {
  if (!isRecord(raw)) return {};
  const out: Provenance = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in profile) || !isRecord(value) || typeof value.source !== 'string') continue;
    const source = FACT_SOURCES.find((s) => s === value.source) ?? OLD_SOURCES[value.source] ?? 'stated';
    out[key as FactKey] = {
      source,
      evidence: typeof value.evidence === 'string' ? value.evidence : undefined,
      ...(isSpan(value.span) ? { span: value.span } : {}),
      ...(typeof value.speaker === 'string' ? { speaker: value.speaker } : {}),
      at: typeof value.at === 'string' ? value.at : new Date(0).toISOString(),
    };
  }
  return out;
}

const isSpan = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

const MODALITIES = new Set(['planned', 'hypothetical', 'proposal', 'past']);

/** Stored plans or history entries that still make sense (valid fact, known modality, evidence). */
function cleanStatements<T extends Plan | PastFact>(raw: unknown, past: boolean): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (s): s is T =>
      isRecord(s) &&
      typeof s.key === 'string' &&
      validFactValue(s.key, s.value) !== undefined &&
      typeof s.modality === 'string' &&
      MODALITIES.has(s.modality) &&
      (s.modality === 'past') === past &&
      typeof s.evidence === 'string',
  );
}

/**
 * Brings any stored record to the current shape. Version 0 (before `schemaVersion`) stored
 * `{ stage, facts, answered, skipped, pendingQuestion, lastAssessment }`. Returns undefined for records
 * that are not conversations or come from a newer Archie (starting over beats misreading them).
 */
export function migrateConversationState(raw: unknown, at: Date): ConversationState | undefined {
  if (!isRecord(raw)) return undefined;
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > 1) return undefined;
  const base = newConversationState(at);
  const v0 = version === 0;
  const profile = cleanProfile(v0 ? (raw.facts ?? raw.profile) : raw.profile);
  const phaseRaw = v0 ? (raw.stage ?? raw.phase) : raw.phase;
  const phaseMap: Record<string, Phase> = { questions: 'questioning', done: 'recommended', start: 'greeting' };
  const phase =
    PHASES.find((p) => p === phaseRaw) ??
    (typeof phaseRaw === 'string' ? phaseMap[phaseRaw] : undefined) ??
    'describing';
  const pending = v0 ? (raw.pendingQuestion ?? raw.pending) : raw.pending;
  const assessment =
    isRecord(raw.lastAssessment) && typeof raw.lastAssessment.verdict === 'string' ? raw.lastAssessment : undefined;
  const state: ConversationState = {
    ...base,
    phase: phase === 'recommended' && !assessment ? 'describing' : phase,
    profile,
    provenance: cleanProvenance(raw.provenance, profile),
    asked: strings(v0 ? (raw.answered ?? raw.asked) : raw.asked),
    skipped: strings(raw.skipped),
    pending: typeof pending === 'string' ? pending : undefined,
    plannedTotal: typeof raw.plannedTotal === 'number' ? raw.plannedTotal : undefined,
    turns: typeof raw.turns === 'number' && raw.turns >= 0 ? raw.turns : 0,
    lastAssessment: assessment as Assessment | undefined,
    plans: cleanStatements<Plan>(raw.plans, false),
    history: cleanStatements<PastFact>(raw.history, true),
    system: typeof raw.system === 'string' && raw.system.length <= 200 ? raw.system : undefined,
    feedback: Array.isArray(raw.feedback) ? (raw.feedback.filter(isRecord) as unknown as FeedbackRecord[]) : [],
    createdAt: typeof raw.createdAt === 'string' ? raw.createdAt : base.createdAt,
    updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : base.updatedAt,
  };
  if (state.phase === 'questioning' && !state.pending) state.phase = 'describing';
  return state;
}

/**
 * Records are saved as one JSON string: keyv's own serializer walks objects key by key in JavaScript, and
 * on a stored recommendation (~11 KB) that cost more CPU than the rest of the turn; a string goes through it
 * as a single native JSON call. Records saved as objects (before this, or by hand) still load.
 */
function decodeRecord(stored: unknown): unknown {
  if (typeof stored !== 'string' || !stored.startsWith('{')) return stored;
  try {
    return JSON.parse(stored);
  } catch {
    return undefined;
  }
}

export interface ConversationStore {
  load(conversationId: string): Promise<ConversationState | undefined>;
  save(conversationId: string, state: ConversationState): Promise<void>;
  delete(conversationId: string): Promise<void>;
}

/** A stored record (string or object, any version) as the current state; undefined when there is none. */
export function decodeConversation(stored: unknown, at: Date): ConversationState | undefined {
  return migrateConversationState(decodeRecord(stored), at);
}

/** The record saved for a state (updatedAt set to `at`). */
export function encodeConversation(state: ConversationState, at: Date): string {
  return JSON.stringify({ ...state, updatedAt: at.toISOString() });
}

/** Conversation records in the shared key-value store, migrated on read. */
export function createConversationStore(
  store: KeyValueStore,
  options: { now?: () => Date; ttlMs?: number } = {},
): ConversationStore {
  const now = options.now ?? (() => new Date());
  const key = (id: string) => `conv:${id}`;
  return {
    load: async (id) => decodeConversation(await store.get(key(id)), now()),
    save: async (id, state) => {
      await store.set(key(id), encodeConversation(state, now()), options.ttlMs);
    },
    delete: async (id) => {
      await store.delete(key(id));
    },
  };
}
