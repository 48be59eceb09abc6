/**
 * Builds a Bolt App for Archie's settings: HTTP (ExpressReceiver on the shared Express app, POST
 * /slack/events, signature verification on, ack before processing) or Socket Mode (SLACK_APP_TOKEN).
 * Shared by `mountSlack` and the benchmark's bare echo app so both measure the same receiver.
 */
import { App, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Express } from 'express';
import type { SlackConfig } from '../../config/config-schema.js';
import type { Logger } from '../../observability/create-logger.js';
import { boltLogger } from './bolt-logger.js';
import { createAuthorize } from './create-authorize.js';
import { SIGNATURE_CONTEXT_KEY } from './dedupe-deliveries.js';
import { answerUnprocessable } from './ignore-malformed.js';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface BoltAppOptions {
  slack: SlackConfig;
  logger: Logger;
  /** The shared Express app (HTTP mode). */
  http: Express;
  bodyLimitBytes?: number;
  /** Let SDK debug lines that carry payloads through (LOG_BODIES). */
  logBodies?: boolean;
  /** Retry policy for Web API calls (tests shorten it). */
  retryConfig?: webApi.RetryOptions;
}

export interface BoltApp {
  app: App;
  /** A Web API client holding the bot token (Bolt's `app.client` has none with a custom authorize). */
  client: webApi.WebClient;
  mode: SlackConfig['mode'];
  clientOptions: webApi.WebClientOptions;
  /** Connects the Socket Mode client (no-op in HTTP mode: the shared server listens). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createBoltApp(options: BoltAppOptions): BoltApp {
  const { slack } = options;
  const logger = boltLogger(options.logger, { bodies: options.logBodies });
  // convoStore: false — conversation state lives in Archie's shared store; Bolt's per-process memory store
  // would be wrong across replicas and costs a rejected lookup per event.
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: slack.apiUrl ?? 'https://slack.com/api/',
    logger,
    // Wait out 429s (Retry-After) and retry, so a rate limit delays a reply but never loses it.
    rejectRateLimitedCalls: false,
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    timeout: 30_000,
  };
  const client = new webApi.WebClient(slack.botToken, clientOptions);
  // auth.test with a short retry: it runs before Bolt acks the first event.
  const auth = createAuthorize(
    new webApi.WebClient(undefined, { ...clientOptions, retryConfig: { retries: 1, minTimeout: 200 } }),
    slack.botToken,
  );
  // Warm the identity now; a failure is logged and retried on the first event.
  void auth.identity().catch((error) => options.logger.warn({ err: error }, 'Slack auth.test failed; will retry'));
  if (slack.mode === 'socket') {
    const receiver = new SocketModeReceiver({
      appToken: slack.appToken!,
      logger,
      installerOptions: { clientOptions },
    });
    const app = new App({
      token: slack.botToken,
      receiver,
      logger,
      clientOptions,
      socketMode: true,
      convoStore: false,
    });
    return {
      app,
      client,
      mode: 'socket',
      clientOptions,
      start: async () => {
        await receiver.start();
      },
      stop: async () => {
        await receiver.stop();
      },
    };
  }
  const receiver = new ExpressReceiver({
    signingSecret: slack.signingSecret!,
    app: options.http,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
    processEventErrorHandler: answerUnprocessable,
    // Runs after the signature check: the verified signature identifies the request (replay dedupe).
    customPropertiesExtractor: (req) => {
      const signature = req.headers['x-slack-signature'];
      return typeof signature === 'string' ? { [SIGNATURE_CONTEXT_KEY]: signature } : {};
    },
    logger,
    ...(options.bodyLimitBytes ? { bodyLimit: options.bodyLimitBytes } : {}),
  });
  const app = new App({ authorize: auth.authorize, receiver, logger, clientOptions, convoStore: false });
  return { app, client, mode: 'http', clientOptions, start: async () => {}, stop: async () => {} };
}
