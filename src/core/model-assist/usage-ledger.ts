/**
 * Token usage per conversation, kept in the key-value store, the per-conversation budget and the per-user
 * hourly allowance. When either is spent, model calls stop (offline engine) and the user is told once.
 */
import type { Clock } from '../clock.js';
import { createFixedWindowCounter } from '../limits/fixed-window-counter.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import type { ModelUsage } from './chat-model.js';

export const BUDGET_NOTICE = "I've reached this conversation's model budget, continuing with the offline engine.";

const HOUR_MS = 60 * 60 * 1000;

/** The one-time notice when a user's hourly model-token allowance is spent (`until` is when it resets). */
export function allowanceNotice(until: Date): string {
  const hhmm = until.toISOString().slice(11, 16);
  return `You've used this hour's model allowance; I'm answering with the offline engine until ${hhmm} UTC.`;
}

/** Who a model call is for: the conversation (budget) and the user (hourly allowance). */
export interface UsageSubject {
  conversationId?: string;
  /** Channel-qualified user id ("slack:U123"); falls back to the conversation. */
  userKey?: string;
}

export interface UsageRecord {
  promptTokens: number;
  completionTokens: number;
  calls: number;
  /** The most recent calls (capped), for cost review. */
  recent: Array<{ at: string; task: string; promptTokens: number; completionTokens: number }>;
  /** When a model call was first refused for the budget (the notice is due from then: the turn goes offline). */
  budgetReachedAt?: string;
  noticeShown?: boolean;
  /** When the user's hourly allowance, spent in this conversation, resets (ISO). */
  allowanceUntil?: string;
  /** The `allowanceUntil` whose notice this conversation has shown. */
  allowanceNoticeShown?: string;
}

export interface UsageLedger {
  get(conversationId: string): Promise<UsageRecord>;
  /** False when the conversation's budget or the user's hourly allowance is spent (and marks the notice as due). */
  allow(subject: UsageSubject): Promise<boolean>;
  record(subject: UsageSubject, task: string, usage: ModelUsage): Promise<UsageRecord | undefined>;
  /** The one-time budget or allowance notice, if it is due and not yet shown in this conversation. */
  takeNotice(conversationId: string): Promise<string | undefined>;
}

const RECENT = 50;
const TTL_MS = 90 * 24 * 60 * 60 * 1000;
const empty = (): UsageRecord => ({ promptTokens: 0, completionTokens: 0, calls: 0, recent: [] });

/** `budget` is tokens per conversation, `tokensPerHour` tokens per user per clock hour; 0 = unlimited. */
export function createUsageLedger(options: {
  store: KeyValueStore;
  clock: Clock;
  budget: number;
  tokensPerHour?: number;
}): UsageLedger {
  const { store, clock, budget } = options;
  const perHour = options.tokensPerHour ?? 0;
  const hourly = createFixedWindowCounter(store, clock, HOUR_MS);
  // A call that names neither a user nor a conversation shares one allowance: nobody is unlimited.
  const userKey = (s: UsageSubject) =>
    `llm-tokens:${s.userKey ?? (s.conversationId ? `conv:${s.conversationId}` : 'anonymous')}`;
  const key = (id: string) => `llm:usage:${id}`;
  const get = async (id: string) => ({ ...empty(), ...((await store.get<UsageRecord>(key(id))) ?? {}) });
  const put = (id: string, rec: UsageRecord) => store.set(key(id), rec, TTL_MS);
  const spent = (r: UsageRecord) => r.promptTokens + r.completionTokens;

  async function allowConversation(id: string): Promise<boolean> {
    // A budget of 0 means unlimited (the operator opted out of the cap).
    if (budget <= 0) return true;
    const rec = await get(id);
    if (spent(rec) < budget) return true;
    if (!rec.budgetReachedAt) await put(id, { ...rec, budgetReachedAt: clock.now().toISOString() });
    return false;
  }

  async function allowUser(subject: UsageSubject): Promise<boolean> {
    const key = userKey(subject);
    if (perHour <= 0) return true;
    if ((await hourly.peek(key)) < perHour) return true;
    const id = subject.conversationId;
    if (id) {
      const now = clock.now().getTime();
      const until = new Date((Math.floor(now / HOUR_MS) + 1) * HOUR_MS).toISOString();
      const rec = await get(id);
      if (rec.allowanceUntil !== until) await put(id, { ...rec, allowanceUntil: until });
    }
    return false;
  }

  return {
    get,
    async allow(subject) {
      if (subject.conversationId && !(await allowConversation(subject.conversationId))) return false;
      return allowUser(subject);
    },
    async record(subject, task, usage) {
      const key = userKey(subject);
      if (perHour > 0) await hourly.add(key, usage.promptTokens + usage.completionTokens);
      const id = subject.conversationId;
      if (!id) return undefined;
      const rec = await get(id);
      const next: UsageRecord = {
        ...rec,
        promptTokens: rec.promptTokens + usage.promptTokens,
        completionTokens: rec.completionTokens + usage.completionTokens,
        calls: rec.calls + 1,
        recent: [
          ...rec.recent,
          {
            at: clock.now().toISOString(),
            task,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
          },
        ].slice(-RECENT),
      };
      await put(id, next);
      return next;
    },
    async takeNotice(id) {
      const rec = await get(id);
      if (rec.budgetReachedAt && !rec.noticeShown) {
        await put(id, { ...rec, noticeShown: true });
        return BUDGET_NOTICE;
      }
      const until = rec.allowanceUntil;
      if (!until || rec.allowanceNoticeShown === until || Date.parse(until) <= clock.now().getTime()) return undefined;
      await put(id, { ...rec, allowanceNoticeShown: until });
      return allowanceNotice(new Date(until));
    },
  };
}
