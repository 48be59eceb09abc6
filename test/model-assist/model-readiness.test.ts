import { afterEach, describe, expect, it } from 'vitest';
import { createModelReadiness } from '../../src/adapters/langchain/model-readiness.js';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/create-logger.js';

const open: Archie[] = [];
afterEach(async () => {
  for (const a of open.splice(0)) await a.close();
});

describe('/readyz model check', () => {
  it('asks an OpenAI-compatible endpoint for its models with the key, and caches the answer', async () => {
    const seen: Array<{ url: string; auth?: string }> = [];
    let now = 0;
    const check = createModelReadiness(
      { provider: 'openai', apiKey: 'sk-test', baseUrl: 'http://127.0.0.1:11434/v1/', model: 'llama3.1' },
      {
        now: () => now,
        fetch: (async (url: string, init: RequestInit) => {
          seen.push({ url, auth: (init.headers as Record<string, string>).authorization });
          return new Response('{"data":[]}', { status: 200 });
        }) as typeof fetch,
      },
    );
    expect(check.critical).toBe(false);
    expect(await check.check()).toEqual({ ok: true });
    now += 10_000;
    await check.check();
    expect(seen).toEqual([{ url: 'http://127.0.0.1:11434/v1/models', auth: 'Bearer sk-test' }]);
    now += 30_000;
    await check.check();
    expect(seen).toHaveLength(2);
  });

  it('uses the Azure data-plane route and api-key header', async () => {
    let asked = '';
    const check = createModelReadiness(
      {
        provider: 'azure',
        apiKey: 'az',
        endpoint: 'https://x.openai.azure.com/',
        deployment: 'gpt',
        apiVersion: '2024-10-21',
      },
      {
        fetch: (async (url: string, init: RequestInit) => {
          asked = `${url} ${(init.headers as Record<string, string>)['api-key']}`;
          return new Response('unauthorized', { status: 401 });
        }) as typeof fetch,
      },
    );
    expect(await check.check()).toMatchObject({ ok: false, detail: expect.stringMatching(/HTTP 401.*offline engine/) });
    expect(asked).toBe('https://x.openai.azure.com/openai/models?api-version=2024-10-21 az');
  });

  it('reports an unreachable model without making the instance unready', async () => {
    const config = loadConfig({
      env: { PORT: '0', STORE_URL: 'memory://', OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' },
      dotenvPath: false,
    });
    const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
    open.push(archie);
    const res = await fetch(`http://127.0.0.1:${await archie.listen()}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      checks: Array<{ name: string; ok: boolean; critical: boolean; detail?: string }>;
    };
    expect(body.checks.find((c) => c.name === 'model')).toMatchObject({
      ok: false,
      critical: false,
      detail: expect.stringMatching(/unreachable/),
    });
  });
});
