/** The only reader of the environment: validates it into a typed Config with errors that say how to fix them. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseDotenv } from 'dotenv';
import { ArchieError } from '../core/errors.js';
import { type Config, type Env, envSchema } from './config-schema.js';

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** Path of a .env file to read (values in `env` win). Default: `.env` in the working directory. */
  dotenvPath?: string | false;
}

export function loadConfig(options: LoadConfigOptions = {}): Config {
  const fromFile = readDotenv(options.dotenvPath ?? '.env');
  // An empty value (`FOO=` in .env) means "not set", as in the documented .env.example.
  const raw = Object.fromEntries(
    Object.entries({ ...fromFile, ...(options.env ?? process.env) }).filter(
      ([, v]) => v !== undefined && v.trim() !== '',
    ),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.') || 'environment';
      // Secrets are never echoed; for other settings the value helps spot a typo.
      const value = typeof raw[name] === 'string' && !SECRET_SETTINGS.test(name) ? ` (got "${raw[name]}")` : '';
      return `${name}: ${issue.message}${value}`;
    });
    throw new ArchieError('config_invalid', `Configuration problem:\n- ${lines.join('\n- ')}`);
  }
  return toConfig(parsed.data);
}

const SECRET_SETTINGS = /KEY|TOKEN|SECRET|PASSWORD/;

/** The shipped templates for /privacy and /terms (found from the repository root in source and compiled builds). */
const PAGES_DIR = fileURLToPath(new URL('../../pages/', import.meta.url));

function readDotenv(path: string | false): Record<string, string> {
  if (!path || !existsSync(path)) return {};
  return parseDotenv(readFileSync(path));
}

function fail(message: string): never {
  throw new ArchieError('config_invalid', `Configuration problem: ${message}`);
}

/** True for an address only this machine can reach (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || /^::ffff:127(\.\d{1,3}){3}$/.test(h);
}

function toConfig(env: Env): Config {
  const loopback = isLoopbackHost(env.HOST);
  return {
    port: env.PORT,
    host: env.HOST,
    loopbackOnly: loopback,
    publicUrl: env.PUBLIC_URL,
    log: { level: env.LOG_LEVEL, bodies: env.LOG_BODIES },
    store: { url: env.STORE_URL },
    redisUrl: env.REDIS_URL,
    llm: llmConfig(env),
    llmLimits: { timeoutMs: env.LLM_TIMEOUT_MS, maxRetries: env.LLM_MAX_RETRIES, tokenBudget: env.LLM_TOKEN_BUDGET },
    slack: slackConfig(env),
    teams: {
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      tenantId: env.MICROSOFT_APP_TENANT_ID,
      appType: env.MICROSOFT_APP_TYPE ?? (env.MICROSOFT_APP_TENANT_ID ? 'SingleTenant' : 'MultiTenant'),
      graph: { apiUrl: env.GRAPH_API_URL.replace(/\/+$/, ''), tokenUrl: env.GRAPH_TOKEN_URL },
    },
    webChat: env.WEB_CHAT ?? loopback,
    site: {
      privacyPage: resolve(env.PRIVACY_PAGE ?? `${PAGES_DIR}privacy.md`),
      termsPage: resolve(env.TERMS_PAGE ?? `${PAGES_DIR}terms.md`),
    },
    knowledge: { organisationDirs: knowledgeDirs(env.KNOWLEDGE_DIRS) },
    checkins: { enabled: env.CHECKINS, staleDays: env.CHECKIN_STALE_DAYS, lockMs: env.CHECKIN_LOCK_MS },
    limits: {
      messagesPerMinute: env.RATE_LIMIT_MESSAGES_PER_MINUTE,
      tokensPerHour: env.RATE_LIMIT_TOKENS_PER_HOUR,
      maxMessageChars: env.MAX_MESSAGE_CHARS,
      maxConversationTurns: env.MAX_CONVERSATION_TURNS,
      maxBodyBytes: env.MAX_BODY_BYTES,
      webConversationsPerHour: env.WEB_CONVERSATIONS_PER_HOUR,
      maxTurnsInFlight: env.MAX_TURNS_IN_FLIGHT,
    },
    retention: { conversationDays: env.CONVERSATION_RETENTION_DAYS, webIdleDays: env.WEB_CONVERSATION_IDLE_DAYS },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** KNOWLEDGE_DIRS: comma-separated folders, each resolved from the working directory, duplicates once. */
export function knowledgeDirs(value: string | undefined): string[] {
  const dirs = (value ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => resolve(d));
  return [...new Set(dirs)];
}

function llmConfig(env: Env): Config['llm'] {
  if (env.AZURE_OPENAI_API_KEY) {
    if (!env.AZURE_OPENAI_ENDPOINT && !env.AZURE_OPENAI_API_INSTANCE_NAME) {
      fail(
        'AZURE_OPENAI_API_KEY is set but neither AZURE_OPENAI_ENDPOINT nor AZURE_OPENAI_API_INSTANCE_NAME is: copy the endpoint from your Azure OpenAI resource (Keys and Endpoint).',
      );
    }
    if (!env.AZURE_OPENAI_API_DEPLOYMENT_NAME) {
      fail(
        'AZURE_OPENAI_API_KEY is set but AZURE_OPENAI_API_DEPLOYMENT_NAME is missing: use the name of your chat model deployment in Azure AI Foundry.',
      );
    }
    return {
      provider: 'azure',
      apiKey: env.AZURE_OPENAI_API_KEY,
      endpoint: env.AZURE_OPENAI_ENDPOINT,
      instanceName: env.AZURE_OPENAI_API_INSTANCE_NAME,
      deployment: env.AZURE_OPENAI_API_DEPLOYMENT_NAME,
      embeddingsDeployment: env.AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME,
      apiVersion: env.AZURE_OPENAI_API_VERSION,
    };
  }
  if (env.OPENAI_API_KEY) {
    return {
      provider: 'openai',
      apiKey: env.OPENAI_API_KEY,
      baseUrl: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      embeddingModel: env.OPENAI_EMBEDDING_MODEL,
    };
  }
  if (env.OPENAI_BASE_URL) {
    fail(
      'OPENAI_BASE_URL is set but OPENAI_API_KEY is not: set OPENAI_API_KEY (any non-empty value such as "ollama" for servers that need no key).',
    );
  }
  return undefined;
}

function slackConfig(env: Env): Config['slack'] {
  const { SLACK_BOT_TOKEN: bot, SLACK_SIGNING_SECRET: secret, SLACK_APP_TOKEN: appToken } = env;
  if (!bot && !secret && !appToken) return undefined;
  if (!bot) {
    fail(
      `${secret ? 'SLACK_SIGNING_SECRET' : 'SLACK_APP_TOKEN'} is set but SLACK_BOT_TOKEN is missing: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions in your Slack app.`,
    );
  }
  if (!bot.startsWith('xoxb-')) {
    fail('SLACK_BOT_TOKEN should start with xoxb-: copy the Bot User OAuth Token from OAuth & Permissions.');
  }
  if (appToken && !appToken.startsWith('xapp-')) {
    fail(
      'SLACK_APP_TOKEN should start with xapp-: create an app-level token with connections:write under Basic Information.',
    );
  }
  if (!appToken && !secret) {
    fail(
      'SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is missing: copy the Signing Secret from Basic Information in your Slack app (or set SLACK_APP_TOKEN to use Socket Mode).',
    );
  }
  return {
    botToken: bot,
    signingSecret: secret,
    appToken,
    apiUrl: env.SLACK_API_URL,
    mode: appToken ? 'socket' : 'http',
  };
}
