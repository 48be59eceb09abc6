/**
 * Starts Teams on a real Express server (port 0) with the real Agents SDK, talking to a fake Bot Connector;
 * the consultant is whatever the test passes (a tiny fake, or the real one).
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type Keyv from 'keyv';
import type { ChannelDeps } from '../../../src/app/channel.js';
import { createCommandRouter } from '../../../src/app/commands.js';
import { lengthGuard } from '../../../src/app/limits/guard-consultant.js';
import { createProactiveRegistry } from '../../../src/app/proactive.js';
import { createTeamsChannel, type TeamsChannelOptions } from '../../../src/channels/teams/mount-teams.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { type Clock, systemClock } from '../../../src/core/clock.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { createLogger } from '../../../src/observability/create-logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createHttpApp } from '../../../src/server/create-http-app.js';
import { createStore } from '../../../src/store/create-store.js';
import { type FakeBotConnector, startFakeBotConnector } from '../../support/fake-bot-connector.js';
import type { Payload } from './teams-payloads.js';

export interface TeamsHarness {
  connector: FakeBotConnector;
  deps: ChannelDeps;
  store: Keyv;
  baseUrl: string;
  /** Log lines (JSON) written by the channel. */
  logs: Record<string, unknown>[];
  post(payload: Payload | string, headers?: Record<string, string>): Promise<Response>;
  status(): Record<string, unknown>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A consultant, or a function that builds one over the harness's store. */
  consultant: Consultant | ((store: Keyv) => Consultant);
  env?: Record<string, string>;
  clock?: Clock;
  channel?: (connector: FakeBotConnector) => TeamsChannelOptions;
}

export async function startTeamsHarness(options: HarnessOptions): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const config = loadConfig({
    env: { PORT: '0', STORE_URL: 'memory://', LOG_LEVEL: 'info', ...options.env },
    dotenvPath: false,
  });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const store = createStore('memory://');
  const deps: ChannelDeps = {
    config,
    logger,
    consultant: typeof options.consultant === 'function' ? options.consultant(store.keyv) : options.consultant,
    store: store.keyv,
    clock: options.clock ?? systemClock,
    commands: createCommandRouter(),
    tooLong: lengthGuard(config.limits.maxMessageChars),
    proactive: createProactiveRegistry(),
    metrics: createMetrics(),
    readiness: [],
    onAssessment: () => {},
  };
  const app = createHttpApp({ status: () => ({}), readiness: [], maxBodyBytes: config.limits.maxBodyBytes });
  const channel = await createTeamsChannel(app, deps, options.channel?.(connector) ?? {});
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    connector,
    deps,
    store: store.keyv,
    baseUrl,
    logs,
    post: (payload, headers = {}) =>
      fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof payload === 'string' ? payload : JSON.stringify(payload),
      }),
    status: () => channel.status(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await channel.close();
      await connector.close();
      await store.close();
    },
  };
}
