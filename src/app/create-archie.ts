/**
 * The composition root: builds the store, knowledge base, model, consultant and every channel, and serves
 * them all from one Express app on one port.
 */
import type { Server } from 'node:http';
import type { Config } from '../config/config-schema.js';
import { type Clock, systemClock } from '../core/clock.js';
import type { AssessmentListener, Consultant } from '../core/consultant.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge.js';
import { loadKnowledgeBase, withPageBase } from '../core/knowledge/load-knowledge-base.js';
import type { Logger } from '../observability/create-logger.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { createAdmission } from '../server/admission.js';
import { createHttpApp, type ReadinessCheck } from '../server/create-http-app.js';
import { createInFlight } from '../server/create-in-flight.js';
import { mountSite } from '../site/mount-site.js';
import { type CreatedStore, createStore } from '../store/create-store.js';
import { createTurnLock } from '../store/turn-lock.js';
import { buildConsultant } from './build-consultant.js';
import type { ChannelDeps, MountedChannel } from './channel.js';
import { CHANNELS } from './channels.js';
import { createCommandRouter } from './commands.js';
import { createGuard } from './limits/guard-consultant.js';
import { createProactiveRegistry } from './proactive.js';

export interface Archie {
  config: Config;
  consultant: Consultant;
  knowledge: KnowledgeBase;
  store: CreatedStore;
  channels: MountedChannel[];
  metrics: Metrics;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<number>;
  /** Stops taking requests, waits for turns in flight (up to SHUTDOWN_TIMEOUT_MS), closes channels and the store. */
  close(): Promise<void>;
}

export interface CreateArchieOptions {
  logger: Logger;
  clock?: Clock;
  knowledgeDir?: string;
  /** How long start-up waits for the store (default 5 s). */
  storeProbeTimeoutMs?: number;
  /** Default true; tests that create many instances turn process metrics off. */
  defaultMetrics?: boolean;
}

export async function createArchie(config: Config, options: CreateArchieOptions): Promise<Archie> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const store = createStore(config.store.url);
  try {
    // A store that never answers or keeps nothing stops start-up with one line, instead of a hang or a
    // server that forgets every conversation.
    await store.probe(options.storeProbeTimeoutMs);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  // keyv reports some backend failures (a SQLite file that turned read-only, a lost Redis) only as events.
  let lastStoreError = 0;
  store.keyv.on('error', (error: unknown) => {
    if (clock.now().getTime() - lastStoreError < 60_000) return;
    lastStoreError = clock.now().getTime();
    logger.error({ err: error, store: store.kind }, 'the conversation store failed a read or write');
  });
  const knowledge = withPageBase(
    await loadKnowledgeBase(options.knowledgeDir, config.knowledge.organisationDirs),
    config.publicUrl,
  );
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics });
  const readiness: ReadinessCheck[] = [
    {
      name: 'store',
      check: async () => {
        // A value of this probe's own: an earlier one read back must not pass for a working write.
        const value = `${Date.now()}:${Math.random()}`;
        await store.keyv.set('readyz', value, 5_000);
        const ok = (await store.keyv.get('readyz')) === value;
        return ok ? { ok } : { ok, detail: 'the store did not keep a write' };
      },
    },
  ];

  if (config.llm)
    readiness.push((await import('../adapters/langchain/model-readiness.js')).createModelReadiness(config.llm));

  const listeners: AssessmentListener[] = [];
  // Admission control: a turn takes a slot once it holds its conversation, so turns queued behind another
  // turn of the same conversation hold none. Inside the guard: a message refused by a limit costs no slot.
  const admission = createAdmission({
    limit: config.limits.maxTurnsInFlight,
    onRefused: () => metrics.limitHits.inc({ limit: 'turns_in_flight' }),
  });
  const turnLock = createTurnLock(store.keyv, {
    onWaitExpired: (conversationId) =>
      logger.warn({ conversationId }, 'another replica held this conversation for too long; answering anyway'),
  });
  const { consultant: core, assist } = await buildConsultant(config, {
    knowledge,
    store: store.keyv,
    clock,
    logger: logger.child({ component: 'llm' }),
    serialize: (conversationId, task) => turnLock(conversationId, () => admission.run(task)),
    onAssessment: async (event) => {
      for (const listener of listeners) {
        try {
          await listener(event);
        } catch (error) {
          logger.error({ err: error, conversationId: event.conversationId }, 'assessment listener failed');
        }
      }
    },
  });
  const modelStatus = (): Record<string, unknown> => ({
    mode: config.llm ? 'configured' : 'offline engine (no LLM key)',
    ...assist?.status?.(),
  });
  const admitted: Consultant = {
    ...core,
    ask: (question, ctx) => admission.run(() => core.ask(question, ctx)),
    assess: (description, ctx) => admission.run(() => core.assess(description, ctx)),
  };
  const guard = createGuard({
    store: store.keyv,
    clock,
    limits: config.limits,
    metrics,
    logger,
    // Only Redis is shared between replicas; a memory or SQLite store serves one process.
    perMinute: store.kind === 'redis' ? 'store' : 'process',
  });
  const guarded = guard.consultant(admitted);
  const inFlight = createInFlight();
  const consultant: Consultant = {
    ...guarded,
    handle: (conversationId, input, ctx) => inFlight.hold(guarded.handle(conversationId, input, ctx)),
  };

  const channels: MountedChannel[] = [];
  const app = createHttpApp({
    status: () => ({
      model: modelStatus(),
      store: store.kind,
      turns: admission.stats(),
      channels: Object.fromEntries(channels.map((c) => [c.name, c.status()])),
    }),
    readiness,
    metrics,
    maxBodyBytes: config.limits.maxBodyBytes,
    inFlight: inFlight.middleware,
    logger,
  });

  const deps: ChannelDeps = {
    config,
    logger,
    consultant,
    store: store.keyv,
    clock,
    commands: guard.commands(createCommandRouter()),
    tooLong: guard.tooLong,
    proactive: createProactiveRegistry(),
    metrics,
    readiness,
    onAssessment: (listener) => listeners.push(listener),
    admission,
  };
  try {
    for (const entry of CHANNELS) {
      if (!entry.enabled(config)) continue;
      const channel = await (await entry.load())(app, deps);
      if (channel) channels.push(channel);
    }
  } catch (error) {
    // A channel that cannot start (Redis for check-ins unreachable…) stops start-up; release what started.
    for (const channel of [...channels].reverse()) await channel.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  // After the channels, so the web chat keeps `/` when it is on; the landing page takes it otherwise.
  mountSite(app, { config, knowledge, channels: () => channels });

  let server: Server | undefined;
  let closing: Promise<void> | undefined;
  return {
    config,
    consultant,
    knowledge,
    store,
    channels,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server = app.listen(config.port, config.host, (error?: Error) => {
          if (error) return reject(error);
          const address = server?.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    close: () => {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
        server?.closeIdleConnections();
        // Leave time within SHUTDOWN_TIMEOUT_MS to close channels and the store after the drain.
        const drained = await inFlight.drain(Math.max(0, config.shutdownTimeoutMs - 2_000));
        if (!drained)
          logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown: requests still in flight after the timeout');
        server?.closeAllConnections();
        await stopped;
        for (const channel of [...channels].reverse()) {
          try {
            await channel.close();
          } catch (error) {
            logger.error({ err: error, channel: channel.name }, 'channel failed to close');
          }
        }
        await store.close();
      })();
      return closing;
    },
  };
}
