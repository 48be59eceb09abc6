/**
 * Test harness: the real Slack channel (Bolt, ExpressReceiver on the shared Express app) listening on
 * 127.0.0.1:0, talking to a fake Slack Web API, with a memory store and the real or a given consultant.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { ChannelDeps, MountedChannel } from '../../../src/app/channel.js';
import { createCommandRouter } from '../../../src/app/commands.js';
import { createGuard } from '../../../src/app/limits/guard-consultant.js';
import { createProactiveRegistry } from '../../../src/app/proactive.js';
import { createMountSlack } from '../../../src/channels/slack/mount-slack.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { systemClock } from '../../../src/core/clock.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createHttpApp } from '../../../src/server/create-http-app.js';
import { createStore } from '../../../src/store/create-store.js';
import { type FakeSlackApi, slackEnv, startFakeSlackApi } from '../../support/fake-slack-api.js';

export interface SlackHarness {
  api: FakeSlackApi;
  baseUrl: string;
  deps: ChannelDeps;
  channel: MountedChannel;
  /** Everything logged, as parsed JSON lines. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export const QUICK_RETRY = { retries: 3, minTimeout: 5, maxTimeout: 20 };

export async function startSlackHarness(
  options: {
    consultant?: Consultant;
    env?: Record<string, string>;
    api?: FakeSlackApi;
    /** Default debug (tests read the logs); benches pass silent. */
    logLevel?: pino.Level | 'silent';
  } = {},
): Promise<SlackHarness> {
  const api = options.api ?? (await startFakeSlackApi());
  const config = loadConfig({
    dotenvPath: false,
    env: {
      ...slackEnv(api),
      STORE_URL: 'memory://',
      PORT: '0',
      ...options.env,
    },
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = pino({ level: options.logLevel ?? 'debug' }, sink);
  const store = createStore('memory://');
  // The guard in front, as createArchie puts it: length and rate limits apply as in production.
  const guard = createGuard({
    store: store.keyv,
    clock: systemClock,
    limits: config.limits,
    logger,
    perMinute: 'process',
  });
  const consultant = guard.consultant(options.consultant ?? (await realConsultant(store.keyv)));
  const app = createHttpApp({ status: () => ({}), readiness: [] });
  const deps: ChannelDeps = {
    config,
    logger,
    consultant,
    store: store.keyv,
    clock: systemClock,
    commands: guard.commands(createCommandRouter()),
    tooLong: guard.tooLong,
    proactive: createProactiveRegistry(),
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: [],
    onAssessment: () => {},
  };
  const channel = await createMountSlack({ retryConfig: QUICK_RETRY })(app, deps);
  if (!channel) throw new Error('Slack did not mount');
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    baseUrl,
    deps,
    channel,
    logs,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channel.close();
      if (!options.api) await api.close();
      await store.close();
    },
  };
}

async function realConsultant(store: ChannelDeps['store']): Promise<Consultant> {
  const { createConsultant } = await import('../../../src/core/create-consultant.js');
  const { loadKnowledgeBase } = await import('../../../src/core/knowledge/load-knowledge-base.js');
  return createConsultant({ knowledge: await loadKnowledgeBase(), store });
}
