/** Vitest wiring for a test file that talks to one fake OpenAI-compatible server. */
import { afterAll, beforeEach } from 'vitest';
import { type ChatHandler, type FakeOpenAiServer, startFakeOpenAiServer } from './fake-openai-server.js';

export interface FakeServerOptions {
  /** Answers every chat request the test did not script; set again before each test. */
  reply?: ChatHandler;
}

/**
 * Starts a fake model server for the calling test file (use with top-level await), closes it after the
 * file, and before each test forgets recorded requests and embedding faults so tests stay independent.
 */
export async function useFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const fake = await startFakeOpenAiServer();
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.embeddingsReply = undefined;
    if (options.reply) fake.onChat(options.reply);
  });
  return fake;
}
