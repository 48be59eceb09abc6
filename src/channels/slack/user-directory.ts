/**
 * What Archie needs to know about a Slack user, from users.info (scope `users:read`): their time zone
 * (check-in schedules) and the name people see in the channel (who said what in a thread). Cached in the
 * shared store for a day, so a thread of 40 messages by four people costs four lookups, once.
 */
import type { webApi } from '@slack/bolt';
import type Keyv from 'keyv';
import type { Logger } from '../../observability/create-logger.js';

const TTL_MS = 24 * 3_600_000;

interface UserInfo {
  /** IANA time zone, when Slack has one. */
  tz?: string;
  /** Display name, else real name, else the username. */
  name?: string;
}

export interface UserDirectory {
  /** The user's time zone, or undefined when Slack does not say (or cannot be asked). */
  timeZone(userId: string | undefined): Promise<string | undefined>;
  /** "@ana" as the channel shows the user; their id when Slack cannot be asked. */
  handle(userId: string): Promise<string>;
}

export function createUserDirectory(client: webApi.WebClient, store: Keyv, logger: Logger): UserDirectory {
  const info = async (userId: string): Promise<UserInfo> => {
    const key = `slack:user:${userId}`;
    const cached = (await store.get(key)) as UserInfo | undefined;
    if (cached) return cached;
    try {
      const { user } = await client.users.info({ user: userId });
      const name = [user?.profile?.display_name, user?.real_name, user?.name].find((n) => n?.trim())?.trim();
      const found: UserInfo = { ...(user?.tz ? { tz: user.tz } : {}), ...(name ? { name } : {}) };
      await store.set(key, found, TTL_MS);
      return found;
    } catch (error) {
      logger.debug({ err: error }, 'Slack users.info failed');
      return {};
    }
  };
  return {
    timeZone: async (userId) => (userId ? (await info(userId)).tz : undefined),
    handle: async (userId) => `@${(await info(userId)).name ?? userId}`,
  };
}
