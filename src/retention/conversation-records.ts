/**
 * Every record the store keeps about one consultant conversation, in one place, so a retention sweep and
 * an erasure request delete the same things: the consultant's state (`conv:`), its turn count (`turns:`),
 * the web chat transcript for `web:` conversations, and Teams' stored reference and reply-chain cursors
 * for `teams:` ones. Assessment history and check-ins have their own stores and are handled beside this.
 */
import type Keyv from 'keyv';

/** The web chat's own id for a consultant conversation id `web:<id>`. */
export const webIdOf = (conversationId: string): string | undefined =>
  conversationId.startsWith('web:') ? conversationId.slice('web:'.length) : undefined;

/** The keys holding a conversation's state and transcript (some may not exist). */
export function conversationKeys(conversationId: string): string[] {
  const keys = [`conv:${conversationId}`, `turns:${conversationId}`];
  const webId = webIdOf(conversationId);
  if (webId) keys.push(`web:history:${webId}`);
  return keys;
}

/** Deletes a conversation's state and transcript; returns the keys that existed. */
export async function deleteConversation(store: Keyv, conversationId: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const key of conversationKeys(conversationId)) {
    if (await store.delete(key)) deleted.push(key);
  }
  return deleted;
}
