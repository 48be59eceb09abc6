/**
 * D3 and D4: what a web page on another site can make a developer's browser send to a local Archie.
 * A cross-site "simple" POST (text/plain, no preflight) to /api/messages must not make Archie post
 * anywhere; a rebound host name (DNS rebinding) must not reach the web chat or Teams; and Teams without
 * an app id runs only on a loopback bind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { message } from '../channels/teams/teams-payloads.js';
import { type EdgeHarness, rawRequest, startEdgeHarness } from './edge-harness.js';

let h: EdgeHarness;
beforeAll(async () => {
  h = await startEdgeHarness({ PUBLIC_URL: 'https://archie.example.com' });
});
afterAll(async () => h?.close());

const activity = (conversationId: string) =>
  JSON.stringify(message({ serviceUrl: h.connector.url, conversationId }, 'help'));
const settle = () => new Promise((r) => setTimeout(r, 500));

describe('requests a web page on another site can make', () => {
  it('refuses a text/plain activity on /api/messages, so a page cannot make Archie post to any URL', async () => {
    const res = await fetch(`${h.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
      body: activity('a:csrf-plain'),
    });
    expect([403, 415]).toContain(res.status);
    const same = await fetch(`${h.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: activity('a:csrf-plain-2'),
    });
    expect(same.status).toBe(415);
    expect(((await same.json()) as { error: string }).error).toMatch(/Content-Type: application\/json/);
    await settle();
    expect(h.connector.messages('a:csrf-plain')).toHaveLength(0);
    expect(h.connector.messages('a:csrf-plain-2')).toHaveLength(0);
  });

  it('refuses a JSON activity from another site (Origin), and answers the same activity sent by a local tool', async () => {
    const cross = await h.teamsPost(JSON.parse(activity('a:csrf-json')), { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    const local = await h.teamsPost(JSON.parse(activity('a:playground')));
    expect(local.status).toBe(200);
    await h.connector.waitFor(() => h.connector.messages('a:playground').length > 0);
    expect(h.connector.messages('a:csrf-json')).toHaveLength(0);
  });

  it('refuses a rebound host name on the web chat and Teams, and accepts loopback names and PUBLIC_URL', async () => {
    const create = (host: string) =>
      rawRequest(h.baseUrl, {
        path: '/api/web/conversations',
        headers: { host, 'content-type': 'application/json' },
        body: '{}',
      });
    const rebound = await create('attacker.example:4201');
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toMatch(/PUBLIC_URL/);
    const teams = await rawRequest(h.baseUrl, {
      path: '/api/messages',
      headers: { host: 'attacker.example:4201', 'content-type': 'application/json' },
      body: activity('a:rebound'),
    });
    expect(teams.status).toBe(403);

    for (const host of ['localhost:3978', '127.0.0.1', '[::1]:3978', 'archie.example.com']) {
      expect((await create(host)).status, host).toBe(201);
    }
  });

  it('refuses a cross-site web chat message, and accepts the page’s own', async () => {
    const id = await h.webConversation();
    const send = (origin: string) =>
      fetch(`${h.baseUrl}/api/web/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ text: 'We are 3 engineers' }),
      });
    expect((await send('http://evil.example')).status).toBe(403);
    expect((await send('null')).status).toBe(403);
    expect((await send(h.baseUrl)).status).toBe(200);
    expect((await send('https://archie.example.com')).status).toBe(200);
  });
});

describe('Teams without an app id on a public address (D4)', () => {
  let archie: Archie;
  let base: string;
  afterAll(async () => archie?.close());

  it('is off, with a start-up message saying how to configure it, while the server still serves', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const config = loadConfig({
      dotenvPath: false,
      env: { HOST: '0.0.0.0', PORT: '0', STORE_URL: 'memory://', ENGINE_THREADS: '0' },
    });
    archie = await createArchie(config, { logger, defaultMetrics: false });
    base = `http://127.0.0.1:${await archie.listen()}`;

    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hi', conversation: { id: 'slack:T1:D500' } }),
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/MICROSOFT_APP_ID/);
    expect(lines.join('\n')).toMatch(/Teams is off: MICROSOFT_APP_ID is not set.*loopback.*HOST=127\.0\.0\.1/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
