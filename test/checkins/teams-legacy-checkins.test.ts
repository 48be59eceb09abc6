/**
 * Check-ins and history made in Teams by an older Archie (stored under the bare Teams conversation id) are
 * found again after the upgrade to `teams:<tenant>:<conversation>` ids: listed, managed and compared
 * against the team's verdicts from the Teams chat they belong to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/app/commands.js';
import type { CheckinRecord } from '../../src/checkins/checkin-store.js';
import { type CheckinHarness, startCheckinHarness, texts } from './checkin-harness.js';

let h: CheckinHarness;
afterEach(async () => h?.close());

const TENANT = '72f988bf-0000-4000-8000-000000000001';
const RAW = '19:arch@thread.tacv2';

/** What Teams gives a turn in that channel now. */
const teamsCtx: CommandContext = {
  target: { channel: 'teams', key: RAW, meta: { serviceUrl: 'https://smba.example/', tenantId: TENANT } },
  conversationId: `teams:${TENANT}:${RAW}`,
};

describe('Teams check-ins stored under the old conversation id', () => {
  it('are moved, with their history, to the namespaced id at start-up', async () => {
    // What an older version stored: the record, its history and the conversation reference, all by bare id.
    h = await startCheckinHarness({
      seed: async (store) => {
        const record: CheckinRecord = {
          schemaVersion: 1,
          id: 'abc123',
          conversationId: RAW,
          target: { channel: 'teams', key: RAW, meta: { serviceUrl: 'https://smba.example/' } },
          schedule: { pattern: '0 9 * * 1', timeZone: 'UTC', description: 'every Monday at 09:00 (UTC)' },
          status: 'active',
          createdAt: '2026-01-01T00:00:00.000Z',
        };
        await store.set('checkin:abc123', record);
        await store.set('checkins:index', ['abc123']);
        const entry = {
          schemaVersion: 1,
          at: '2026-01-02T10:00:00.000Z',
          verdict: 'hybrid',
          confidence: 0.8,
          scores: { monolith: 0, 'modular-monolith': 0, hybrid: 1, microservices: 0 },
          profile: { engineers: 40 },
          factors: [],
          citations: [],
          engineVersion: 'test',
          source: 'conversation',
          channel: 'teams',
        };
        await store.set(`history:${RAW}`, [entry]);
        await store.set('history:teams', [RAW]);
        await store.set(`teams:ref:${RAW}`, JSON.stringify({ conversation: { id: RAW, tenantId: TENANT } }));
      },
    });
    const store = h.deps.store;

    expect(texts(await h.command('checkin list', teamsCtx))).toMatch(/`abc123`/);
    expect(texts(await h.command('history', teamsCtx))).toMatch(/hybrid.*40 engineers/s);
    expect(await store.get(`history:${RAW}`)).toBeUndefined();
  });
});
