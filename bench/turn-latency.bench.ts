/**
 * Offline turn latency, server side, in Slack, Teams and the web chat: from the event arriving to Archie's
 * reply being posted, with 20 conversations interviewing at once over fakes on 127.0.0.1. Each simulated
 * person sends a description, then clicks the first option of every question until the recommendation
 * arrives, reading each reply for 0.5-2 s first. Baseline: a bare Bolt echo app's round trip over the same
 * fake Slack in the same run. Then the capacity of one replica as information: turns per second with no
 * reading time.
 */
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { startFakeBotConnector } from '../test/support/fake-bot-connector.js';
import { slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';
import type { BenchResult } from './bench-result.js';
import { startBareBoltEcho } from './support/bare-bolt.js';
import { BENCH_APP_ENV, BENCH_DESCRIPTIONS } from './support/bench-app.js';
import { type ChannelDriver, slackDriver, teamsDriver, webDriver } from './support/channel-drivers.js';

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

/** Deterministic reading time between 0.5 and 2 s (faster than people read). */
function readingTime(): () => number {
  let rand = 0x2545f491;
  return () => {
    rand = (rand * 1103515245 + 12345) & 0x7fffffff;
    return 500 + (rand / 0x7fffffff) * 1500;
  };
}

let seq = 0;

/** `interviews` whole consultations, `atOnce` at a time; returns each turn's time and the wall time. */
async function interviewAll(driver: ChannelDriver, options: { atOnce: number; interviews: number; think: boolean }) {
  const think = readingTime();
  const pause = () => (options.think ? new Promise((r) => setTimeout(r, think())) : Promise.resolve());
  const samples: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.interviews) {
      const i = next++;
      const conversation = driver.conversation(++seq);
      await pause();
      samples.push(await conversation.describe(BENCH_DESCRIPTIONS[i % BENCH_DESCRIPTIONS.length]!));
      for (let step = 0; step < 6; step++) {
        await pause();
        const ms = await conversation.answerFirst();
        if (ms === undefined) break;
        samples.push(ms);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.atOnce }, worker));
  return { samples, wallMs: performance.now() - started };
}

export async function bench(): Promise<BenchResult[]> {
  const atOnce = Number(process.env.BENCH_CONVERSATIONS_AT_ONCE ?? 20);
  const interviews = Number(process.env.BENCH_INTERVIEWS ?? 60);
  const api = await startFakeSlackApi();
  const connector = await startFakeBotConnector();
  const env = { ...slackEnv(api), ...BENCH_APP_ENV, HOST: '127.0.0.1', WEB_CHAT: 'true' };
  const config = loadConfig({ env: { ...env, WEB_CONVERSATIONS_PER_HOUR: '100000' }, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });
  const bare = await startBareBoltEcho(config, logger);
  const archie = await createArchie(config, { logger, defaultMetrics: false });
  const url = `http://127.0.0.1:${await archie.listen()}`;
  const drivers = [slackDriver(url, api), teamsDriver(url, connector), webDriver(url)];

  /** The bare echo app's round trip for one DM, with the same reading time and concurrency. */
  const bareRoundTrips = async (count: number) => {
    const think = readingTime();
    const samples: number[] = [];
    const waiting = new Map<string, () => void>();
    const stop = api.onCall((call) => {
      const channel = call.args.channel as string;
      waiting.get(channel)?.();
      waiting.delete(channel);
    });
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const n = next++;
        await new Promise((r) => setTimeout(r, think()));
        const channel = `DBARE${n}`;
        const posted = new Promise<number>((resolve) => waiting.set(channel, () => resolve(performance.now())));
        const started = performance.now();
        await postSlack(bare.url, eventEnvelope(dmMessage('hello', { channel, user: `UBARE${n}` })));
        samples.push((await posted) - started);
      }
    };
    await Promise.all(Array.from({ length: atOnce }, worker));
    stop();
    return samples;
  };

  try {
    for (const driver of drivers) await interviewAll(driver, { atOnce, interviews: atOnce, think: false }); // warm-up
    const bareMs = await bareRoundTrips(interviews * 3);
    const rows: BenchResult[] = [];
    for (const driver of drivers) {
      api.reset();
      connector.reset();
      const { samples } = await interviewAll(driver, { atOnce, interviews, think: true });
      for (const [q, limit] of [
        [0.5, 10],
        [0.99, 50],
      ] as const) {
        const value = percentile(samples, q);
        rows.push({
          name: `${driver.name}: offline turn, event in → reply posted, p${q * 100} (${atOnce} conversations at once, ${samples.length} turns)`,
          value,
          unit: 'ms',
          baseline: { name: `bare Bolt echo p${q * 100}`, value: percentile(bareMs, q) },
          target: `< ${limit} ms`,
          ok: value < limit,
        });
      }
    }
    // Capacity: the same interviews with nobody reading, all channels in turn; information, no target.
    let capacityTurns = 0;
    let capacityMs = 0;
    for (const driver of drivers) {
      api.reset();
      connector.reset();
      const { samples, wallMs } = await interviewAll(driver, { atOnce, interviews, think: false });
      capacityTurns += samples.length;
      capacityMs += wallMs;
    }
    rows.push({
      name: `capacity of one replica: offline turns per second, nobody reading (${atOnce} at once, Slack/Teams/web)`,
      value: capacityTurns / (capacityMs / 1000),
      unit: 'turns/s',
    });
    return rows;
  } finally {
    bare.close();
    await archie.close();
    await connector.close();
    await api.close();
  }
}
