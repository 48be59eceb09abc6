import { describe, expect, it } from 'vitest';
import { createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { useFakeOpenAiServer } from '../support/llm-harness.js';
import { citeFirstPassage } from './llm-test-kit.js';

const fake = await useFakeOpenAiServer({ reply: citeFirstPassage });

const baseEnv = { PORT: '0', STORE_URL: 'memory://', WEB_CHAT: 'false', CHECKINS: 'false' };

async function start(env: Record<string, string>) {
  const config = loadConfig({ env: { ...baseEnv, ...env }, dotenvPath: false });
  const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  const port = await archie.listen();
  const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { model: Record<string, unknown> };
  return { archie, health };
}

describe('composition root with a model', () => {
  it('builds the model assist from OPENAI_* settings and shows model, provider and breaker on /healthz', async () => {
    const { archie, health } = await start({
      OPENAI_API_KEY: 'sk-local-anything-123456789',
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: 'llama3.1:8b',
    });
    try {
      expect(health.model).toMatchObject({ mode: 'configured', name: 'llama3.1:8b', provider: 'openai-compatible' });
      expect((health.model.breaker as { state: string }).state).toBe('closed');
      const answer = await archie.consultant.ask('Why did Prime Video move its monitoring service back to a monolith?');
      expect(answer.generated).toBe(true);
      expect(fake.chatRequests().length).toBeGreaterThan(0);
    } finally {
      await archie.close();
    }
  });

  it('says it runs on the offline engine when no key is configured', async () => {
    const { archie, health } = await start({});
    try {
      expect(health.model).toMatchObject({ mode: 'offline engine (no LLM key)' });
      expect(health.model.name).toBeUndefined();
    } finally {
      await archie.close();
    }
  });
});
