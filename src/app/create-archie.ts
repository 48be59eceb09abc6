/**
 * The composition root: builds the store, knowledge base, model, consultant and every channel, and serves
 * them all from one Express app on one port.
 */
import type { Server } from 'node:http';
import type { Config } from '../config/config-schema.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { Consultant } from '../core/consultant.js';
import { createConsultant } from '../core/create-consultant.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge.js';
import { loadKnowledgeBase } from '../core/knowledge/load-knowledge-base.js';
import type { Logger } from '../observability/create-logger.js';
import { createHttpApp } from '../server/create-http-app.js';
import { type CreatedStore, createStore } from '../store/create-store.js';
import type { ChannelDeps, MountedChannel } from './channel.js';
import { CHANNELS } from './channels.js';
import { createCommandRouter } from './commands.js';
import { createProactiveRegistry } from './proactive.js';

export interface Archie {
  config: Config;
  consultant: Consultant;
  knowledge: KnowledgeBase;
  store: CreatedStore;
  channels: MountedChannel[];
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  close(): Promise<void>;
}

export interface CreateArchieOptions {
  logger: Logger;
  clock?: Clock;
  knowledgeDir?: string;
}

export async function createArchie(config: Config, options: CreateArchieOptions): Promise<Archie> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const store = createStore(config.store.url);
  const knowledge = await loadKnowledgeBase(options.knowledgeDir);
  const consultant = createConsultant({ knowledge, store: store.keyv, clock });

  const channels: MountedChannel[] = [];
  const app = createHttpApp({
    status: () => ({
      model: config.llm ? 'configured' : 'offline engine (no LLM key)',
      store: store.kind,
      channels: Object.fromEntries(channels.map((c) => [c.name, c.status()])),
    }),
    readiness: [
      {
        name: 'store',
        check: async () => {
          await store.keyv.set('readyz', Date.now(), 5_000);
          return { ok: true };
        },
      },
    ],
  });

  const deps: ChannelDeps = {
    config,
    logger,
    consultant,
    store: store.keyv,
    clock,
    commands: createCommandRouter(),
    proactive: createProactiveRegistry(),
  };
  for (const mount of CHANNELS) {
    const channel = await mount(app, deps);
    if (channel) channels.push(channel);
  }

  let server: Server | undefined;
  return {
    config,
    consultant,
    knowledge,
    store,
    channels,
    listen: () =>
      new Promise((resolve, reject) => {
        server = app.listen(config.port, config.host, (error?: Error) => {
          if (error) return reject(error);
          const address = server?.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const channel of channels.reverse()) await channel.close();
      await store.close();
    },
  };
}
