/**
 * D16 (web part): starting a web chat conversation costs a client something. Each one is stored, and the
 * per-conversation limits mean nothing if conversations are free: one address may start only so many per
 * hour, and another site cannot start them at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeHarness, rawRequest, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
beforeAll(async () => {
  h = await startEdgeHarness({ WEB_CONVERSATIONS_PER_HOUR: '3' });
});
afterAll(async () => h?.close());

const start = (headers: Record<string, string> = {}) =>
  rawRequest(h.baseUrl, {
    path: '/api/web/conversations',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('starting web chat conversations', () => {
  it('refuses another site, even with a body that needs no preflight', async () => {
    const plain = await rawRequest(h.baseUrl, {
      path: '/api/web/conversations',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      body: 'x',
    });
    expect([403, 415]).toContain(plain.status);
    expect((await start({ origin: 'http://evil.example' })).status).toBe(403);
  });

  it('lets one address start a few per hour, then says when it can start another (429, Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await start()).status);
    expect(statuses).toEqual([201, 201, 201]);

    const res = await fetch(`${h.baseUrl}/api/web/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: string }).error).toMatch(/Carry on in one of them/);
  });
});
