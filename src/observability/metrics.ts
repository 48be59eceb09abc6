/** Prometheus metrics (prom-client) on a private registry, served at GET /metrics. */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  turns: Counter<'channel' | 'outcome'>;
  turnSeconds: Histogram<'channel'>;
  modelTokens: Counter<'kind'>;
  modelErrors: Counter<'reason'>;
  checkinsFired: Counter<'channel'>;
  checkinsFailed: Counter<'reason'>;
  dedupeHits: Counter<'channel'>;
  limitHits: Counter<'limit'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'archie_' });
  const registers = [registry];
  return {
    registry,
    turns: new Counter({
      name: 'archie_turns_total',
      help: 'User turns handled, by channel and outcome (ok, error, limited)',
      labelNames: ['channel', 'outcome'],
      registers,
    }),
    turnSeconds: new Histogram({
      name: 'archie_turn_duration_seconds',
      help: 'Time to answer a user turn, by channel',
      labelNames: ['channel'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    modelTokens: new Counter({
      name: 'archie_model_tokens_total',
      help: 'Model tokens used, by kind (prompt, completion)',
      labelNames: ['kind'],
      registers,
    }),
    modelErrors: new Counter({
      name: 'archie_model_errors_total',
      help: 'Model calls that failed and fell back to the offline engine, by reason',
      labelNames: ['reason'],
      registers,
    }),
    checkinsFired: new Counter({
      name: 'archie_checkins_fired_total',
      help: 'Check-ins posted, by channel',
      labelNames: ['channel'],
      registers,
    }),
    checkinsFailed: new Counter({
      name: 'archie_checkins_failed_total',
      help: 'Check-ins that could not be posted, by reason',
      labelNames: ['reason'],
      registers,
    }),
    dedupeHits: new Counter({
      name: 'archie_dedupe_hits_total',
      help: 'Retried platform deliveries dropped as duplicates, by channel',
      labelNames: ['channel'],
      registers,
    }),
    limitHits: new Counter({
      name: 'archie_limit_hits_total',
      help: 'Messages refused by an abuse limit, by limit',
      labelNames: ['limit'],
      registers,
    }),
  };
}
