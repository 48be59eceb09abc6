/**
 * Single-workspace authorization for Bolt that survives a Slack outage at start-up. Bolt's built-in one
 * calls auth.test once in the constructor and caches the promise, so one failed call leaves the app deaf
 * (every event "not authorized") or crashes the process on the unhandled rejection. This one caches only
 * success and retries on the next event.
 */
import type { Authorize, webApi } from '@slack/bolt';

export interface SlackIdentity {
  botId: string;
  botUserId: string;
  teamId?: string;
}

export function createAuthorize(client: webApi.WebClient, botToken: string) {
  let identity: Promise<SlackIdentity> | undefined;
  const load = (): Promise<SlackIdentity> => {
    identity ??= client.auth
      .test({ token: botToken })
      .then((r) => ({ botId: r.bot_id ?? '', botUserId: r.user_id ?? '', teamId: r.team_id }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    return identity;
  };
  const authorize: Authorize<boolean> = async () => {
    const { botId, botUserId } = await load();
    return { botToken, botId, botUserId };
  };
  return { authorize, identity: load };
}
