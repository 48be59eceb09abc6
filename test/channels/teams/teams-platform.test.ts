import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { createFakeConsultant, type FakeConsultant } from './fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { message } from './teams-payloads.js';

let h: TeamsHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A clock whose sleeps return at once and are recorded, so backoff is asserted without waiting. */
function recordingClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => new Date(), sleep: async (ms) => void slept.push(ms) };
}

const place = (h: TeamsHarness) => ({ serviceUrl: h.connector.url, conversationId: 'a:1chat-retries' });

describe('Teams platform chores', () => {
  it('answers a retried activity (same id) once', async () => {
    const consultant: FakeConsultant = createFakeConsultant();
    h = await startTeamsHarness({ consultant });
    const inbound = message(place(h), 'We run one GPU inference service');
    expect((await h.post(inbound)).status).toBe(200);
    expect((await h.post(inbound)).status).toBe(200);
    expect(consultant.calls).toHaveLength(1);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('answers concurrent copies of one activity once', async () => {
    const consultant = createFakeConsultant();
    h = await startTeamsHarness({ consultant });
    const inbound = message(place(h), 'double click');
    const statuses = await Promise.all([h.post(inbound), h.post(inbound), h.post(inbound)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(consultant.calls).toHaveLength(1);
    const hits = (await h.deps.metrics.dedupeHits.get()).values.find((v) => v.labels.channel === 'teams');
    expect(hits?.value).toBe(2);
  });

  it('rejects a malformed activity with 400 and keeps serving', async () => {
    const consultant = createFakeConsultant();
    h = await startTeamsHarness({ consultant });
    expect((await h.post('{"type": "message", "text": ')).status).toBe(400);
    expect((await h.post({ type: 'message', text: 'no conversation' })).status).toBe(400);
    expect((await h.post({ ...message(place(h), 'x'), text: 42 })).status).toBe(400);
    expect((await h.post('[]')).status).toBe(400);
    const ok = await h.post(message(place(h), 'still there?'));
    expect(ok.status).toBe(200);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('retries after a 429 from the connector, honouring Retry-After, and delivers', async () => {
    const clock = recordingClock();
    h = await startTeamsHarness({ consultant: createFakeConsultant(), clock });
    h.connector.failNext(2, { status: 429, retryAfter: '3', body: { error: { code: 'Throttled' } } });
    await h.post(message(place(h), 'hello'));
    await h.connector.waitFor((r) => r.some((a) => a.activity.type === 'message'));
    expect(h.connector.failed.map((f) => f.status)).toEqual([429, 429]);
    expect(clock.slept).toContain(3_000);
    expect(h.connector.messages()).toHaveLength(1);
  });

  it('backs off exponentially when a 429 carries no Retry-After', async () => {
    const clock = recordingClock();
    h = await startTeamsHarness({ consultant: createFakeConsultant(), clock });
    h.connector.failNext(3, { status: 429 });
    await h.post(message(place(h), 'hello'));
    await h.connector.waitFor((r) => r.some((a) => a.activity.type === 'message'));
    const backoffs = clock.slept.filter((ms) => ms >= 1_000);
    expect(backoffs.slice(-3)).toEqual([1_000, 2_000, 4_000]);
  });
});

describe('Teams without an app id in production', () => {
  it('answers 503 with how to configure it instead of crashing the server', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production'; // the Agents SDK refuses anonymous mode in production
    try {
      h = await startTeamsHarness({ consultant: createFakeConsultant() });
    } finally {
      process.env.NODE_ENV = previous;
    }
    const res = await h.post(message(place(h), 'hello'));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/MICROSOFT_APP_ID/);
    expect(h.status()).toMatchObject({ mounted: false });
  });
});
