/**
 * The consultant's id for a Teams conversation: `teams:<tenant>:<conversation>`. The channel prefix keeps
 * every Teams activity (unauthenticated ones included, in local mode) out of Slack's `slack:…` and the web
 * chat's `web:…` conversations; the tenant keeps two organisations apart. Conversations stored before ids
 * were namespaced used the bare Teams id (see adopt-legacy-conversation.ts).
 */

/** Stands in for the tenant when an activity has none (the Emulator, some Bot Service channels). */
const NO_TENANT = '-';

export function teamsConversationId(conversation: { id: string; tenantId?: string }): string {
  return `teams:${conversation.tenantId || NO_TENANT}:${conversation.id}`;
}

/** True for a consultant id this module made (as opposed to a bare id stored by an older version). */
export const isTeamsConversationId = (id: string): boolean => id.startsWith('teams:');
