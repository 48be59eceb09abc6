/**
 * Slack throughput: signed DM events per second that Archie (the real app from createArchie, offline
 * engine, memory store) acks AND answers, beside a bare Bolt echo app on the same receiver, measured in
 * the same run against the same fake Slack Web API on 127.0.0.1. Target: >= 0.7x the bare app.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createArchie } from '../src/app/create-archie.js';
import { createBoltApp } from '../src/channels/slack/create-bolt-app.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { FAKE_BOT, type FakeSlackApi, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { eventEnvelope, postSlack, SIGNING_SECRET } from '../test/support/slack-request.js';
import { type BenchResult, summarize } from './bench-result.js';

const DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Two teams build an agent platform; we self-host a 70B model on GPUs and ingest 5 million documents a day.',
  'Solo developer, prototype chatbot for customer support, OpenAI API, a few hundred users.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
];

interface Run {
  eventsPerSecond: number;
  ackMs: number[];
  /** Process CPU per answered event (server + in-process load generator and fake API, same for both). */
  cpuMsPerEvent: number;
}

/** Posts `count` DM events (distinct users) with bounded concurrency; done when each DM got a reply. */
async function drive(baseUrl: string, api: FakeSlackApi, count: number, concurrency: number): Promise<Run> {
  api.reset();
  const ackMs: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const event = {
        type: 'message',
        channel: `DBENCH${i}`,
        channel_type: 'im',
        user: `UBENCH${i}`,
        text: DESCRIPTIONS[i % DESCRIPTIONS.length],
        ts: `1710000000.${String(i).padStart(6, '0')}`,
      };
      const t = performance.now();
      const res = await postSlack(baseUrl, eventEnvelope(event));
      ackMs.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`event ${i} got HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await api.waitFor(
    (calls) => new Set(calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.args.channel)).size >= count,
    120_000,
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { eventsPerSecond: count / seconds, ackMs, cpuMsPerEvent: (used.user + used.system) / 1000 / count };
}

const median = (runs: Run[]): Run =>
  [...runs].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(runs.length / 2)]!;

async function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_SLACK_EVENTS ?? 300);
  const rounds = Number(process.env.BENCH_SLACK_ROUNDS ?? 3);
  const concurrency = Number(process.env.BENCH_SLACK_CONCURRENCY ?? 16);
  const api = await startFakeSlackApi();
  const env = {
    SLACK_BOT_TOKEN: FAKE_BOT.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    STORE_URL: 'memory://',
    PORT: '0',
    LOG_LEVEL: 'silent',
    WEB_CHAT: 'false',
    CHECKINS: 'false',
    RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
  };
  const config = loadConfig({ env, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });

  // Bare Bolt: same receiver construction, the handler just posts the text back.
  const bareHttp = express();
  const bare = createBoltApp({ slack: config.slack!, logger, http: bareHttp });
  bare.app.message(async ({ message, client }) => {
    const m = message as { channel: string; text?: string };
    await client.chat.postMessage({ channel: m.channel, text: m.text ?? '' });
  });
  const bareServer = await listen(bareHttp);

  const archie = await createArchie({ ...config, port: 0 }, { logger, defaultMetrics: false });
  const port = await archie.listen();
  const archieUrl = `http://127.0.0.1:${port}`;

  try {
    // Warm both (JIT, auth.test, knowledge caches) before measuring.
    await drive(bareServer.url, api, 20, 4);
    await drive(archieUrl, api, 20, 4);
    // Alternate rounds so machine noise hits both alike; compare the medians.
    const bareRuns: Run[] = [];
    const archieRuns: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRuns.push(await drive(bareServer.url, api, count, concurrency));
      archieRuns.push(await drive(archieUrl, api, count, concurrency));
    }
    const bareRun = median(bareRuns);
    const archieRun = median(archieRuns);
    const ratio = archieRun.eventsPerSecond / bareRun.eventsPerSecond;
    const ack = summarize(archieRun.ackMs);
    return [
      {
        name: 'slack: DM events acked and answered',
        value: Math.round(archieRun.eventsPerSecond),
        unit: 'events/s',
        target: '>= 0.7x bare Bolt echo',
        baseline: { name: 'bare Bolt echo app', value: Math.round(bareRun.eventsPerSecond) },
        ratio: Number(ratio.toFixed(2)),
        ok: ratio >= 0.7,
      },
      {
        name: 'slack: CPU per answered event',
        value: Number(archieRun.cpuMsPerEvent.toFixed(2)),
        unit: 'ms',
        baseline: { name: 'bare Bolt echo app', value: Number(bareRun.cpuMsPerEvent.toFixed(2)) },
        ratio: Number((bareRun.cpuMsPerEvent / archieRun.cpuMsPerEvent).toFixed(2)),
      },
      {
        name: 'slack: ack latency p95 under load',
        value: Number(ack.p95.toFixed(1)),
        unit: 'ms',
        target: '< 1000 ms (Slack allows 3 s)',
        baseline: { name: 'bare Bolt p95', value: Number(summarize(bareRun.ackMs).p95.toFixed(1)) },
        ok: ack.p95 < 1_000,
      },
    ];
  } finally {
    bareServer.server.closeAllConnections();
    bareServer.server.close();
    await archie.close();
    await api.close();
  }
}
