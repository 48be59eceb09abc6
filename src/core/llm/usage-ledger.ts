/**
 * Token usage per conversation, kept in the key-value store, and the per-conversation budget. When the
 * budget is spent, model calls stop (offline engine) and the user is told once.
 */
import type { Clock } from '../clock.js';
import type { KeyValueStore } from '../store/key-value-store.js';
import type { ModelUsage } from './chat-model.js';

export const BUDGET_NOTICE = "I've reached this conversation's model budget, continuing with the offline engine.";

export interface UsageRecord {
  promptTokens: number;
  completionTokens: number;
  calls: number;
  /** The most recent calls (capped), for cost review. */
  recent: Array<{ at: string; task: string; promptTokens: number; completionTokens: number }>;
  budgetReachedAt?: string;
  noticeShown?: boolean;
}

export interface UsageLedger {
  get(conversationId: string): Promise<UsageRecord>;
  /** False when the conversation has spent its budget (and marks the notice as due). */
  allow(conversationId: string): Promise<boolean>;
  record(conversationId: string, task: string, usage: ModelUsage): Promise<UsageRecord>;
  /** The one-time budget notice, if it is due and not yet shown. */
  takeNotice(conversationId: string): Promise<string | undefined>;
}

const RECENT = 50;
const TTL_MS = 90 * 24 * 60 * 60 * 1000;
const empty = (): UsageRecord => ({ promptTokens: 0, completionTokens: 0, calls: 0, recent: [] });

export function createUsageLedger(options: { store: KeyValueStore; clock: Clock; budget: number }): UsageLedger {
  const { store, clock, budget } = options;
  const key = (id: string) => `llm:usage:${id}`;
  const get = async (id: string) => ({ ...empty(), ...((await store.get<UsageRecord>(key(id))) ?? {}) });
  const put = (id: string, rec: UsageRecord) => store.set(key(id), rec, TTL_MS);
  const spent = (r: UsageRecord) => r.promptTokens + r.completionTokens;

  return {
    get,
    async allow(id) {
      // A budget of 0 means unlimited (the operator opted out of the cap).
      if (budget <= 0) return true;
      const rec = await get(id);
      if (spent(rec) < budget) return true;
      if (!rec.budgetReachedAt) await put(id, { ...rec, budgetReachedAt: clock.now().toISOString() });
      return false;
    },
    async record(id, task, usage) {
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
      if (budget > 0 && spent(next) >= budget && !next.budgetReachedAt)
        next.budgetReachedAt = clock.now().toISOString();
      await put(id, next);
      return next;
    },
    async takeNotice(id) {
      const rec = await get(id);
      if (!rec.budgetReachedAt || rec.noticeShown) return undefined;
      await put(id, { ...rec, noticeShown: true });
      return BUDGET_NOTICE;
    },
  };
}
