/**
 * Erasure requests: everything Archie stores about a conversation, a team or a person, deleted from every
 * store, with a count of what went. What is a team's or a person's:
 * - a conversation (`--conversation`): the id as `archie history` shows it, or its last part when only one
 *   conversation ends with it;
 * - a team (`--team`): a Slack workspace or Teams tenant id (every conversation in it), or an id prefix such
 *   as `slack:T0123:C0456` (a channel and all its threads);
 * - a person (`--user`): their direct conversations with Archie (Slack DMs, Teams personal chats; the web
 *   chat has no accounts), and every record keyed by their id: profile cache, greeting marker, pointers to
 *   their DM and latest conversation, rate-limit and model-token counters. Check-ins they created stay with the
 *   team, without their name.
 * For each conversation: its state, web transcript, assessment history, check-ins (with their delivery
 * markers and sessions), Teams reference and reply-chain cursors, Slack thread and pointer records,
 * delivery (dedupe) markers that name it, and its counters.
 */
import type Keyv from 'keyv';
import type { CheckinStore } from '../checkins/checkin-store.js';
import type { HistoryStore } from '../checkins/history-store.js';
import { scanKeys } from '../store/scan-keys.js';
import { conversationKeys } from './conversation-records.js';

export type ErasureSubject = { kind: 'conversation' | 'team' | 'user'; id: string };

export interface ErasureStores {
  store: Keyv;
  history: HistoryStore;
  checkins: CheckinStore;
}

export interface ErasureReport {
  subject: ErasureSubject;
  conversations: string[];
  removed: {
    /** The consultant's state of each conversation. */
    conversationState: number;
    webTranscripts: number;
    historyEntries: number;
    checkins: number;
    /** Markers, counters, caches and pointers (Slack, Teams, rate limits, model tokens). */
    otherRecords: number;
  };
}

/** The subject named ambiguously (several conversations end with it): the caller lists them. */
export class AmbiguousSubject extends Error {
  constructor(readonly matches: string[]) {
    super(`matches ${matches.length} conversations`);
  }
}

export async function erase(stores: ErasureStores, subject: ErasureSubject): Promise<ErasureReport> {
  const report: ErasureReport = {
    subject,
    conversations: [],
    removed: { conversationState: 0, webTranscripts: 0, historyEntries: 0, checkins: 0, otherRecords: 0 },
  };
  const known = await knownConversations(stores);
  const conversations =
    subject.kind === 'conversation'
      ? resolveConversation(known, subject.id)
      : subject.kind === 'team'
        ? inTeam(known, subject.id)
        : await ofUser(stores.store, known, subject.id);
  report.conversations = conversations;
  for (const id of conversations) await eraseConversation(stores, id, report);
  if (subject.kind === 'user') await eraseUserRecords(stores, subject.id, report);
  return report;
}

/** Every conversation id the stores know of: state, web transcripts, history, check-ins. */
async function knownConversations({ store, history, checkins }: ErasureStores): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const key of scanKeys(store, 'conv:')) ids.add(key.slice('conv:'.length));
  for await (const key of scanKeys(store, 'web:history:')) ids.add(`web:${key.slice('web:history:'.length)}`);
  for (const team of await history.teams()) ids.add(team);
  for (const checkin of await checkins.all()) ids.add(checkin.conversationId);
  return ids;
}

function resolveConversation(known: Set<string>, given: string): string[] {
  if (known.has(given)) return [given];
  const matches = [...known].filter((id) => id.endsWith(`:${given}`));
  if (matches.length > 1) throw new AmbiguousSubject(matches.sort());
  return matches;
}

/** `T0123` names a Slack workspace or a Teams tenant; anything with a colon is an id prefix. */
function inTeam(known: Set<string>, given: string): string[] {
  const prefixes = given.includes(':') ? [given] : [`slack:${given}`, `teams:${given}`];
  return [...known].filter((id) => prefixes.some((p) => id === p || id.startsWith(`${p}:`))).sort();
}

/** A person's own conversations: their Slack DM channel (all its threads) and Teams personal chats. */
async function ofUser(store: Keyv, known: Set<string>, userId: string): Promise<string[]> {
  const mine = new Set<string>();
  const dmChannels = new Set<string>();
  // Recorded on each DM turn (`slack:dm:<team>:<user>`); older data has only the latest-conversation pointer.
  for await (const key of scanKeys(store, 'slack:dm:')) {
    const channel = await store.get<string>(key);
    if (key.endsWith(`:${userId}`) && typeof channel === 'string')
      dmChannels.add(`slack:${key.split(':')[2]}:${channel}`);
  }
  for await (const key of scanKeys(store, 'slack:latest:user:')) {
    if (!key.endsWith(`:${userId}`)) continue;
    const latest = await store.get<string>(key);
    const [channel, team, dm] = typeof latest === 'string' ? latest.split(':') : [];
    // A DM channel (D…) is between this person and Archie; a channel conversation is the team's.
    if (channel === 'slack' && team && dm?.startsWith('D')) dmChannels.add(`slack:${team}:${dm}`);
  }
  for (const base of dmChannels) {
    for (const id of known) if (id === base || id.startsWith(`${base}:`)) mine.add(id);
  }
  for await (const key of scanKeys(store, 'teams:ref:')) {
    const reference = parseJson(await store.get(key)) as {
      user?: { id?: string };
      conversation?: { id?: string; conversationType?: string; tenantId?: string };
    };
    const conversation = reference?.conversation;
    if (reference?.user?.id === userId && conversation?.conversationType === 'personal' && conversation.id) {
      // Added even with no state yet: the stored reference alone is theirs.
      mine.add(`teams:${conversation.tenantId || '-'}:${conversation.id}`);
    }
  }
  return [...mine].sort();
}

async function eraseConversation(stores: ErasureStores, id: string, report: ErasureReport): Promise<void> {
  const { store, history, checkins } = stores;
  const { removed } = report;
  for (const key of conversationKeys(id)) {
    if (!(await store.delete(key))) continue;
    if (key.startsWith('conv:')) removed.conversationState++;
    else if (key.startsWith('web:history:')) removed.webTranscripts++;
    else removed.otherRecords++;
  }
  removed.historyEntries += await history.remove(id);
  for (const checkin of await checkins.all()) {
    if (checkin.conversationId !== id) continue;
    await checkins.remove(checkin.id);
    removed.checkins++;
    removed.otherRecords += await deletePrefix(store, `checkin:sent:${checkin.id}:`);
    removed.otherRecords += await deletePrefix(store, `checkin:session:${checkin.id}:`);
  }
  // Records named after the conversation: greeting and dedupe markers, token usage, rate-limit windows.
  removed.otherRecords += await deleteKeys(store, [`teams:welcomed:${id}`, `llm:usage:${id}`]);
  for (const prefix of [`teams:seen:${id}:`, `limit:conv:${id}:`, `limit:llm-tokens:conv:${id}:`]) {
    removed.otherRecords += await deletePrefix(store, prefix);
  }
  removed.otherRecords += await deleteWhere(store, 'checkin:session:', (key) => key.endsWith(`:${id}`));

  const [channel, scope, place, thread] = splitId(id);
  if (channel === 'teams' && place) {
    removed.otherRecords += await deleteKeys(store, [
      `teams:ref:${place}`,
      `teams:chain-read:${place}`,
      `teams:chain-unread-noted:${place}`,
    ]);
  }
  if (channel === 'slack' && scope && place) {
    if (thread) {
      removed.otherRecords += await deleteKeys(store, [
        `slack:thread:${place}:${thread}`,
        `slack:assistant-context:${place}:${thread}`,
      ]);
    }
    // Pointers to this conversation as someone's or some channel's latest.
    removed.otherRecords += await deleteWhere(
      store,
      `slack:latest:channel:${place}`,
      async (key) => (await store.get(key)) === id,
    );
    removed.otherRecords += await deleteWhere(
      store,
      `slack:latest:user:${scope}:`,
      async (key) => (await store.get(key)) === id,
    );
  }
}

async function eraseUserRecords(stores: ErasureStores, userId: string, report: ErasureReport): Promise<void> {
  const { store, checkins } = stores;
  const { removed } = report;
  const endsWithUser = (key: string) => key.endsWith(`:${userId}`);
  removed.otherRecords += await deleteKeys(store, [`slack:user:${userId}`]);
  removed.otherRecords += await deleteWhere(store, 'slack:greeted:', endsWithUser);
  removed.otherRecords += await deleteWhere(store, 'slack:latest:user:', endsWithUser);
  removed.otherRecords += await deleteWhere(store, 'slack:dm:', endsWithUser);
  // Per-person windows: `limit:user:<channel>:<user>:<window>`, `limit:llm-tokens:<channel>:<user>:<window>`.
  removed.otherRecords += await deleteWhere(store, 'limit:', (key) => key.includes(`:${userId}:`));
  for (const checkin of await checkins.all()) {
    if (checkin.createdBy !== userId) continue;
    const { createdBy: _gone, ...kept } = checkin;
    await checkins.save(kept);
    removed.otherRecords++;
  }
}

/** `slack:T1:C2:170.1` → ['slack', 'T1', 'C2', '170.1']; Teams ids keep their own colons in the last part. */
function splitId(id: string): [string, string?, string?, string?] {
  const [channel, scope, ...rest] = id.split(':');
  if (channel === 'teams') return [channel, scope, rest.join(':') || undefined];
  return [channel ?? '', scope, rest[0], rest[1]];
}

async function deleteKeys(store: Keyv, keys: string[]): Promise<number> {
  let count = 0;
  for (const key of keys) if (await store.delete(key)) count++;
  return count;
}

async function deletePrefix(store: Keyv, prefix: string): Promise<number> {
  return deleteWhere(store, prefix, () => true);
}

async function deleteWhere(
  store: Keyv,
  prefix: string,
  matches: (key: string) => boolean | Promise<boolean>,
): Promise<number> {
  const doomed: string[] = [];
  for await (const key of scanKeys(store, prefix)) if (await matches(key)) doomed.push(key);
  return deleteKeys(store, doomed);
}

function parseJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
