import { afterEach, describe, expect, it } from 'vitest';
import { CANONICAL, hasStackTrace, runCli } from '../support/cli.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.js';

let server: FakeOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('archie with a configured model', () => {
  it('tries the model, and when it fails still prints the engine’s verdict', async () => {
    server = await startFakeOpenAiServer();
    server.onChat(() => ({ status: 500, message: 'overloaded' }));
    const env = {
      OPENAI_API_KEY: 'sk-test-not-a-secret',
      OPENAI_BASE_URL: server.url,
      LLM_MAX_RETRIES: '0',
      LLM_TIMEOUT_MS: '2000',
    };
    const run = await runCli(['assess', '--json'], { input: CANONICAL[2].text, env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).recommendation).toBe('hybrid');
    expect(server.chatRequests().length).toBeGreaterThan(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).not.toContain('sk-test-not-a-secret');
  });
});
