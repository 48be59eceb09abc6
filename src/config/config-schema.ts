/**
 * Every setting Archie reads, with its default. `load-config.ts` is the only reader of the environment;
 * `.env.example` documents each variable.
 */
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], {
    error: 'use true or false',
  })
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A whole number in a range; every failure says the range (never zod's "expected number, received NaN"). */
const int = (min: number, max: number) => {
  const error = `use a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** The stores Archie can open (src/store/create-store.ts). */
export const STORE_URL_EXAMPLES = 'sqlite://./data/archie.sqlite, redis://host:6379 (or rediss://) or memory://';
const isStoreUrl = (url: string) => /^(sqlite:\/\/|redis:\/\/|rediss:\/\/|memory(:\/\/)?$)/.test(url);

export const envSchema = z.object({
  PORT: int(0, 65535).default(3978),
  HOST: z.string().trim().default('127.0.0.1'),
  PUBLIC_URL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_BODIES: bool.default(false),

  STORE_URL: z
    .string()
    .trim()
    .default('sqlite://./data/archie.sqlite')
    .refine(isStoreUrl, { error: `is not a store Archie can open: use ${STORE_URL_EXAMPLES}` }),
  REDIS_URL: optionalString,

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  OPENAI_MODEL: z.string().trim().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: optionalString,
  AZURE_OPENAI_API_KEY: optionalString,
  AZURE_OPENAI_ENDPOINT: optionalString,
  AZURE_OPENAI_API_INSTANCE_NAME: optionalString,
  AZURE_OPENAI_API_DEPLOYMENT_NAME: optionalString,
  AZURE_OPENAI_API_EMBEDDINGS_DEPLOYMENT_NAME: optionalString,
  AZURE_OPENAI_API_VERSION: z.string().trim().default('2024-10-21'),
  LLM_TIMEOUT_MS: int(100, 600_000).default(20_000),
  LLM_MAX_RETRIES: int(0, 10).default(2),
  LLM_TOKEN_BUDGET: int(0, 10_000_000).default(60_000),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString,

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  /** Microsoft Graph, for reading Teams reply chains (tests and sovereign clouds change them). */
  GRAPH_API_URL: z
    .url({ protocol: /^https?$/, error: 'use the Graph base URL, e.g. https://graph.microsoft.com/v1.0' })
    .default('https://graph.microsoft.com/v1.0'),
  GRAPH_TOKEN_URL: z
    .string()
    .trim()
    .refine((v) => v.includes('{tenant}') && /^https?:\/\//.test(v), {
      error:
        'use the token endpoint with a {tenant} placeholder, e.g. https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token',
    })
    .default('https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token'),

  WEB_CHAT: bool.optional(),
  /** Markdown files served at /privacy and /terms (Teams requires both); templates ship in pages/. */
  PRIVACY_PAGE: optionalString,
  TERMS_PAGE: optionalString,
  /** The organisation's own knowledge: folders of Markdown documents, comma-separated. */
  KNOWLEDGE_DIRS: optionalString,

  CHECKINS: bool.default(true),
  CHECKIN_STALE_DAYS: int(1, 3650).default(90),
  CHECKIN_LOCK_MS: int(1_000, 600_000).default(30_000),

  RATE_LIMIT_MESSAGES_PER_MINUTE: int(1, 10_000).default(20),
  RATE_LIMIT_TOKENS_PER_HOUR: int(0, 100_000_000).default(200_000),
  MAX_MESSAGE_CHARS: int(100, 1_000_000).default(8_000),
  MAX_CONVERSATION_TURNS: int(10, 100_000).default(200),
  WEB_CONVERSATIONS_PER_HOUR: int(1, 100_000).default(30),
  MAX_BODY_BYTES: int(1_024, 50_000_000).default(1_000_000),
  MAX_TURNS_IN_FLIGHT: int(1, 10_000).default(32),

  CONVERSATION_RETENTION_DAYS: int(1, 36_500).optional(),
  WEB_CONVERSATION_IDLE_DAYS: int(1, 3_650).default(30),
  SHUTDOWN_TIMEOUT_MS: int(100, 120_000).default(10_000),
});

export type Env = z.infer<typeof envSchema>;

/** The typed configuration the rest of Archie receives. */
export interface Config {
  port: number;
  host: string;
  /** True when HOST is a loopback address: only this machine can reach the server. */
  loopbackOnly: boolean;
  publicUrl?: string;
  log: { level: Env['LOG_LEVEL']; bodies: boolean };
  store: { url: string };
  redisUrl?: string;
  llm?: LlmConfig;
  llmLimits: { timeoutMs: number; maxRetries: number; tokenBudget: number };
  slack?: SlackConfig;
  teams: TeamsConfig;
  webChat: boolean;
  /** The Markdown behind /privacy and /terms. */
  site: { privacyPage: string; termsPage: string };
  /** Folders of the organisation's own documents (KNOWLEDGE_DIRS), absolute; searched and cited with the public ones. */
  knowledge: { organisationDirs: string[] };
  /** lockMs: BullMQ job lock; a replica silent this long is presumed dead and its run handed over. */
  checkins: { enabled: boolean; staleDays: number; lockMs: number };
  limits: {
    messagesPerMinute: number;
    tokensPerHour: number;
    maxMessageChars: number;
    maxConversationTurns: number;
    maxBodyBytes: number;
    /** Web chat conversations one client address may start per hour. */
    webConversationsPerHour: number;
    /** Consultant turns running at once; beyond it Slack turns wait in order, web and Teams get 503. */
    maxTurnsInFlight: number;
  };
  /** How long conversations are kept (src/retention/retention.ts). */
  retention: { conversationDays?: number; webIdleDays: number };
  shutdownTimeoutMs: number;
}

export type LlmConfig =
  | { provider: 'openai'; apiKey: string; baseUrl?: string; model: string; embeddingModel?: string }
  | {
      provider: 'azure';
      apiKey: string;
      endpoint?: string;
      instanceName?: string;
      deployment: string;
      embeddingsDeployment?: string;
      apiVersion: string;
    };

export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  mode: 'http' | 'socket';
}

export interface TeamsConfig {
  /** Without an app id Teams runs unauthenticated, for local use only. */
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** Where Archie reads channel reply chains (app-only token, resource-specific consent). */
  graph: { apiUrl: string; tokenUrl: string };
}
