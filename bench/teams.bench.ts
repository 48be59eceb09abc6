/**
 * Teams throughput: message activities per second that Archie (the real app from createArchie, offline
 * engine, memory store) answers, beside a bare Agents SDK echo agent (AgentApplication + CloudAdapter on
 * its own Express app), measured in the same run against the same fake Bot Connector on 127.0.0.1.
 * Target: >= 0.7x the bare agent.
 */
import { AgentApplication, authorizeJWT, CloudAdapter, type TurnState } from '@microsoft/agents-hosting';
import express from 'express';
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { createFakeConsultant } from '../test/channels/teams/fake-consultant.js';
import { startTeamsHarness } from '../test/channels/teams/teams-harness.js';
import { type FakeBotConnector, startFakeBotConnector } from '../test/support/fake-bot-connector.js';
import type { BenchResult } from './bench-result.js';
import {
  BENCH_APP_ENV,
  BENCH_DESCRIPTIONS,
  cpuResult,
  interleavedRounds,
  listenOnLoopback,
  measureThroughput,
  median,
  p95Result,
  rateResult,
} from './support/throughput.js';

/** Posts `count` personal-chat messages (distinct chats and users) with bounded concurrency. */
function drive(url: string, connector: FakeBotConnector, tag: string, count: number, concurrency: number) {
  connector.reset();
  const answered = answeredCounter();
  return measureThroughput({
    count,
    concurrency,
    noun: 'activity',
    send: async (i) => {
      const activity = {
        type: 'message',
        id: `${tag}-${i}`,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: `29:bench-user-${tag}-${i}`, name: 'Bench User' },
        recipient: { id: '28:bench-bot', name: 'Archie' },
        conversation: { id: `a:1bench-${tag}-${i}`, conversationType: 'personal', tenantId: 'bench-tenant' },
        text: BENCH_DESCRIPTIONS[i % BENCH_DESCRIPTIONS.length],
        textFormat: 'plain',
      };
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      await res.arrayBuffer();
      return res;
    },
    answered: () => connector.waitFor((received) => answered(received) >= count, 120_000),
  });
}

/** Counts the distinct conversations the agent has replied in, reading only what arrived since the last call. */
function answeredCounter() {
  const conversations = new Set<string>();
  let read = 0;
  return (received: FakeBotConnector['received']) => {
    for (; read < received.length; read++) {
      if (received[read]!.type === 'message') conversations.add(received[read]!.conversationId);
    }
    return conversations.size;
  };
}

/** The bare SDK agent: anonymous CloudAdapter, AgentApplication that echoes the text. */
async function startBareEchoAgent() {
  const adapter = new CloudAdapter({ clientId: undefined });
  const agent = new AgentApplication<TurnState>({ adapter });
  agent.onActivity('message', async (context) => {
    await context.sendActivity(context.activity.text ?? '');
  });
  const app = express();
  const authorize = authorizeJWT({ clientId: undefined });
  app.post('/api/messages', authorize as never, express.json(), (req, res) =>
    adapter.process(req as never, res as never, (context) => agent.run(context)),
  );
  return listenOnLoopback(app);
}

export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_TEAMS_ACTIVITIES ?? 400);
  const warmup = Number(process.env.BENCH_TEAMS_WARMUP ?? 3);
  const rounds = Number(process.env.BENCH_TEAMS_ROUNDS ?? 7);
  const concurrency = Number(process.env.BENCH_TEAMS_CONCURRENCY ?? 16);
  // Each agent gets its own fake connector, so none pays for another's bookkeeping.
  const connector = await startFakeBotConnector();
  const bareConnector = await startFakeBotConnector();
  const env = { ...BENCH_APP_ENV };
  const config = loadConfig({ env, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });
  const bare = await startBareEchoAgent();
  const archie = await createArchie(config, { logger, defaultMetrics: false });
  const archieUrl = `http://127.0.0.1:${await archie.listen()}`;
  // The Teams channel alone (same middleware, rendering and SDK path) over an instant scripted consultant:
  // separates the adapter's own cost from the consultant's.
  const channelOnly = await startTeamsHarness({ consultant: createFakeConsultant(), env: { LOG_LEVEL: 'silent' } });

  try {
    const runs = await interleavedRounds(
      {
        bare: (tag) => drive(bare.url, bareConnector, tag, count, concurrency),
        archie: (tag) => drive(archieUrl, connector, tag, count, concurrency),
        channel: (tag) => drive(channelOnly.baseUrl, channelOnly.connector, tag, count, concurrency),
      },
      { warmup, rounds },
    );
    const bareRun = median(runs.bare);
    const archieRun = median(runs.archie);
    const channelRun = median(runs.channel);
    const versusBare = { name: 'bare Agents SDK echo agent', run: bareRun };
    const row = { unit: 'activities/s', minRatio: 0.7, versus: 'bare Agents SDK echo' };
    return [
      rateResult({ ...row, name: 'teams: message activities answered' }, archieRun, versusBare),
      rateResult(
        { name: 'teams: channel alone, instant scripted consultant (information)', unit: row.unit },
        channelRun,
        versusBare,
      ),
      cpuResult({ name: 'teams: CPU per activity, all threads', of: 'cpuMsPerMessage' }, archieRun, versusBare),
      cpuResult({ name: 'teams: event-loop CPU per activity', of: 'eventLoopCpuMsPerMessage' }, archieRun, versusBare),
      p95Result(
        { name: 'teams: turn latency p95 under load', limitMs: 5_000, why: 'the Bot Service retries after ~15 s' },
        archieRun,
        { name: 'bare echo p95', run: bareRun },
      ),
    ];
  } finally {
    bare.server.closeAllConnections();
    bare.server.close();
    await archie.close();
    await channelOnly.close();
    await connector.close();
    await bareConnector.close();
  }
}
