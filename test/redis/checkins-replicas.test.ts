/**
 * Check-ins across two real `archie serve` replicas sharing Redis (store + BullMQ): every due check-in
 * is posted exactly once, a replica killed mid-run does not lose its check-in, and a restart resumes
 * the schedules (a run missed while everything was down runs once).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlackApi } from '../support/fake-slack-api.js';
import {
  checkinPosts,
  claimRedisDb,
  killAllReplicas,
  onceAt,
  type Replica,
  replicaEnv,
  slash,
  startFakeSlackApi,
  startReplica,
  stopReplica,
} from './replica-harness.js';

let api: FakeSlackApi;
let db: Awaited<ReturnType<typeof claimRedisDb>>;
let replicas: Replica[] = [];
const env = () => replicaEnv(db.url, api);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const confirmations = (channel: string) =>
  api
    .calls('chat.postMessage')
    .filter((c) => c.args.channel === channel && /scheduled:/.test(String(c.args.text ?? '')));

async function schedule(replica: Replica, channel: string, when: string): Promise<string> {
  await slash(replica, `checkin ${when}`, channel);
  const [call] = await api
    .waitFor((calls) =>
      calls.some(
        (c) => c.method === 'chat.postMessage' && c.args.channel === channel && /scheduled:/.test(c.args.text ?? ''),
      ),
    )
    .then(() => confirmations(channel));
  return /`([0-9a-f]{6})`/.exec(String(call!.args.text))![1]!;
}

beforeAll(async () => {
  api = await startFakeSlackApi();
  db = await claimRedisDb();
  replicas = await Promise.all([startReplica('a', env()), startReplica('b', env())]);
});

afterAll(async () => {
  await Promise.all(replicas.map((r) => stopReplica(r)));
  killAllReplicas();
  await db?.release();
  await api?.close();
});

describe('check-ins on two replicas sharing Redis', () => {
  it('posts each of 50 check-ins due at the same second exactly once', async () => {
    const due = new Date(Math.ceil((Date.now() + 12_000) / 1000) * 1000);
    const channels = Array.from({ length: 50 }, (_, i) => `C${String(i).padStart(3, '0')}`);
    // Created half on each replica.
    await Promise.all(channels.map((c, i) => slash(replicas[i % 2]!, `checkin cron ${onceAt(due)} in UTC`, c)));
    await api.waitFor(
      (calls) => channels.every((c) => calls.some((x) => x.args.channel === c && /scheduled:/.test(x.args.text ?? ''))),
      15_000,
    );
    expect(Date.now()).toBeLessThan(due.getTime());

    await api.waitFor(() => checkinPosts(api).length >= 50, 30_000);
    await sleep(3_000); // long enough for any duplicate to show up
    const posts = checkinPosts(api);
    expect(posts).toHaveLength(50);
    expect(new Set(posts.map((p) => p.args.channel))).toEqual(new Set(channels));
    // Both replicas took part (each runs BullMQ workers on the same queue).
    const ran = replicas.map(
      (r) => r.logs.filter((l) => l.msg === 'check-in job done' && l.outcome === 'posted').length,
    );
    expect(ran[0]! + ran[1]!).toBe(50);
    console.log(`50 check-ins: replica a posted ${ran[0]}, replica b posted ${ran[1]}; Slack received ${posts.length}`);
  });

  it('still posts once when the replica running the check-in is killed mid-run', async () => {
    const due = new Date(Math.ceil((Date.now() + 8_000) / 1000) * 1000);
    await schedule(replicas[0]!, 'CKILL', `cron ${onceAt(due)} in UTC`);
    // Slack rate-limits the first post for 20 s: the replica that took the job waits inside it.
    api.failNext('chat.postMessage', { status: 429, retryAfter: 20 });
    await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage!failed'), 20_000);
    const holder = await waitForHolder();
    const started = Date.now();
    holder.process.kill('SIGKILL');
    await holder.exited;

    await api.waitFor(() => checkinPosts(api, 'CKILL').length >= 1, 20_000);
    const tookOverMs = Date.now() - started;
    await sleep(3_000);
    expect(checkinPosts(api, 'CKILL')).toHaveLength(1);
    // The survivor delivered it well before the 20 s Retry-After the dead replica was waiting out.
    expect(tookOverMs).toBeLessThan(15_000);
    console.log(`kill test: ${holder.name} killed mid-run; the other replica posted after ${tookOverMs} ms`);

    // Bring the killed replica back for the next test.
    const index = replicas.indexOf(holder);
    replicas[index] = await startReplica(holder.name, env());
  });

  it('resumes schedules after a restart; a run missed while every replica was down runs once', async () => {
    const weekly = await schedule(replicas[0]!, 'CWEEKLY', 'weekly on monday 09:00 in Europe/Berlin');
    const due = new Date(Math.ceil((Date.now() + 4_000) / 1000) * 1000);
    await schedule(replicas[1]!, 'CDOWN', `cron ${onceAt(due)} in UTC`);
    await Promise.all(replicas.map((r) => stopReplica(r)));
    await sleep(Math.max(0, due.getTime() - Date.now()) + 2_000);
    expect(checkinPosts(api, 'CDOWN')).toHaveLength(0);

    replicas = await Promise.all([startReplica('a', env()), startReplica('b', env())]);
    await api.waitFor(() => checkinPosts(api, 'CDOWN').length >= 1, 20_000);
    await sleep(3_000);
    expect(checkinPosts(api, 'CDOWN')).toHaveLength(1);

    await slash(replicas[1]!, 'checkin list', 'CWEEKLY');
    await api.waitFor((calls) =>
      calls.some(
        (c) =>
          c.args.channel === 'CWEEKLY' &&
          String(c.args.text ?? '').includes(`${weekly}`) &&
          /next/.test(c.args.text ?? ''),
      ),
    );
  });
});

async function waitForHolder(): Promise<Replica> {
  for (let i = 0; i < 100; i += 1) {
    const holder = replicas.find((r) => r.logs.some((l) => l.msg === 'check-in not delivered yet; retrying'));
    if (holder) return holder;
    await sleep(50);
  }
  throw new Error('no replica reported the rate-limited check-in');
}
