/** The seam between the composition root and each channel adapter (Slack, Teams, web, check-ins). */
import type { Express } from 'express';
import type Keyv from 'keyv';
import type { Config } from '../config/config-schema.js';
import type { Clock } from '../core/clock.js';
import type { AssessmentListener, Consultant } from '../core/consultant.js';
import type { Logger } from '../observability/create-logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { Admission } from '../server/admission.js';
import type { ReadinessCheck } from '../server/create-http-app.js';
import type { CommandRouter } from './commands.js';
import type { ProactiveRegistry } from './proactive.js';

export interface ChannelDeps {
  config: Config;
  logger: Logger;
  consultant: Consultant;
  /** Shared keyv store (conversation state, dedupe keys, references, history). */
  store: Keyv;
  clock: Clock;
  /** Extra chat commands (check-ins, history) every channel offers, behind the same guard as the consultant. */
  commands: CommandRouter;
  /**
   * The guard's refusal for a message over MAX_MESSAGE_CHARS, for a channel that must answer before any
   * turn runs (a slash command's acknowledgement, a web request); undefined when the length is fine.
   */
  tooLong(text: string): string | undefined;
  /** Channels register a sender here so check-ins can post proactively. */
  proactive: ProactiveRegistry;
  /** Prometheus counters (dedupe hits, check-ins fired…). */
  metrics: Metrics;
  /** Features add what /readyz should check (Redis, model endpoint…). */
  readiness: ReadinessCheck[];
  /** Subscribe to every verdict any conversation reaches (history, App Home, check-ins). */
  onAssessment(listener: AssessmentListener): void;
  /** Bounds the turns running at once; web and Teams put its gate in front of their turn routes. */
  admission?: Admission;
}

export interface MountedChannel {
  name: string;
  /** Shown in /healthz and the start-up log. */
  status(): Record<string, unknown>;
  close(): Promise<void>;
}

/** A channel mounts its routes on the shared Express app, or returns undefined when it is off. */
export type MountChannel = (app: Express, deps: ChannelDeps) => Promise<MountedChannel | undefined>;
