/**
 * `archie data delete` against real Redis (STORE_URL and REDIS_URL on an empty database of their own): a
 * person's DM, its assessment history and check-in go from the store and from the Redis indexes every
 * replica shares; another person's conversation stays.
 */
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessInSlackDm, startEdgeHarness } from '../security/edge-harness.js';
import { runCli } from '../support/cli.js';
import { claimRedisDb } from './replica-harness.js';

let db: Awaited<ReturnType<typeof claimRedisDb>>;
let redis: ReturnType<typeof createClient>;

/** Every key whose name, string value or set members mention `text`. */
async function keysMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for await (const batch of redis.scanIterator({ COUNT: 500 })) {
    for (const key of batch) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? ((await redis.get(key)) ?? '')
          : type === 'set'
            ? (await redis.sMembers(key)).join(' ')
            : '';
      if (key.includes(text) || value.includes(text)) found.push(key);
    }
  }
  return found;
}

beforeAll(async () => {
  db = await claimRedisDb();
  redis = createClient({ url: db.url });
  await redis.connect();
  const h = await startEdgeHarness({ STORE_URL: db.url, REDIS_URL: db.url });
  try {
    await assessInSlackDm(h, { channel: 'D0ALICE', user: 'U0ALICE' });
    await h.slackDm('checkin weekly on monday 09:00', { channel: 'D0ALICE', user: 'U0ALICE' });
    await h.slackDm('We are 5 engineers building a support chatbot on a hosted model.', {
      channel: 'D0BOB',
      user: 'U0BOB',
    });
  } finally {
    await h.close();
  }
}, 120_000);

afterAll(async () => {
  await redis?.close();
  await db?.release();
});

describe('archie data delete on Redis', () => {
  it('erases a person from the store and the shared indexes, and keeps everyone else', async () => {
    expect((await keysMentioning('D0ALICE')).length).toBeGreaterThan(2);
    expect(await redis.sMembers('archie:history:teams')).toContain('slack:T0TEAM:D0ALICE');
    const run = await runCli(['data', 'delete', '--user', 'U0ALICE'], {
      env: { STORE_URL: db.url, REDIS_URL: db.url },
      timeoutMs: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Conversations: 1 \(slack:T0TEAM:D0ALICE\)/);
    expect(run.stdout).toMatch(/Check-ins: 1/);
    expect(await keysMentioning('D0ALICE')).toEqual([]);
    expect(await keysMentioning('U0ALICE')).toEqual([]);
    expect(await redis.sMembers('archie:checkins:index')).toEqual([]);
    expect(await keysMentioning('slack:T0TEAM:D0BOB')).toContain('archie::conv:slack:T0TEAM:D0BOB');
  });
});
