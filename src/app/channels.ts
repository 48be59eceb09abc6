/**
 * The channel adapters `archie serve` mounts, in order. Each is imported only when its settings turn it
 * on, so a fresh machine does not load Bolt (and, without Redis, BullMQ): smaller memory, faster start.
 * A mounted channel may still return undefined.
 */
import type { Config } from '../config/config-schema.js';
import type { MountChannel } from './channel.js';

export interface ChannelEntry {
  name: string;
  enabled(config: Config): boolean;
  load(): Promise<MountChannel>;
}

export const CHANNELS: ChannelEntry[] = [
  {
    name: 'slack',
    enabled: (config) => Boolean(config.slack),
    load: async () => (await import('../channels/slack/mount-slack.js')).mountSlack,
  },
  {
    // Always on: without an app id it serves local tools (Agents Playground, Emulator) unauthenticated.
    name: 'teams',
    enabled: () => true,
    load: async () => (await import('../channels/teams/mount-teams.js')).mountTeams,
  },
  {
    name: 'web',
    enabled: (config) => config.webChat,
    load: async () => (await import('../channels/web/mount-web.js')).mountWeb,
  },
  {
    name: 'checkins',
    enabled: (config) => config.checkins.enabled,
    load: async () => (await import('../checkins/mount-checkins.js')).mountCheckins,
  },
  {
    // Always on: expired records, idle web chats and (with CONVERSATION_RETENTION_DAYS) old conversations go.
    name: 'retention',
    enabled: () => true,
    load: async () => (await import('../retention/mount-retention.js')).mountRetention,
  },
];
