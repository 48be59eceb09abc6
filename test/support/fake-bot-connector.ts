/**
 * A fake Bot Connector service on 127.0.0.1: records what the bot posts to
 * /v3/conversations/{id}/activities[/{replyToId}], can answer with failures (429 + Retry-After, 403…),
 * and serves a JWKS so tests can sign Bot Framework-style tokens the real SDK verifies.
 */
import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { readBody } from './read-body.js';

export interface RecordedActivity {
  method: string;
  conversationId: string;
  /** The activity's type, read without decoding the whole body. */
  type: string;
  /** Set when the bot replied to a specific activity (POST …/activities/{replyToId}). */
  replyToId?: string;
  /** Decoded on first read: decoding (and keeping) every body is the Bot Connector's work, not the agent's. */
  // biome-ignore lint/suspicious/noExplicitAny: activities are free-form JSON in tests
  activity: Record<string, any>;
  authorization?: string;
}

export interface Failure {
  status: number;
  retryAfter?: string;
  body?: unknown;
}

export interface FakeBotConnector {
  /** The serviceUrl to put on activities (ends with a slash, like Teams'). */
  url: string;
  received: RecordedActivity[];
  /** Requests that were answered with a failure, in order. */
  failed: { conversationId: string; status: number }[];
  /** The next `count` activity posts answer with `failure` instead of being recorded. */
  failNext(count: number, failure: Failure): void;
  /** Every post to this conversation answers with `failure` (e.g. 403 when the bot was removed). */
  failConversation(conversationId: string, failure: Failure): void;
  /** Resolves when `predicate` holds for the activities received so far. */
  waitFor(predicate: (received: RecordedActivity[]) => boolean, timeoutMs?: number): Promise<RecordedActivity[]>;
  /** Forgets what was received (benchmarks reuse one connector across runs). */
  reset(): void;
  /** Message activities (not typing) received for a conversation. */
  messages(conversationId?: string): RecordedActivity[];
  /** How many times the key set (JWKS) was fetched. */
  jwksFetches(): number;
  /** Signing for auth tests: tokens whose keys this server publishes. */
  auth: { tenantId: string; authority: string; issuer: string; sign(claims: Record<string, unknown>): string };
  close(): Promise<void>;
}

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const received: RecordedActivity[] = [];
  const failed: { conversationId: string; status: number }[] = [];
  const queued: Failure[] = [];
  const byConversation = new Map<string, Failure>();
  const events = new EventEmitter();
  // Generated on first use: only the auth tests need keys.
  let keys: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
  const keyPair = () => {
    keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    return keys;
  };
  const kid = randomUUID();
  let jwksFetches = 0;
  const tenantId = 'test-tenant';

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname.endsWith('/discovery/v2.0/keys')) {
      jwksFetches += 1;
      return json(res, 200, { keys: [jwk(keyPair().publicKey, kid)] });
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) return json(res, 404, { error: 'not found' });
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const raw = await readBody(req);
    const failure = byConversation.get(conversationId) ?? queued.shift();
    if (failure) {
      failed.push({ conversationId, status: failure.status });
      if (failure.retryAfter !== undefined) res.setHeader('Retry-After', failure.retryAfter);
      return json(res, failure.status, failure.body ?? { error: { code: 'Failure', message: 'failed' } });
    }
    let activity: Record<string, unknown> | undefined;
    const decoded = () => {
      activity ??= raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
      return activity;
    };
    received.push({
      method: req.method,
      conversationId,
      // The SDK writes the type first; its opening bytes are ASCII, so latin1 reads them without decoding the body.
      type: /^\{"type":"([^"\\]*)"/.exec(raw.toString('latin1', 0, 64))?.[1] ?? String(decoded().type),
      ...(req.method === 'POST' && activityId ? { replyToId: activityId } : {}),
      get activity() {
        return decoded();
      },
      authorization: req.headers.authorization,
    });
    events.emit('activity');
    json(res, 200, { id: req.method === 'PUT' && activityId ? activityId : `bot-${received.length}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: `${base}/`,
    received,
    failed,
    jwksFetches: () => jwksFetches,
    failNext: (count, failure) => {
      for (let i = 0; i < count; i++) queued.push(failure);
    },
    reset: () => {
      received.length = 0;
      failed.length = 0;
    },
    failConversation: (conversationId, failure) => {
      byConversation.set(conversationId, failure);
    },
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(received)) return;
          cleanup();
          resolve(received);
        };
        const timer = setTimeout(() => {
          cleanup();
          const seen = received.map((r) => `${r.type}:${r.conversationId}`).join(', ');
          reject(new Error(`fake connector: condition not met within ${timeoutMs} ms; received [${seen}]`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          events.off('activity', check);
        };
        events.on('activity', check);
        check();
      }),
    messages: (conversationId) =>
      received.filter(
        (r) => r.type === 'message' && (conversationId === undefined || r.conversationId === conversationId),
      ),
    auth: {
      tenantId,
      authority: base,
      issuer: `${base}/${tenantId}/v2.0`,
      sign: (claims) =>
        jwt.sign({ iss: `${base}/${tenantId}/v2.0`, ...claims }, keyPair().privateKey, {
          algorithm: 'RS256',
          keyid: kid,
          expiresIn: '10m',
        }),
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function jwk(publicKey: KeyObject, kid: string): Record<string, unknown> {
  return { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256', kty: 'RSA' };
}

function json(res: import('node:http').ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
