/**
 * The load driver the channel throughput benches share: post N messages through a bounded pool of
 * workers, time each request, then wait until every one was answered, and report the rate.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type express from 'express';
import { type BenchResult, summarize } from '../bench-result.js';

/** Architecture descriptions the benches send, one per message, in turn. */
export const BENCH_DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Two teams build an agent platform; we self-host a 70B model on GPUs and ingest 5 million documents a day.',
  'Solo developer, prototype chatbot for customer support, OpenAI API, a few hundred users.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
];

/** Archie as the channel benches run it: memory store, any port, silent, no web chat or check-ins, no rate limit. */
export const BENCH_APP_ENV: Readonly<Record<string, string>> = {
  STORE_URL: 'memory://',
  PORT: '0',
  LOG_LEVEL: 'silent',
  WEB_CHAT: 'false',
  CHECKINS: 'false',
  RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
};

export interface ThroughputRun {
  /** Messages sent and answered per second of wall time. */
  perSecond: number;
  /** How long each request took to get its HTTP response (the ack). */
  requestMs: number[];
  /** Process CPU per answered message (server + in-process load generator and fakes), all threads. */
  cpuMsPerMessage: number;
  /**
   * CPU the main thread ran per answered message, which is what bounds throughput here (on Linux; elsewhere
   * the event loop's busy time, which also counts time spent waiting for a core).
   */
  eventLoopCpuMsPerMessage: number;
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const hasSchedstat = existsSync(SCHEDSTAT);

/** CPU the main thread has run so far, in ms (its busy time where /proc is missing). */
const mainThreadCpuMs = () =>
  hasSchedstat
    ? Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6
    : performance.eventLoopUtilization().active;

/** Starts timing a run; the returned function gives its rate and CPU per message once `messages` are answered. */
export function startRunMeter(): (messages: number, requestMs: number[]) => ThroughputRun {
  const cpu = process.cpuUsage();
  const mainAtStart = mainThreadCpuMs();
  const started = performance.now();
  return (messages, requestMs) => {
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    return {
      perSecond: messages / seconds,
      requestMs,
      cpuMsPerMessage: (used.user + used.system) / 1000 / messages,
      eventLoopCpuMsPerMessage: (mainThreadCpuMs() - mainAtStart) / messages,
    };
  };
}

export interface ThroughputOptions {
  count: number;
  concurrency: number;
  /** Sends message `i`; resolves once its response has arrived (and been read, if it should be). */
  send: (i: number) => Promise<{ status: number }>;
  /** What one message is called in errors ("event", "activity"). */
  noun: string;
  /** Resolves once every one of the `count` messages has been answered. */
  answered: () => Promise<unknown>;
}

/** Drives `count` messages with bounded concurrency; fails on the first non-200 response. */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputRun> {
  const { count, concurrency, send, noun } = options;
  const requestMs: number[] = [];
  const finish = startRunMeter();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      const res = await send(i);
      requestMs.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${noun} ${i} got HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await options.answered();
  return finish(count, requestMs);
}

/**
 * Drives every target `warmup` rounds, then `rounds` measured ones, in turn, so the machine's noise hits each
 * alike; returns each target's measured runs. The warm-up is several rounds: measured on this 2-core VM, the
 * servers kept getting faster through their first ~1,500 messages (JIT tiers on every thread, heap sizing),
 * and after a single warm round the first measured rounds were still on that curve, which held back the
 * server with more code to warm most. A server's throughput is its steady state.
 */
export async function interleavedRounds<T extends Record<string, (tag: string) => Promise<ThroughputRun>>>(
  targets: T,
  options: { warmup: number; rounds: number },
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>>[] }> {
  const names = Object.keys(targets) as (keyof T & string)[];
  const runs = Object.fromEntries(names.map((name) => [name, []])) as unknown as {
    [K in keyof T]: Awaited<ReturnType<T[K]>>[];
  };
  for (let round = 0; round < options.warmup + options.rounds; round++) {
    const warming = round < options.warmup;
    for (const name of names) {
      const run = await targets[name]!(warming ? `warm${round}-${name}` : `${name}${round}`);
      if (!warming) runs[name].push(run as Awaited<ReturnType<T[typeof name]>>);
    }
  }
  return runs;
}

/** The run with the median rate (rounds alternate between apps, so noise hits each alike). */
export const median = <T extends ThroughputRun>(runs: T[]): T =>
  [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;

/** Serves an Express app on a free 127.0.0.1 port. */
export async function listenOnLoopback(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * A result row: `run`'s rate beside `baseline`'s, met when it is at least `minRatio` times the baseline;
 * without `minRatio` the row is information only.
 */
export function rateResult(
  row: { name: string; unit: string; minRatio?: number; versus?: string },
  run: ThroughputRun,
  baseline: { name: string; run: ThroughputRun },
): BenchResult {
  const ratio = run.perSecond / baseline.run.perSecond;
  return {
    name: row.name,
    value: Math.round(run.perSecond),
    unit: row.unit,
    baseline: { name: baseline.name, value: Math.round(baseline.run.perSecond) },
    ratio: Number(ratio.toFixed(2)),
    ...(row.minRatio === undefined ? {} : { target: `>= ${row.minRatio}x ${row.versus}`, ok: ratio >= row.minRatio }),
  };
}

/**
 * An information row: CPU per answered message, `run` beside `baseline` (the ratio reads like the
 * throughput ratios: baseline's CPU over `run`'s, below 1 when `run` costs more).
 */
export function cpuResult(
  row: { name: string; of: 'cpuMsPerMessage' | 'eventLoopCpuMsPerMessage' },
  run: ThroughputRun,
  baseline: { name: string; run: ThroughputRun },
): BenchResult {
  const value = run[row.of];
  const base = baseline.run[row.of];
  return {
    name: row.name,
    value: Number(value.toFixed(2)),
    unit: 'ms',
    baseline: { name: baseline.name, value: Number(base.toFixed(2)) },
    ratio: Number((base / value).toFixed(2)),
  };
}

/** A result row: `run`'s p95 request time beside `baseline`'s, met when under `limitMs`. */
export function p95Result(
  row: { name: string; limitMs: number; why: string },
  run: ThroughputRun,
  baseline: { name: string; run: ThroughputRun },
): BenchResult {
  const p95 = summarize(run.requestMs).p95;
  return {
    name: row.name,
    value: Number(p95.toFixed(1)),
    unit: 'ms',
    target: `< ${row.limitMs} ms (${row.why})`,
    baseline: { name: baseline.name, value: Number(summarize(baseline.run.requestMs).p95.toFixed(1)) },
    ok: p95 < row.limitMs,
  };
}
