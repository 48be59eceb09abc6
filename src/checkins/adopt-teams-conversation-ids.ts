/**
 * Check-ins and history made in Teams before conversation ids were namespaced are stored under the bare
 * Teams conversation id. At start-up they move to `teams:<tenant>:<conversation>`, the id Teams turns use
 * now, so a team's check-ins keep comparing against its latest verdict. The tenant comes from the
 * check-in's target or the stored conversation reference. Runs once per store (a marker records it); the
 * interview state itself moves on the conversation's next activity (channels/teams/adopt-legacy-conversation.ts).
 */
import type Keyv from 'keyv';
import { loadConversationReference } from '../channels/teams/conversation-references.js';
import { isTeamsConversationId, teamsConversationId } from '../channels/teams/teams-conversation-id.js';
import type { Logger } from '../observability/create-logger.js';
import type { CheckinStore } from './checkin-store.js';
import type { HistoryStore } from './history-store.js';

const DONE_KEY = 'checkins:teams-ids-adopted';

export interface AdoptDeps {
  store: Keyv;
  checkins: CheckinStore;
  history: HistoryStore;
  logger: Logger;
}

export async function adoptTeamsConversationIds(deps: AdoptDeps): Promise<void> {
  if (await deps.store.get(DONE_KEY)) return;
  const tenantOf = async (conversationId: string) =>
    (await loadConversationReference(deps.store, conversationId))?.conversation?.tenantId;
  /** Old id → new id, for the records; history ids get theirs when they turn out to be Teams teams. */
  const renamed = new Map<string, string>();

  for (const record of await deps.checkins.all()) {
    if (record.target.channel !== 'teams' || isTeamsConversationId(record.conversationId)) continue;
    const tenantId = record.target.meta?.tenantId ?? (await tenantOf(record.target.key));
    const id = teamsConversationId({ id: record.conversationId, tenantId });
    renamed.set(record.conversationId, id);
    const meta = { ...record.target.meta, ...(tenantId ? { tenantId } : {}) };
    await deps.checkins.save({ ...record, conversationId: id, target: { ...record.target, meta } });
  }
  let moved = 0;
  for (const team of await deps.history.teams()) {
    if (isTeamsConversationId(team)) continue;
    // Only a Teams team's history moves (check-in entries carry no channel). A record that named another
    // channel's conversation (possible before namespacing) is detached from it, and that history stays.
    const entries = await deps.history.list(team);
    const teamsOnly = entries.every((e) => e.channel === 'teams' || e.channel === undefined);
    if (!teamsOnly || !entries.some((e) => e.channel === 'teams')) continue;
    const to = renamed.get(team) ?? teamsConversationId({ id: team, tenantId: await tenantOf(team) });
    await deps.history.move(team, to);
    moved += 1;
  }

  await deps.store.set(DONE_KEY, new Date().toISOString());
  if (renamed.size + moved > 0) {
    deps.logger.info({ checkins: renamed.size, histories: moved }, 'check-ins: Teams records moved to their new ids');
  }
}
