/** What the channel benches send and how they configure Archie, shared so every bench runs the same app. */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type express from 'express';

/** Architecture descriptions the benches send, one per conversation, in turn. */
export const BENCH_DESCRIPTIONS = [
  'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API, about 2,000 users.',
  'Two teams build an agent platform; we self-host a 70B model on GPUs and ingest 5 million documents a day.',
  'Solo developer, prototype chatbot for customer support, OpenAI API, a few hundred users.',
  'Four teams, regulated healthcare data, inference on our own GPUs, Python for ML and TypeScript for the web.',
];

/** Archie as the channel benches run it: memory store, any port, silent, no check-ins, no rate limit. */
export const BENCH_APP_ENV: Readonly<Record<string, string>> = {
  STORE_URL: 'memory://',
  PORT: '0',
  LOG_LEVEL: 'silent',
  WEB_CHAT: 'false',
  CHECKINS: 'false',
  RATE_LIMIT_MESSAGES_PER_MINUTE: '10000',
};

/** Serves an Express app on a free 127.0.0.1 port. */
export async function listenOnLoopback(app: express.Express): Promise<{ url: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
