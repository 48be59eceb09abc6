/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests and benches: /v1/chat/completions (JSON and SSE
 * streams, tool calls and json_schema structured output) and /v1/embeddings (float or base64), with
 * scripted replies and injected faults. The real SDKs (LangChain → openai) talk to it. Every request is
 * recorded so tests can assert on exactly what a model would have received.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

export type FakeReply =
  | { content: string }
  /** Structured output: a tool call when the request forces a tool, else JSON content. */
  | { json: unknown }
  /** Raw tool-call arguments (e.g. broken JSON). */
  | { toolArguments: string }
  | { refusal: string }
  | { status: number; retryAfter?: string; message?: string }
  | { reset: true }
  | { malformed: true }
  | { delayMs: number; reply: FakeReply };

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  raw: string;
}

export type ChatHandler = (body: ChatBody, request: RecordedRequest) => FakeReply;

export interface ChatBody {
  model?: string;
  messages: Array<{ role: string; content: string | null }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type: string; function: { name: string; parameters: unknown } }>;
  tool_choice?: unknown;
  response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
}

export interface FakeOpenAiServer {
  /** Base URL including /v1 (what OPENAI_BASE_URL would be). */
  url: string;
  /** Origin only (for Azure endpoints). */
  origin: string;
  requests: RecordedRequest[];
  chatRequests(): RecordedRequest[];
  embeddingRequests(): RecordedRequest[];
  /** Replies used in order, before the handler. */
  script(...replies: FakeReply[]): void;
  /** Decides replies once the script is used up. */
  onChat(handler: ChatHandler): void;
  /** Replies for /embeddings (faults); undefined → deterministic vectors. */
  embeddingsReply: FakeReply | undefined;
  /**
   * Times every chat reply like a real model: the first token after `firstTokenMs`, then `tokensPerSecond`
   * (streamed as it goes; a non-streamed reply arrives whole at the end). Undefined: instant (the default).
   */
  pace(pacing: Pacing | undefined): void;
  /** When each chat request arrived, wrote its first content (streamed) and ended (performance.now()). */
  timings: ChatTiming[];
  close(): Promise<void>;
}

export interface Pacing {
  firstTokenMs: number;
  tokensPerSecond: number;
}

export interface ChatTiming {
  arrivedAt: number;
  stream: boolean;
  firstContentAt?: number;
  endedAt?: number;
}

const DIMENSIONS = 64;

/** Prompt tokens as a real server would roughly count them: ~4 characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A deterministic bag-of-words vector, so similar texts get similar embeddings. */
export function fakeEmbedding(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) {
    const h = createHash('md5').update(word).digest();
    v[(h[0] as number) % DIMENSIONS] = (v[(h[0] as number) % DIMENSIONS] as number) + 1;
  }
  return v;
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let handler: ChatHandler = () => ({ status: 500, message: 'no scripted reply' });
  let pacing: Pacing | undefined;
  const timings: ChatTiming[] = [];
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer(async (req, res) => {
    const raw = (await readBody(req)).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      body = {};
    }
    const record: RecordedRequest = { path: req.url ?? '', headers: req.headers, body, raw };
    requests.push(record);
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.endsWith('/chat/completions')) {
      const reply = queue.shift() ?? handler(body as unknown as ChatBody, record);
      const timing: ChatTiming = { arrivedAt: performance.now(), stream: Boolean(body.stream) };
      timings.push(timing);
      await sendChat(req, res, body as unknown as ChatBody, reply, pacing, timing);
      timing.endedAt = performance.now();
    } else if (path.endsWith('/embeddings')) {
      await sendEmbeddings(req, res, body, fake.embeddingsReply);
    } else {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'not found' } }));
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const fake: FakeOpenAiServer = {
    url: `${origin}/v1`,
    origin,
    requests,
    chatRequests: () => requests.filter((r) => r.path.includes('/chat/completions')),
    embeddingRequests: () => requests.filter((r) => r.path.includes('/embeddings')),
    script: (...replies) => queue.push(...replies),
    onChat: (h) => {
      handler = h;
    },
    embeddingsReply: undefined,
    pace: (p) => {
      pacing = p;
    },
    timings,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  return fake;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Handles the faults shared by both endpoints; true when the reply was a fault and has been sent. */
async function fault(req: IncomingMessage, res: ServerResponse, reply: FakeReply): Promise<FakeReply | undefined> {
  let r = reply;
  while ('delayMs' in r) {
    await sleep(r.delayMs);
    // req.destroyed turns true once its body has been read (autoDestroy), so look at the socket.
    if (res.destroyed || req.socket.destroyed) return undefined;
    r = r.reply;
  }
  if ('reset' in r) {
    req.socket.destroy();
    return undefined;
  }
  if ('status' in r) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (r.retryAfter !== undefined) headers['retry-after'] = r.retryAfter;
    res
      .writeHead(r.status, headers)
      .end(JSON.stringify({ error: { message: r.message ?? `fake error ${r.status}`, type: 'fake' } }));
    return undefined;
  }
  return r;
}

async function sendChat(
  req: IncomingMessage,
  res: ServerResponse,
  body: ChatBody,
  reply: FakeReply,
  pacing?: Pacing,
  timing?: ChatTiming,
): Promise<void> {
  const r = await fault(req, res, reply);
  if (!r) return;
  const promptTokens = estimateTokens(
    JSON.stringify(body.messages ?? []) + JSON.stringify(body.tools ?? body.response_format ?? ''),
  );
  const forcedTool = body.tools?.[0]?.function.name;
  let content: string | null = null;
  let refusal: string | null = null;
  let toolArgs: string | undefined;
  if ('malformed' in r) {
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end('data: {"id":"x","choices":[{"index":0,"delta":{"content":"Hel\n\ndata: [DONE]\n\n');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"chatcmpl-x","choices":[{"message":');
    }
    return;
  }
  if ('content' in r) content = r.content;
  if ('refusal' in r) refusal = r.refusal;
  if ('json' in r) {
    if (forcedTool) toolArgs = JSON.stringify(r.json);
    else content = JSON.stringify(r.json);
  }
  if ('toolArguments' in r) toolArgs = r.toolArguments;
  const completionTokens = estimateTokens(content ?? refusal ?? toolArgs ?? '');
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  const toolCalls =
    toolArgs !== undefined
      ? [{ id: 'call_1', type: 'function', function: { name: forcedTool ?? 'extract', arguments: toolArgs } }]
      : undefined;
  const base = { id: 'chatcmpl-fake', object: 'chat.completion', created: 1_700_000_000, model: body.model ?? 'fake' };

  const tokenMs = (tokens: number) => (pacing ? (tokens * 1000) / pacing.tokensPerSecond : 0);
  if (!body.stream) {
    if (pacing) await sleep(pacing.firstTokenMs + tokenMs(completionTokens));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal, ...(toolCalls ? { tool_calls: toolCalls } : {}) },
            finish_reason: toolCalls ? 'tool_calls' : 'stop',
          },
        ],
        usage,
      }),
    );
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
    `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: 'assistant', content: '' }));
  if (refusal) res.write(chunk({ refusal }));
  if (pacing) await sleep(pacing.firstTokenMs);
  for (const piece of (content ?? '').match(/\S+\s*/g) ?? []) {
    if (timing && timing.firstContentAt === undefined) timing.firstContentAt = performance.now();
    res.write(chunk({ content: piece }));
    await sleep(tokenMs(estimateTokens(piece)));
  }
  res.write(chunk({}, refusal ? 'stop' : 'stop'));
  if (body.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

async function sendEmbeddings(
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  reply: FakeReply | undefined,
): Promise<void> {
  if (reply) {
    const r = await fault(req, res, reply);
    if (!r) return;
    if ('malformed' in r) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[');
      return;
    }
  }
  const input = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input ?? '')];
  const base64 = body.encoding_format === 'base64';
  const data = input.map((text, index) => {
    const v = fakeEmbedding(text);
    return {
      object: 'embedding',
      index,
      embedding: base64 ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v,
    };
  });
  const tokens = input.reduce((n, t) => n + estimateTokens(t), 0);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } }),
  );
}
