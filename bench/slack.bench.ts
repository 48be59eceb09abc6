/**
 * Slack throughput: signed DM events per second that Archie (the real app from createArchie, offline
 * engine, memory store) acks AND answers, beside a bare Bolt echo app on the same receiver, measured in
 * the same run against the same fake Slack Web API on 127.0.0.1. Target: >= 0.7x the bare app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import type { Consultant } from '../src/core/consultant.js';
import { createConsultant } from '../src/core/create-consultant.js';
import { loadKnowledgeBase } from '../src/core/knowledge/load-knowledge-base.js';
import { createLogger } from '../src/observability/create-logger.js';
import { createStore } from '../src/store/create-store.js';
import { startSlackHarness } from '../test/channels/slack/slack-harness.js';
import { type FakeSlackApi, slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';
import type { BenchResult } from './bench-result.js';
import { startBareBoltEcho } from './support/bare-bolt.js';
import {
  BENCH_APP_ENV,
  BENCH_DESCRIPTIONS,
  cpuResult,
  interleavedRounds,
  measureThroughput,
  median,
  p95Result,
  rateResult,
  type ThroughputRun,
} from './support/throughput.js';

/** Posts `count` DM events (distinct users) with bounded concurrency; done when each DM got a reply. */
function drive(baseUrl: string, api: FakeSlackApi, count: number, concurrency: number): Promise<ThroughputRun> {
  api.reset();
  return measureThroughput({
    count,
    concurrency,
    noun: 'event',
    send: (i) =>
      postSlack(
        baseUrl,
        eventEnvelope(
          dmMessage(BENCH_DESCRIPTIONS[i % BENCH_DESCRIPTIONS.length]!, {
            channel: `DBENCH${i}`,
            user: `UBENCH${i}`,
            ts: `1710000000.${String(i).padStart(6, '0')}`,
          }),
        ),
      ),
    answered: () =>
      api.waitFor(
        (calls) =>
          new Set(calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.result?.channel)).size >= count,
        120_000,
      ),
  });
}

/**
 * A consultant that answers each bench description with the real consultant's reply, computed once: the
 * Slack channel then does all its own work (middleware, rendering, the real-sized post) with no engine.
 */
async function replayConsultant(): Promise<Consultant> {
  const real = createConsultant({ knowledge: await loadKnowledgeBase(), store: createStore('memory://').keyv });
  const replies = new Map<string, Awaited<ReturnType<Consultant['handle']>>>();
  for (const [i, text] of BENCH_DESCRIPTIONS.entries()) {
    replies.set(text, await real.handle(`replay-${i}`, { type: 'text', text }, { channel: 'slack' }));
  }
  return { ...real, handle: async (_id, input) => (input.type === 'text' && replies.get(input.text)) || [] };
}

export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_SLACK_EVENTS ?? 600);
  const warmup = Number(process.env.BENCH_SLACK_WARMUP ?? 3);
  const rounds = Number(process.env.BENCH_SLACK_ROUNDS ?? 5);
  const concurrency = Number(process.env.BENCH_SLACK_CONCURRENCY ?? 16);
  const api = await startFakeSlackApi();
  const env = { ...slackEnv(api), ...BENCH_APP_ENV };
  const config = loadConfig({ env, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });

  // Bare Bolt: same receiver construction, the handler just posts the text back.
  const bareServer = await startBareBoltEcho(config, logger);

  const archie = await createArchie({ ...config, port: 0 }, { logger, defaultMetrics: false });
  const port = await archie.listen();
  const archieUrl = `http://127.0.0.1:${port}`;
  // The same app on the store a fresh install uses (SQLite in a file), for the figure users will see.
  const sqliteDir = mkdtempSync(join(tmpdir(), 'archie-bench-'));
  const onSqlite = await createArchie(
    { ...config, port: 0, store: { url: `sqlite://${join(sqliteDir, 'archie.sqlite')}` } },
    { logger, defaultMetrics: false },
  );
  const sqliteUrl = `http://127.0.0.1:${await onSqlite.listen()}`;
  // The Slack channel alone: the same adapter over replayed real replies, to separate its cost from the engine's.
  const channelOnly = await startSlackHarness({
    api,
    consultant: await replayConsultant(),
    env: { ...BENCH_APP_ENV, LOG_LEVEL: 'silent' },
    logLevel: 'silent',
  });

  try {
    const runs = await interleavedRounds(
      {
        bare: () => drive(bareServer.url, api, count, concurrency),
        archie: () => drive(archieUrl, api, count, concurrency),
        channel: () => drive(channelOnly.baseUrl, api, count, concurrency),
        sqlite: () => drive(sqliteUrl, api, count, concurrency),
      },
      { warmup, rounds },
    );
    const bareRun = median(runs.bare);
    const archieRun = median(runs.archie);
    const versusBare = { name: 'bare Bolt echo app', run: bareRun };
    return [
      rateResult(
        { name: 'slack: DM events acked and answered', unit: 'events/s', minRatio: 0.7, versus: 'bare Bolt echo' },
        archieRun,
        versusBare,
      ),
      rateResult(
        { name: 'slack: channel alone, real replies replayed, no engine (information)', unit: 'events/s' },
        median(runs.channel),
        versusBare,
      ),
      rateResult(
        { name: 'slack: DM events acked and answered on the default SQLite store (information)', unit: 'events/s' },
        median(runs.sqlite),
        versusBare,
      ),
      cpuResult({ name: 'slack: CPU per answered event, all threads', of: 'cpuMsPerMessage' }, archieRun, versusBare),
      cpuResult(
        { name: 'slack: event-loop CPU per answered event', of: 'eventLoopCpuMsPerMessage' },
        archieRun,
        versusBare,
      ),
      p95Result({ name: 'slack: ack latency p95 under load', limitMs: 1_000, why: 'Slack allows 3 s' }, archieRun, {
        name: 'bare Bolt p95',
        run: bareRun,
      }),
    ];
  } finally {
    bareServer.close();
    await archie.close();
    await onSqlite.close();
    rmSync(sqliteDir, { recursive: true, force: true });
    await channelOnly.close();
    await api.close();
  }
}
