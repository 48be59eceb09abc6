/**
 * Slack throughput over whole interviews: each simulated user sends a description in a DM, then clicks the
 * first option of every question Archie asks (a signed block_actions request carrying the question message,
 * as Slack sends it) until the recommendation arrives. The bare Bolt echo app gets the same requests in the
 * same order (the clicks recorded from Archie's warm-up round) and echoes each one. Events per second
 * acked and answered, both measured in the same run against the same fake Slack Web API.
 *
 * slack.bench.ts measures the heaviest event alone (a first description from a new user); this measures
 * the mix a real interview produces.
 */
import { createArchie } from '../src/app/create-archie.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLogger } from '../src/observability/create-logger.js';
import { type RecordedCall, slackEnv, startFakeSlackApi } from '../test/support/fake-slack-api.js';
import { blockActions, dmMessage, eventEnvelope, postSlack } from '../test/support/slack-request.js';
import type { BenchResult } from './bench-result.js';
import { startBareBoltEcho } from './support/bare-bolt.js';
import { measureSessions, type Timed } from './support/sessions.js';
import {
  BENCH_APP_ENV,
  BENCH_DESCRIPTIONS,
  interleavedRounds,
  median,
  p95Result,
  rateResult,
} from './support/throughput.js';

type Block = { type: string; block_id?: string; elements?: Button[] };
type Button = { action_id: string; value: string; text: { type: 'plain_text'; text: string } };
/** A click as Slack sends it: the message the button sits in, and the button. */
type Click = { message: { text?: string; blocks: Block[] }; button: Button & { block_id?: string } };

const actionsOf = (call: RecordedCall, prefix: string) =>
  ((call.args.blocks ?? []) as Block[]).find((b) => b.type === 'actions' && b.block_id?.startsWith(prefix));

export async function bench(): Promise<BenchResult[]> {
  const count = Number(process.env.BENCH_SLACK_INTERVIEWS ?? 120);
  const warmup = Number(process.env.BENCH_SLACK_WARMUP ?? 3);
  const rounds = Number(process.env.BENCH_SLACK_ROUNDS ?? 3);
  const concurrency = Number(process.env.BENCH_SLACK_CONCURRENCY ?? 16);
  const api = await startFakeSlackApi();
  const config = loadConfig({ env: { ...slackEnv(api), ...BENCH_APP_ENV }, dotenvPath: false });
  const logger = createLogger({ level: 'silent' });

  // The next message posted to a channel that `accept`s it, found without scanning every call.
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
  const nextPost = (channel: string, accept: (c: RecordedCall) => boolean = () => true) =>
    new Promise<RecordedCall>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply in ${channel} within 60 s`)), 60_000);
      waiting.set(channel, {
        accept,
        resolve: (c) => {
          clearTimeout(timer);
          resolve(c);
        },
      });
    });
  // Archie answers a turn with a question or the recommendation, each ending in its buttons.
  const isTurnEnd = (c: RecordedCall) => Boolean(actionsOf(c, 'archie-q') ?? actionsOf(c, 'archie-rec'));

  const bareServer = await startBareBoltEcho(config, logger, { buttons: true });
  const archie = await createArchie({ ...config, port: 0 }, { logger, defaultMetrics: false });
  const archieUrl = `http://127.0.0.1:${await archie.listen()}`;

  // What each description's interview clicks, recorded from Archie's first round and replayed to the bare app.
  const scripts = new Map<number, Click[]>();
  let sessionSeq = 0;
  const describe = async (url: string, timed: Timed, d: number, accept?: (c: RecordedCall) => boolean) => {
    const n = ++sessionSeq;
    const who = { channel: `DIV${n}`, user: `UIV${n}` };
    const reply = nextPost(who.channel, accept);
    const ts = `1710000000.${String(n).padStart(6, '0')}`;
    await timed(() => postSlack(url, eventEnvelope(dmMessage(BENCH_DESCRIPTIONS[d]!, { ...who, ts }))));
    return { who, reply: await reply };
  };
  const click = (url: string, timed: Timed, who: { channel: string; user: string }, c: Click, ts: string) =>
    timed(() =>
      postSlack(
        url,
        blockActions({ channelId: who.channel, userId: who.user, message: { ts, ...c.message }, button: c.button }),
      ),
    );

  const archieInterview = async (i: number, timed: Timed) => {
    const d = i % BENCH_DESCRIPTIONS.length;
    let { who, reply } = await describe(archieUrl, timed, d, isTurnEnd);
    const clicks: Click[] = [];
    for (let step = 0; step < 6; step++) {
      const block = actionsOf(reply, 'archie-q');
      if (!block) break;
      const c: Click = {
        message: { text: reply.args.text, blocks: reply.args.blocks },
        button: { ...block.elements![0]!, block_id: block.block_id },
      };
      clicks.push(c);
      const next = nextPost(who.channel, isTurnEnd);
      await click(archieUrl, timed, who, c, String(reply.result!.ts));
      reply = await next;
    }
    if (!actionsOf(reply, 'archie-rec')) throw new Error(`interview ${i} ended without a recommendation`);
    if (!scripts.has(d)) scripts.set(d, clicks);
  };
  const bareInterview = async (i: number, timed: Timed) => {
    const d = i % BENCH_DESCRIPTIONS.length;
    let { who, reply } = await describe(bareServer.url, timed, d);
    for (const c of scripts.get(d) ?? []) {
      const next = nextPost(who.channel);
      await click(bareServer.url, timed, who, c, String(reply.result!.ts));
      reply = await next;
    }
  };
  const drive = (session: (i: number, timed: Timed) => Promise<void>) => {
    api.reset();
    return measureSessions({ count, concurrency, session });
  };

  try {
    // Archie goes first in every round: its first warm-up round records the clicks the bare app replays.
    const runs = await interleavedRounds(
      { archie: () => drive(archieInterview), bare: () => drive(bareInterview) },
      { warmup, rounds },
    );
    const archieRun = median(runs.archie);
    const bareRun = median(runs.bare);
    return [
      rateResult(
        {
          name: `slack: interview events acked and answered (${(archieRun.events / count).toFixed(1)} per interview)`,
          unit: 'events/s',
          minRatio: 0.7,
          versus: 'bare Bolt echo',
        },
        archieRun,
        { name: 'bare Bolt echo app', run: bareRun },
      ),
      p95Result({ name: 'slack: interview ack latency p95', limitMs: 1_000, why: 'Slack allows 3 s' }, archieRun, {
        name: 'bare Bolt p95',
        run: bareRun,
      }),
    ];
  } finally {
    bareServer.close();
    await archie.close();
    await api.close();
  }
}
