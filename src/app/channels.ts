/**
 * The channel adapters `archie serve` mounts, in order. Each returns undefined when its settings are
 * absent, so a fresh machine runs with only the web chat.
 */
import { mountSlack } from '../channels/slack/mount-slack.js';
import { mountTeams } from '../channels/teams/mount-teams.js';
import { mountWeb } from '../channels/web/mount-web.js';
import { mountCheckins } from '../checkins/mount-checkins.js';
import type { MountChannel } from './channel.js';

export const CHANNELS: MountChannel[] = [mountSlack, mountTeams, mountWeb, mountCheckins];
