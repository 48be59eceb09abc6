/**
 * Mounts Archie's Slack app: DMs and the agent container, @mentions and their threads (read when Archie is
 * asked into one), the "Ask Archie about this thread" shortcut, `/archie`, buttons and the App Home, over HTTP on the shared server (POST /slack/events) or Socket Mode. Off (undefined)
 * without Slack settings; load-config already rejected incomplete ones.
 */
import { webApi } from '@slack/bolt';
import type { MountChannel, MountedChannel } from '../../app/channel.js';
import { createAskAboutThread } from './ask-about-thread.js';
import { registerCheckinModal } from './checkin-modal.js';
import { createBoltApp, SLACK_EVENTS_PATH } from './create-bolt-app.js';
import { dedupeDeliveries } from './dedupe-deliveries.js';
import { ignoreBots } from './ignore-bots.js';
import { ignoreMalformed } from './ignore-malformed.js';
import { createReplyPoster } from './post-replies.js';
import { createSlackThreadReader } from './read-slack-thread.js';
import { registerActions } from './register-actions.js';
import { registerEvents } from './register-events.js';
import { registerShortcut } from './register-shortcut.js';
import { registerSlashCommand } from './register-slash-command.js';
import { createTurnRunner } from './run-turn.js';
import { createLatestIndex, createThreadTracker } from './slack-place.js';
import { createSlackSender } from './slack-sender.js';
import { createUserDirectory } from './user-directory.js';

export interface MountSlackOptions {
  /** Web API retry policy (tests use a quick one). */
  retryConfig?: webApi.RetryOptions;
}

/** `mountSlack` with options: tests and the benchmark shorten the retry policy. */
export function createMountSlack(options: MountSlackOptions = {}): MountChannel {
  return async (http, deps) => {
    const slack = deps.config.slack;
    if (!slack) return undefined;
    const logger = deps.logger.child({ channel: 'slack' });
    const bolt = createBoltApp({
      slack,
      logger,
      http,
      bodyLimitBytes: deps.config.limits.maxBodyBytes,
      logBodies: deps.config.log.bodies,
      retryConfig: options.retryConfig,
    });
    const { app } = bolt;
    const { client } = bolt;
    const post = createReplyPoster(client, logger);
    const threads = createThreadTracker(deps.store);
    const latest = createLatestIndex(deps.store);
    const users = createUserDirectory(client, deps.store, logger);
    const run = createTurnRunner({ deps: { ...deps, logger }, client, post, latest, users });
    const ask = createAskAboutThread(createSlackThreadReader({ client, users }), run, logger);
    let handled = 0;
    let duplicates = 0;

    // Order matters: drop malformed and bot traffic, then retries and replays, before any listener (the Assistant included) runs.
    app.use(ignoreMalformed);
    app.use(ignoreBots);
    app.use(
      dedupeDeliveries({
        store: deps.store,
        onDuplicate: (eventId, retryNum) => {
          duplicates += 1;
          deps.metrics.dedupeHits.inc({ channel: 'slack' });
          logger.info({ eventId, retryNum }, 'Slack re-delivered an event we already have; ignored');
        },
        onReplay: () => {
          duplicates += 1;
          deps.metrics.dedupeHits.inc({ channel: 'slack' });
          logger.warn('A signed Slack command or interaction arrived a second time (a replay); ignored');
        },
        onStoreError: (error) => logger.warn({ err: error }, 'Slack event dedupe store failed; processing anyway'),
      }),
    );
    app.use(async ({ next }) => {
      handled += 1;
      await next();
    });
    registerEvents(app, { deps: { ...deps, logger }, run, threads, latest, ask, post });
    registerShortcut(app, { ask, threads, logger });
    registerActions(app, run, logger);
    registerSlashCommand(app, { deps: { ...deps, logger }, client, post, run, threads });
    registerCheckinModal(app, { ...deps, logger }, client);
    app.error(async (error) => {
      logger.error({ err: error }, 'Slack handler failed');
    });

    // Proactive posts (check-ins) surface 429s to the scheduler instead of blocking on them.
    const proactiveClient = new webApi.WebClient(slack.botToken, {
      ...bolt.clientOptions,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    deps.proactive.register('slack', createSlackSender(proactiveClient, logger));

    // Socket Mode connects in the background: a Slack outage must not hold up the web chat or Teams.
    let connection = bolt.mode === 'http' ? 'http' : 'connecting';
    void bolt
      .start()
      .then(() => {
        if (bolt.mode === 'socket') connection = 'connected';
      })
      .catch((error) => {
        connection = 'failed';
        logger.error(
          { err: error },
          'Slack Socket Mode could not connect: check SLACK_APP_TOKEN (xapp-…, connections:write)',
        );
      });
    logger.info({ mode: bolt.mode, path: bolt.mode === 'http' ? SLACK_EVENTS_PATH : undefined }, 'Slack is on');
    const mounted: MountedChannel = {
      name: 'slack',
      status: () => ({
        mode: bolt.mode,
        ...(bolt.mode === 'socket' ? { connection } : {}),
        ...(bolt.mode === 'http' ? { path: SLACK_EVENTS_PATH } : {}),
        handled,
        duplicates,
      }),
      close: () => bolt.stop(),
    };
    return mounted;
  };
}

/** The Slack channel as `archie serve` mounts it. */
export const mountSlack: MountChannel = createMountSlack();
