/**
 * Offline turn latency, server side: from a Slack event arriving to Archie's reply being posted (the fake
 * Slack Web API on 127.0.0.1 records it), with 20 conversations interviewing at once. Each simulated user
 * sends a description, then clicks the first option of every question until the recommendation arrives.
 * Baseline: a bare Bolt echo app's round trip over the same fakes in the same run.
 */
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { type RecordedCall, slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { blockActions, dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';
import type { BenchResult } from './bench-result.js';
import { startBareBoltEcho } from './support/bare-bolt.js';
import { BENCH_APP_ENV, BENCH_DESCRIPTIONS } from './support/throughput.js';

type Block = { type: string; block_id?: string; elements?: Button[] };
type Button = { action_id: string; value: string; text: { type: 'plain_text'; text: string } };

const actionsOf = (call: RecordedCall, prefix: string) =>
  ((call.args.blocks ?? []) as Block[]).find((b) => b.type === 'actions' && b.block_id?.startsWith(prefix));

const percentile = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

export async function bench(): Promise<BenchResult[]> {
  const conversations = Number(process.env.BENCH_CONVERSATIONS_AT_ONCE ?? 20);
  const interviews = Number(process.env.BENCH_INTERVIEWS ?? 100);
  const api = await startFakeSlackApi();
  const config = loadConfig({ env: { ...slackEnv(api), ...BENCH_APP_ENV }, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });

  // The next message posted to a channel that `accept`s it, with the time it arrived.
  const waiting = new Map<string, { accept: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }>();
  api.onCall((call) => {
    if (call.method !== 'chat.postMessage') return;
    const channel = call.result?.channel as string;
    const w = waiting.get(channel);
    if (w?.accept(call)) {
      waiting.delete(channel);
      w.resolve(call);
    }
  });
  const nextPost = (channel: string, accept: (c: RecordedCall) => boolean) =>
    new Promise<{ call: RecordedCall; at: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply in ${channel} within 60 s`)), 60_000);
      waiting.set(channel, {
        accept,
        resolve: (call) => {
          clearTimeout(timer);
          resolve({ call, at: performance.now() });
        },
      });
    });
  const isTurnEnd = (c: RecordedCall) => Boolean(actionsOf(c, 'archie-q') ?? actionsOf(c, 'archie-rec'));
  const any = () => true;

  // People read a reply before they answer: each user sends its next message 0.5-2 s after Archie's reply
  // (faster than people read), so 20 conversations at once is ~10-20 turns a second, some arriving together.
  let rand = 0x2545f491;
  const thinkMs = () => {
    rand = (rand * 1103515245 + 12345) & 0x7fffffff;
    return 500 + (rand / 0x7fffffff) * 1500;
  };
  let seq = 0;
  /** One interview; pushes each turn's event-in → reply-posted time. */
  const interview = async (url: string, i: number, samples: number[], accept: (c: RecordedCall) => boolean) => {
    const n = ++seq;
    const who = { channel: `DLAT${n}`, user: `ULAT${n}` };
    const turn = async (send: () => Promise<Response>) => {
      await new Promise((r) => setTimeout(r, thinkMs()));
      const reply = nextPost(who.channel, accept);
      const started = performance.now();
      const res = await send();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const { call, at } = await reply;
      samples.push(at - started);
      return call;
    };
    const ts = `1710000000.${String(n).padStart(6, '0')}`;
    const text = BENCH_DESCRIPTIONS[i % BENCH_DESCRIPTIONS.length]!;
    let reply = await turn(() => postSlack(url, eventEnvelope(dmMessage(text, { ...who, ts }))));
    for (let step = 0; step < 6; step++) {
      const block = actionsOf(reply, 'archie-q');
      if (!block) break;
      const message = { ts: String(reply.result!.ts), text: reply.args.text, blocks: reply.args.blocks };
      const button = { ...block.elements![0]!, block_id: block.block_id };
      reply = await turn(() =>
        postSlack(url, blockActions({ channelId: who.channel, userId: who.user, message, button })),
      );
    }
  };
  const run = async (url: string, accept: (c: RecordedCall) => boolean) => {
    api.reset();
    const samples: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < interviews) await interview(url, next++, samples, accept);
    };
    await Promise.all(Array.from({ length: conversations }, worker));
    return samples;
  };

  const bare = await startBareBoltEcho(config, logger, { buttons: true });
  const archie = await createArchie({ ...config, port: 0 }, { logger, defaultMetrics: false });
  const archieUrl = `http://127.0.0.1:${await archie.listen()}`;
  try {
    await run(archieUrl, isTurnEnd); // warm-up
    await run(bare.url, any);
    const archieMs = await run(archieUrl, isTurnEnd);
    const bareMs = await run(bare.url, any);
    const row = (q: number, limit: number): BenchResult => ({
      name: `slack: offline turn, event in → reply posted, p${q * 100} (${conversations} conversations at once, ${archieMs.length} turns)`,
      value: percentile(archieMs, q),
      unit: 'ms',
      baseline: { name: `bare Bolt echo p${q * 100}`, value: percentile(bareMs, q) },
      target: `< ${limit} ms`,
      ok: percentile(archieMs, q) < limit,
    });
    return [row(0.5, 10), row(0.99, 50)];
  } finally {
    bare.close();
    await archie.close();
    await api.close();
  }
}
