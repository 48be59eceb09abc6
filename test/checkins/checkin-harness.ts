/**
 * Check-ins mounted for real (commands, history, in-process scheduler) over the real consultant and a
 * memory store, with a fake clock and a recording proactive sender standing in for Slack or Teams.
 */

import express from 'express';
import pino from 'pino';
import type { ChannelDeps, MountedChannel } from '../../src/app/channel.js';
import { type CommandContext, createCommandRouter } from '../../src/app/commands.js';
import { lengthGuard } from '../../src/app/limits/guard-consultant.js';
import { createProactiveRegistry, type DeliveryResult, type ProactiveTarget } from '../../src/app/proactive.js';
import { mountCheckins } from '../../src/checkins/mount-checkins.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { AssessmentListener } from '../../src/core/consultant.js';
import { createConsultant } from '../../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../../src/core/knowledge/load-knowledge-base.js';
import type { OutMessage } from '../../src/core/message.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createStore } from '../../src/store/create-store.js';
import { createFakeClock, type FakeClock } from '../support/fake-clock.js';

export interface Posted {
  target: ProactiveTarget;
  messages: OutMessage[];
  at: Date;
}

export interface CheckinHarness {
  deps: ChannelDeps;
  clock: FakeClock;
  posted: Posted[];
  /** What the next sends answer (then `ok`). */
  failNext(...results: DeliveryResult[]): void;
  ctx: CommandContext;
  command(text: string, ctx?: CommandContext): Promise<OutMessage[]>;
  press(value: string, ctx?: CommandContext): Promise<OutMessage[]>;
  /** Stops the check-ins feature (the server goes down); the store stays. */
  stop(): Promise<void>;
  /** Starts the check-ins feature again on the same store (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const knowledge = loadKnowledgeBase();

export async function startCheckinHarness(
  options: {
    clock?: FakeClock;
    env?: Record<string, string>;
    /** Writes records into the store before check-ins start (data left by an older version). */
    seed?: (store: ChannelDeps['store']) => Promise<void>;
  } = {},
): Promise<CheckinHarness> {
  const clock = options.clock ?? createFakeClock('2026-01-05T07:00:00Z');
  const config = loadConfig({ dotenvPath: false, env: { STORE_URL: 'memory://', ...options.env } });
  const store = createStore('memory://');
  const listeners: AssessmentListener[] = [];
  const consultant = createConsultant({
    knowledge: await knowledge,
    store: store.keyv,
    clock,
    onAssessment: async (event) => {
      for (const l of listeners) await l(event);
    },
  });
  const posted: Posted[] = [];
  const failures: DeliveryResult[] = [];
  const proactive = createProactiveRegistry();
  proactive.register('slack', {
    send: async (target, messages) => {
      const failure = failures.shift();
      if (failure) return failure;
      posted.push({ target, messages, at: clock.now() });
      return { ok: true };
    },
  });
  const deps: ChannelDeps = {
    config,
    logger: pino({ level: 'silent' }),
    consultant,
    store: store.keyv,
    clock,
    commands: createCommandRouter(),
    tooLong: lengthGuard(config.limits.maxMessageChars),
    proactive,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: [],
    onAssessment: (listener) => listeners.push(listener),
  };
  const app = express();
  await options.seed?.(store.keyv);
  let mounted: MountedChannel | undefined = await mountCheckins(app, deps);
  const ctx: CommandContext = {
    target: { channel: 'slack', key: 'C0ARCH', meta: { team_id: 'T0TEAM' } },
    conversationId: 'slack:T0TEAM:C0ARCH:1700000000.000100',
    userId: 'U0ALICE',
    timeZone: 'Europe/Berlin',
  };
  return {
    deps,
    clock,
    posted,
    ctx,
    failNext: (...results) => failures.push(...results),
    command: async (text, c = ctx) => (await deps.commands.tryText(text, c)) ?? [],
    press: async (value, c = ctx) => (await deps.commands.tryAction(value, c)) ?? [],
    stop: async () => {
      await mounted?.close();
      mounted = undefined;
    },
    restart: async () => {
      await mounted?.close();
      // A fresh router: the commands are registered again, as at a real start-up.
      deps.commands = createCommandRouter();
      listeners.length = 0;
      mounted = await mountCheckins(app, deps);
      await clock.settle();
    },
    close: async () => {
      await mounted?.close();
      await store.close();
    },
  };
}

/** The text of messages (questions included), for assertions. */
export const texts = (messages: OutMessage[]) =>
  messages.map((m) => (m.type === 'text' || m.type === 'question' ? m.text : m.type)).join('\n');

export const checkinId = (reply: OutMessage[]) => /`([0-9a-f]{6})`/.exec(texts(reply))?.[1] ?? '';
