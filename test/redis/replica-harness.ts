/**
 * Real `archie serve` processes sharing one Redis database (a free, empty DB number per run, flushed at
 * the end) and one fake Slack Web API on 127.0.0.1. Each replica's JSON log lines are kept for assertions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createClient } from '@keyv/redis';
import { FAKE_BOT, type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.js';
import { postSlack, SIGNING_SECRET, slashCommand } from '../support/slack-request.js';

const ROOT = resolve(import.meta.dirname, '../..');
export const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Replica {
  name: string;
  process: ChildProcess;
  baseUrl: string;
  logs: Record<string, unknown>[];
  exited: Promise<number | null>;
}

/** An empty Redis database for this run (so parallel users of the server are untouched). */
export async function claimRedisDb(): Promise<{ url: string; release(): Promise<void> }> {
  for (let db = 15; db >= 1; db -= 1) {
    const client = createClient({ url: `${REDIS}/${db}` });
    await client.connect();
    const size = await client.dbSize();
    if (size === 0) {
      // Mark it taken at once: a parallel run looking for an empty DB skips this one.
      await client.set('archie-test:claimed', String(process.pid), { EX: 3_600 });
      return {
        url: `${REDIS}/${db}`,
        release: async () => {
          await client.flushDb();
          await client.close();
        },
      };
    }
    await client.close();
  }
  throw new Error('no empty Redis database (1-15) to run the replica tests in');
}

/** Every process started here, so a failed start never leaves one running. */
const spawned = new Set<ChildProcess>();

/** Kills every replica still running (SIGKILL). */
export function killAllReplicas(): void {
  for (const child of spawned) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['bin/archie.js', 'serve'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.add(child);
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // pino writes JSON lines (to stderr in `serve`); read both streams.
  const port = new Promise<number>((done, fail) => {
    const read = (stream: NodeJS.ReadableStream) => {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            logs.push(entry);
            if (typeof entry.port === 'number' && /Archie is running/.test(String(entry.msg))) done(entry.port);
          } catch {
            logs.push({ raw: line });
          }
        }
      });
    };
    read(child.stdout!);
    read(child.stderr!);
    void exited.then((code) =>
      fail(new Error(`${name} exited (${code}) before listening: ${JSON.stringify(logs.slice(-5)).slice(0, 2000)}`)),
    );
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
  try {
    return { name, process: child, baseUrl: `http://127.0.0.1:${await port}`, logs, exited };
  } finally {
    clearTimeout(timeout);
  }
}

export async function stopReplica(replica: Replica, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (replica.process.exitCode !== null || replica.process.signalCode !== null) return;
  replica.process.kill(signal);
  await replica.exited;
}

/** The environment every replica shares: one Redis DB for store and queue, Slack pointed at the fake. */
export function replicaEnv(redisUrl: string, api: FakeSlackApi): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    STORE_URL: redisUrl,
    REDIS_URL: redisUrl,
    SLACK_BOT_TOKEN: FAKE_BOT.botToken,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    CHECKIN_LOCK_MS: '2000',
    LOG_LEVEL: 'info',
    WEB_CHAT: 'false',
  };
}

/** Types `/archie <text>` in a channel (through the real Slack adapter of a replica). */
export async function slash(replica: Replica, text: string, channelId: string): Promise<void> {
  const response = await postSlack(replica.baseUrl, slashCommand(text, { channelId }));
  if (response.status !== 200) throw new Error(`slash command answered ${response.status}`);
}

export { startFakeSlackApi };

/** Successful chat.postMessage calls whose text starts a check-in, per channel. */
export function checkinPosts(api: FakeSlackApi, channel?: string) {
  return api
    .calls('chat.postMessage')
    .filter((c) => String(c.args.text ?? '').includes('Architecture check-in'))
    .filter((c) => channel === undefined || c.args.channel === channel);
}

/** A 7-field croner pattern (with year) that fires once, at `at` (UTC). */
export function onceAt(at: Date): string {
  return `${at.getUTCSeconds()} ${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} * ${at.getUTCFullYear()}`;
}
