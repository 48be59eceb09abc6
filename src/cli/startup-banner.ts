/**
 * What `archie serve` tells a person at start-up, in plain words: where to open the web chat (or why it is
 * off and how to turn it on), each channel and how it is authenticated, the store and the model. Nothing
 * here is a warning: what is exposed or misconfigured is logged as one by the channel concerned.
 */
import type { MountedChannel } from '../app/channel.js';
import type { Config } from '../config/config-schema.js';
import type { StoreKind } from '../store/create-store.js';

export interface StartupFacts {
  config: Config;
  port: number;
  channels: readonly MountedChannel[];
  store: { kind: StoreKind; location: string };
  /** Documents loaded: public, the organisation's (KNOWLEDGE_DIRS) and the constraints they declare. */
  knowledge?: { publicDocuments: number; organisationDocuments: number; constraints: number };
}

/** Lines for a person, without colour. */
export function startupBanner(facts: StartupFacts): string[] {
  const { config, port, channels } = facts;
  const loopback = config.loopbackOnly;
  const local = `http://${loopback || ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host}:${port}`;
  const base = config.publicUrl ? new URL(config.publicUrl).origin : local;
  const status = (name: string) => channels.find((c) => c.name === name)?.status();

  const web = config.webChat
    ? `${local}/`
    : `off (HOST=${config.host} is not a loopback address; set WEB_CHAT=true to serve it here). ${base}/ shows what Archie is and how to add it to Slack and Teams`;

  const slack = !config.slack
    ? 'off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, or SLACK_APP_TOKEN for Socket Mode)'
    : config.slack.mode === 'socket'
      ? 'on, Socket Mode (app token): no public endpoint'
      : `on, events at ${base}/slack/events, each request checked against the signing secret`;

  const teamsStatus = status('teams') as { mounted?: boolean; reason?: string } | undefined;
  let teams: string;
  if (!teamsStatus) teams = 'off';
  else if (teamsStatus.mounted === false) teams = `off: ${teamsStatus.reason ?? 'not configured'}`;
  else if (config.teams.appId) {
    teams = `on, ${base}/api/messages, Microsoft Entra tokens checked (app ${config.teams.appId}, ${config.teams.appType})`;
  } else {
    // Without an app id Teams is mounted only on a loopback bind (mount-teams.ts), for local tools.
    teams = `on at ${local}/api/messages without authentication: for local tools (Agents Playground, Emulator) only`;
  }

  const checkins = status('checkins') as { scheduler?: string } | undefined;
  const store =
    facts.store.kind === 'memory'
      ? 'memory (nothing is kept after a restart; set STORE_URL=sqlite://./data/archie.sqlite to keep it)'
      : facts.store.kind === 'sqlite'
        ? `SQLite at ${facts.store.location}`
        : `Redis at ${facts.store.location}`;
  const llm = config.llm;
  const model = !llm
    ? 'none: the offline engine answers (set OPENAI_API_KEY, or see .env.example, to add one)'
    : llm.provider === 'openai'
      ? `${llm.model} at ${llm.baseUrl ?? 'https://api.openai.com/v1'} (the engine still decides the verdict)`
      : `Azure OpenAI deployment ${llm.deployment} (the engine still decides the verdict)`;

  const kb = facts.knowledge;
  const knowledge = !kb
    ? undefined
    : kb.organisationDocuments === 0
      ? `${kb.publicDocuments} public documents (set KNOWLEDGE_DIRS to add your organisation's own)`
      : `${kb.publicDocuments} public documents and ${kb.organisationDocuments} of your organisation's from ${config.knowledge.organisationDirs.join(', ')} (${kb.constraints} constraint${kb.constraints === 1 ? '' : 's'})`;

  const rows: [string, string][] = [
    ['Web chat', web],
    ['Slack', slack],
    ['Teams', teams],
    ['Check-ins', checkins ? `on${checkins.scheduler ? ` (${checkins.scheduler})` : ''}` : 'off'],
    ['Store', store],
    ['Model', model],
    ...(knowledge ? [['Knowledge', knowledge] as [string, string]] : []),
    ['Health', `${local}/healthz`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [
    `Archie is running on ${local}`,
    '',
    ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    '',
    'Stop with Ctrl-C. Settings: .env (see .env.example); check them with `archie config check`.',
  ];
}
