/**
 * D15, D16: what Archie keeps, and for how long, on a real SQLite file. Records past their TTL (Slack's
 * dedupe markers) are deleted; web chat conversations idle longer than WEB_CONVERSATION_IDLE_DAYS go; with
 * CONVERSATION_RETENTION_DAYS, conversations and assessment history older than that go: on the hourly
 * schedule while Archie runs, and at start-up for a store that sat unused.
 */
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempSqlite } from '../channels/web/web-test-server.js';
import { createFakeClock, type FakeClock } from '../support/fake-clock.js';
import { assessInSlackDm, type EdgeHarness, startEdgeHarness } from './edge-harness.js';

const DAY = 24 * 3_600_000;
const T0 = '2026-01-05T08:00:00Z';
const db = tempSqlite();
const env = { STORE_URL: db.storeUrl, CONVERSATION_RETENTION_DAYS: '30', WEB_CONVERSATION_IDLE_DAYS: '20' };
let file: Keyv;

beforeAll(() => {
  file = new Keyv({ store: new KeyvSqlite({ uri: db.storeUrl }), namespace: 'archie' });
});
afterAll(async () => {
  await file?.disconnect();
  db.cleanup();
});

/**
 * Resolves once a retention sweep has started at or after the clock's current time, moving the clock an
 * hour at a time (the sweep's schedule) while none has.
 */
async function swept(h: EdgeHarness, clock: FakeClock): Promise<void> {
  const since = clock.now().toISOString();
  for (let hour = 0; hour < 5; hour += 1) {
    for (let i = 0; i < 40; i += 1) {
      const health = (await (await fetch(`${h.baseUrl}/healthz`)).json()) as {
        channels: { retention?: { lastSweep?: { at: string } } };
      };
      const at = health.channels.retention?.lastSweep?.at;
      if (at && at >= since) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    await clock.advance(3_600_000);
  }
  throw new Error('no retention sweep ran');
}

const transcript = (h: EdgeHarness, id: string) => fetch(`${h.baseUrl}/api/web/conversations/${id}`);
const rows = async (prefix: string) =>
  (
    (await (file.store as KeyvSqlite).query(
      'SELECT key FROM keyv WHERE substr(key, 1, ?) = ?',
      prefix.length,
      prefix,
    )) as {
      key: string;
    }[]
  ).map((r) => r.key);

describe('retention on a SQLite store', () => {
  let webOld: string;
  let webRecent: string;

  it('deletes idle web chats and conversations and history past the retention, on the hourly schedule', async () => {
    const clock = createFakeClock(T0);
    const h = await startEdgeHarness(env, { clock });
    try {
      await swept(h, clock);
      await assessInSlackDm(h, { channel: 'D0OLDDM', user: 'U0OLD' });
      webOld = await h.webConversation();
      expect((await h.webTurn(webOld, { text: 'We are 4 engineers building a chatbot.' })).status).toBe(200);
      expect(await rows('archie:history:slack:T0TEAM:D0OLDDM')).toHaveLength(1);

      await clock.advance(15 * DAY);
      webRecent = await h.webConversation();
      expect((await h.webTurn(webRecent, { text: 'We are 6 engineers building a RAG assistant.' })).status).toBe(200);
      await assessInSlackDm(h, { channel: 'D0NEWDM', user: 'U0NEW' });

      // 31 days after the first conversations, 16 after the recent ones.
      await clock.advanceTo(new Date(Date.parse(T0) + 31 * DAY));
      await swept(h, clock);

      expect((await transcript(h, webOld)).status).toBe(404);
      expect((await transcript(h, webRecent)).status).toBe(200);
      expect(await rows(`archie:conv:web:${webOld}`)).toEqual([]);
      expect(await rows('archie:conv:slack:T0TEAM:D0OLDDM')).toEqual([]);
      expect(await rows('archie:history:slack:T0TEAM:D0OLDDM')).toEqual([]);
      expect(await rows('archie:conv:slack:T0TEAM:D0NEWDM')).toHaveLength(1);
      expect(await rows('archie:history:slack:T0TEAM:D0NEWDM')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it('at start-up, deletes expired dedupe markers and what aged past its time while Archie was stopped', async () => {
    // A Slack delivery marker from long ago (1 h TTL, long passed) and one still within its hour.
    await file.set('slack:event:EvLONGAGO', 1, 1);
    await file.set('slack:event:EvJUSTNOW', 1, 3_600_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(await rows('archie:slack:event:EvLONGAGO')).toHaveLength(1);

    const clock = createFakeClock(new Date(Date.parse(T0) + 60 * DAY));
    const h = await startEdgeHarness(env, { clock });
    try {
      await swept(h, clock);
      expect(await rows('archie:slack:event:EvLONGAGO')).toEqual([]);
      expect(await rows('archie:slack:event:EvJUSTNOW')).toHaveLength(1);
      expect((await transcript(h, webRecent)).status).toBe(404);
      expect(await rows('archie:conv:slack:T0TEAM:D0NEWDM')).toEqual([]);
      expect(await rows('archie:history:slack')).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
