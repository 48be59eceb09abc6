/**
 * A fake Slack Web API on 127.0.0.1 (node:http). Records every call with its decoded arguments, answers
 * the methods Archie uses with Slack's documented response shapes, and can fail the next call of a
 * method with a 429 (Retry-After) or a Slack error code. Also serves file upload URLs, response_urls and
 * apps.connections.open (pointing at a fake Socket Mode server when one is set).
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { readBody } from './read-body.js';
import { SIGNING_SECRET } from './slack-request.js';

// biome-ignore lint/suspicious/noExplicitAny: decoded Slack arguments are whatever JSON the app sent
export type Args = Record<string, any>;

export interface RecordedCall {
  method: string;
  args: Args;
  /** What the fake answered (ts of a posted message…). */
  result?: Args;
  at: number;
}

/** A 429 with Retry-After, or a Slack error (`missing_scope` carries the scope it `needed`). */
export type Failure = { status: 429; retryAfter: number } | { error: string; needed?: string };

/** A message in a seeded thread, as conversations.replies returns it (ts filled in when absent). */
export interface ThreadSeed {
  text: string;
  user?: string;
  ts?: string;
  bot_id?: string;
  subtype?: string;
}

/** A person (or bot) as users.info describes them. */
export interface UserSeed {
  name: string;
  display_name?: string;
  real_name?: string;
  is_bot?: boolean;
}

export const FAKE_BOT = { userId: 'UARCHIE', botId: 'BARCHIE', teamId: 'T0TEAM', botToken: 'xoxb-test-token' };

/** The Slack settings that make the real app FAKE_BOT on `api`, accepting requests signed with SIGNING_SECRET. */
export function slackEnv(api: { apiUrl: string }): Record<string, string> {
  return { SLACK_BOT_TOKEN: FAKE_BOT.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl };
}

export interface FakeSlackApi {
  /** Base URL for WebClient `slackApiUrl` (ends with /api/). */
  apiUrl: string;
  origin: string;
  calls(method?: string): RecordedCall[];
  failNext(method: string, failure: Failure): void;
  /** Delays every answer of a method (to keep work in flight). */
  delay(method: string, ms: number): void;
  /** Calls `listener` with every call as it is recorded; returns a function that stops it. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Resolves once `predicate(calls)` holds; rejects after `timeoutMs`. */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  setSocketUrl(url: string): void;
  /**
   * Seeds a thread for conversations.replies: the first message is the parent. Pages follow Slack's cursor
   * pagination (`limit`, `has_more`, `response_metadata.next_cursor`); later pages do not repeat the parent.
   * Returns the thread's messages with their ts.
   */
  setThread(channel: string, messages: ThreadSeed[]): (ThreadSeed & { ts: string })[];
  /** How users.info answers for `id` (unknown users get a generic profile). */
  setUser(id: string, user: UserSeed): void;
  reset(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'chunks', 'prompts', 'view', 'files', 'metadata', 'attachments'];

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  let calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const delays = new Map<string, number>();
  const waiters = new Set<() => void>();
  const listeners = new Set<(call: RecordedCall) => void>();
  let socketUrl = '';
  let seq = 0;
  const threads = new Map<string, (ThreadSeed & { ts: string })[]>();
  const users = new Map<string, UserSeed>();
  const nextTs = () => `${1_700_000_000 + Math.floor(seq / 1000)}.${String(++seq).padStart(6, '0')}`;

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/upload/') || url.pathname.startsWith('/response/')) {
      record(url.pathname.startsWith('/upload/') ? 'upload' : 'response_url', lazyDecode(req, raw));
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(url.pathname.startsWith('/upload/') ? `OK - ${raw.length}` : 'ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = lazyDecode(req, raw);
    const failure = failures.get(method)?.shift();
    const wait = delays.get(method);
    if (wait) await new Promise((r) => setTimeout(r, wait));
    if (failure && 'status' in failure) {
      record(method, args, failure);
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
    }
    if (failure) {
      record(method, args, failure);
      const scopes = failure.needed ? { needed: failure.needed, provided: 'chat:write,commands' } : {};
      return send(200, { ok: false, error: failure.error, ...scopes });
    }
    const result = answer(method, method === 'chat.postMessage' ? postArgs(req, raw) : args());
    record(method, args, undefined, result);
    send(200, result);
  });

  /** `args` decodes on first read: decoding (and keeping) every body is Slack's work, not the app's under test. */
  function record(method: string, args: () => Args, failure?: Failure, result?: Args) {
    const call: RecordedCall = {
      method: failure ? `${method}!failed` : method,
      get args() {
        return args();
      },
      result,
      at: Date.now(),
    };
    calls.push(call);
    for (const l of listeners) l(call);
    for (const w of waiters) w();
  }

  function answer(method: string, args: Args): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://archie-test.slack.com/',
          team: 'Test',
          user: 'archie',
          team_id: FAKE_BOT.teamId,
          user_id: FAKE_BOT.userId,
          bot_id: FAKE_BOT.botId,
        };
      case 'chat.postMessage': {
        const ts = nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: { text: args.text, ts, thread_ts: args.thread_ts, bot_id: FAKE_BOT.botId },
        };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.startStream':
        return { ok: true, channel: args.channel, ts: nextTs() };
      case 'chat.appendStream':
      case 'chat.stopStream':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...args.view } };
      case 'files.getUploadURLExternal': {
        const id = `F${++seq}`;
        return { ok: true, upload_url: `${origin()}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (args.files ?? []).map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title })),
        };
      case 'users.info': {
        const seeded = users.get(args.user);
        const { display_name = '', real_name = '', ...user } = seeded ?? { name: 'someone', is_bot: false };
        return {
          ok: true,
          user: {
            id: args.user,
            tz: 'Europe/Berlin',
            is_bot: false,
            ...user,
            real_name,
            profile: { display_name, real_name },
          },
        };
      }
      case 'conversations.replies':
        return replies(args);
      case 'apps.connections.open':
        return socketUrl ? { ok: true, url: socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** One page of a seeded thread; the cursor is the index of the page's first reply, encoded as Slack's are. */
  function replies(args: Args): Record<string, unknown> {
    const thread = threads.get(`${args.channel}:${args.ts}`);
    if (!thread) return { ok: false, error: 'thread_not_found' };
    const limit = Math.min(Math.max(Number(args.limit ?? 1000) || 1000, 1), 1000);
    let start = 0;
    if (args.cursor) {
      const decoded = /^next_index:(\d+)$/.exec(Buffer.from(String(args.cursor), 'base64').toString('utf8'));
      if (!decoded) return { ok: false, error: 'invalid_cursor' };
      start = Number(decoded[1]);
    }
    const page = thread.slice(start, start + limit);
    const next = start + limit;
    const hasMore = next < thread.length;
    const [parent] = thread;
    const toMessage = (m: ThreadSeed & { ts: string }) => ({
      type: 'message',
      ...m,
      thread_ts: parent!.ts,
      ...(m === parent ? { reply_count: thread.length - 1 } : { parent_user_id: parent!.user }),
    });
    return {
      ok: true,
      messages: page.map(toMessage),
      has_more: hasMore,
      response_metadata: { next_cursor: hasMore ? Buffer.from(`next_index:${next}`).toString('base64') : '' },
    };
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin()}/api/`,
    origin: origin(),
    calls: (method) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    onCall: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    delay: (method, ms) => delays.set(method, ms),
    waitFor: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!predicate(calls)) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...calls]);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `fake Slack API: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(', ')}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    setThread: (channel, messages) => {
      const seeded = messages.map((m) => ({ ...m, ts: m.ts ?? nextTs() }));
      threads.set(`${channel}:${seeded[0]!.ts}`, seeded);
      return seeded;
    },
    setUser: (id, user) => {
      users.set(id, user);
    },
    reset: () => {
      calls = [];
      failures.clear();
      delays.clear();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The body's arguments, decoded once on first call (see `decode`). */
function lazyDecode(req: IncomingMessage, raw: Buffer): () => Args {
  const type = req.headers['content-type'] ?? '';
  let args: Args | undefined;
  return () => {
    args ??= decode(type, raw);
    return args;
  };
}

/** The three arguments chat.postMessage's answer echoes, read without decoding the whole body. */
function postArgs(req: IncomingMessage, raw: Buffer): Args {
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/x-www-form-urlencoded')) return decode(type, raw);
  const text = raw.toString('utf8');
  const field = (name: string) => {
    const m = new RegExp(`(?:^|&)${name}=([^&]*)`).exec(text);
    return m ? decodeURIComponent(m[1]!.replace(/\+/g, ' ')) : undefined;
  };
  return { channel: field('channel'), text: field('text'), thread_ts: field('thread_ts') };
}

function decode(type: string, raw: Buffer): Args {
  const text = raw.toString('utf8');
  let args: Args = {};
  if (type.includes('application/json')) args = text ? JSON.parse(text) : {};
  else if (type.includes('application/x-www-form-urlencoded')) args = { ...parseQuery(text) };
  else args = { raw: text };
  for (const field of JSON_FIELDS) {
    if (typeof args[field] === 'string') {
      try {
        args[field] = JSON.parse(args[field]);
      } catch {}
    }
  }
  return args;
}

/** All text a recorded call would show a person (message text and every block's text), for assertions. */
export function shownText(call: RecordedCall): string {
  const parts: string[] = [String(call.args.text ?? '')];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text' && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(call.args.blocks);
  walk(call.args.chunks);
  return parts.join('\n');
}
