/** The effective configuration as printable lines, every secret masked (for `archie config check`). */
import type { Config } from './config-schema.js';

/** Shows only that a secret is set and its first characters' kind, never the value. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '(not set)';
  const prefix = /^(xox[a-z]-|xapp-|sk-)/.exec(value)?.[1] ?? '';
  return `${prefix}…(set, ${value.length} chars)`;
}

/** Hides the password in a connection URL (redis://user:***@host). */
export function maskUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):([^@]*)@/, '//$1:***@');
}

function maskUrlPassword(url: string | undefined): string {
  return url ? maskUrl(url) : '(not set)';
}

export function describeConfig(config: Config): Array<[string, string]> {
  const llm = config.llm;
  return [
    ['listen', `${config.host}:${config.port}`],
    ['store', maskUrlPassword(config.store.url)],
    ['redis (replicas, check-ins)', maskUrlPassword(config.redisUrl)],
    ['log level', `${config.log.level}${config.log.bodies ? ' (message bodies logged)' : ''}`],
    [
      'model',
      !llm
        ? 'offline engine (no OPENAI_API_KEY / AZURE_OPENAI_API_KEY)'
        : llm.provider === 'openai'
          ? `openai-compatible ${llm.model} at ${llm.baseUrl ?? 'https://api.openai.com/v1'}, key ${maskSecret(llm.apiKey)}`
          : `azure deployment ${llm.deployment} at ${llm.endpoint ?? llm.instanceName}, key ${maskSecret(llm.apiKey)}`,
    ],
    [
      'model timeout / retries / budget',
      `${config.llmLimits.timeoutMs} ms / ${config.llmLimits.maxRetries} / ${config.llmLimits.tokenBudget} tokens per conversation`,
    ],
    [
      'slack',
      config.slack
        ? `${config.slack.mode} mode, bot token ${maskSecret(config.slack.botToken)}, signing secret ${maskSecret(config.slack.signingSecret)}, app token ${maskSecret(config.slack.appToken)}${config.slack.apiUrl ? `, API ${config.slack.apiUrl}` : ''}`
        : 'off (no SLACK_* settings)',
    ],
    [
      'teams',
      config.teams.appId
        ? `app ${config.teams.appId} (${config.teams.appType}), password ${maskSecret(config.teams.appPassword)}, tenant ${config.teams.tenantId ?? '(not set)'}`
        : config.loopbackOnly
          ? 'unauthenticated local mode (no MICROSOFT_APP_ID), only on this machine'
          : 'off: no MICROSOFT_APP_ID, and unauthenticated Teams runs only on a loopback HOST',
    ],
    ['web chat', config.webChat ? 'on' : 'off (set WEB_CHAT=true to serve it on this HOST)'],
    [
      'organisation knowledge',
      config.knowledge.organisationDirs.length
        ? config.knowledge.organisationDirs.join(', ')
        : 'none (set KNOWLEDGE_DIRS to add your own ADRs, standards and policies)',
    ],
    ['privacy / terms pages', `${config.site.privacyPage} / ${config.site.termsPage}`],
    ['check-ins', config.checkins.enabled ? `on, stale after ${config.checkins.staleDays} days` : 'off'],
    [
      'limits',
      `${config.limits.messagesPerMinute} msgs/min, ${config.limits.tokensPerHour} model tokens/h, ${config.limits.maxMessageChars} chars/msg, ${config.limits.maxConversationTurns} turns/conversation, ${config.limits.maxBodyBytes} bytes/request`,
    ],
  ];
}
