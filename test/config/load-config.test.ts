import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig } from '../../src/config/describe-config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ArchieError } from '../../src/core/errors.js';

const load = (env: Record<string, string>) => loadConfig({ env, dotenvPath: false });

function problem(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ArchieError);
    return (error as ArchieError).userMessage;
  }
  throw new Error('expected a configuration error');
}

describe('loadConfig', () => {
  it('runs on a fresh machine with no settings: offline engine, SQLite store, web chat on loopback', () => {
    const config = load({});
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.store.url).toBe('sqlite://./data/archie.sqlite');
    expect(config.llm).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.webChat).toBe(true);
  });

  it('turns the web chat off on a public address unless asked for', () => {
    expect(load({ HOST: '0.0.0.0' }).webChat).toBe(false);
    expect(load({ HOST: '0.0.0.0', WEB_CHAT: 'true' }).webChat).toBe(true);
    expect(load({ WEB_CHAT: 'false' }).webChat).toBe(false);
  });

  it('says how to fix a half-configured Slack app', () => {
    expect(problem({ SLACK_SIGNING_SECRET: 'abc' })).toMatch(/SLACK_BOT_TOKEN is missing.*OAuth & Permissions/);
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_SIGNING_SECRET is missing.*Basic Information/);
    expect(problem({ SLACK_BOT_TOKEN: 'oops', SLACK_SIGNING_SECRET: 's' })).toMatch(/should start with xoxb-/);
  });

  it('chooses Socket Mode when an app token is set', () => {
    const config = load({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    expect(config.slack?.mode).toBe('socket');
  });

  it('names the variable and the problem for invalid values', () => {
    expect(problem({ PORT: 'eighty' })).toMatch(/PORT: use a whole number from 0 to 65,535 \(got "eighty"\)/);
    expect(problem({ PORT: 'eighty' })).not.toMatch(/NaN|expected number/);
    expect(problem({ STORE_URL: 'postgres://x' })).toMatch(
      /STORE_URL: is not a store Archie can open: use sqlite:\/\/\.\/data\/archie\.sqlite, redis:\/\/host:6379 \(or rediss:\/\/\) or memory:\/\/ \(got "postgres:\/\/x"\)/,
    );
    // A secret's value is never echoed back.
    expect(problem({ OPENAI_API_KEY: 'sk-1', LLM_TIMEOUT_MS: 'x', SLACK_BOT_TOKEN: 'xoxb-secret-1' })).not.toMatch(
      /xoxb-secret-1/,
    );
    expect(problem({ LOG_BODIES: 'maybe' })).toMatch(/LOG_BODIES: use true or false/);
    expect(problem({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })).toMatch(/OPENAI_API_KEY/);
  });

  it('configures any OpenAI-compatible server by base URL, and Azure by deployment', () => {
    const ollama = load({
      OPENAI_API_KEY: 'ollama',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.1',
    });
    expect(ollama.llm).toMatchObject({ provider: 'openai', model: 'llama3.1' });
    expect(problem({ AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com' })).toMatch(
      /AZURE_OPENAI_API_DEPLOYMENT_NAME/,
    );
  });

  it('reads a .env file, with the environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archie-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n');
    const config = loadConfig({ env: { PORT: '5000' }, dotenvPath: file });
    expect(config.port).toBe(5000);
    expect(config.log.level).toBe('debug');
  });

  it('never prints a secret in `config check` output', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxb-123456789-secretsecret',
      SLACK_SIGNING_SECRET: 'signingsecretvalue',
      OPENAI_API_KEY: 'sk-livekeylivekeylivekey',
      MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
      MICROSOFT_APP_PASSWORD: 'teams-password-value',
      STORE_URL: 'redis://user:hunter2@127.0.0.1:6379',
    };
    const text = describeConfig(load(secrets))
      .map(([k, v]) => `${k} ${v}`)
      .join('\n');
    for (const key of [
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'OPENAI_API_KEY',
      'MICROSOFT_APP_PASSWORD',
    ] as const) {
      expect(text).not.toContain(secrets[key]);
    }
    expect(text).not.toContain('hunter2');
    expect(text).toContain('xoxb-…(set');
  });
});
