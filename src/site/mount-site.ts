/**
 * The pages a public host needs besides the channels: `/` says what Archie is, whether it is healthy and
 * how to add it to Slack and Teams (when the web chat is off; otherwise `/` is the chat), `/privacy`
 * and `/terms` render operator-editable Markdown (PRIVACY_PAGE, TERMS_PAGE; honest templates ship in
 * pages/). Teams requires both pages for an app in its store or an organisation's catalogue. `/knowledge`
 * serves the knowledge base Archie cites (knowledge-pages.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Express, Response } from 'express';
import { marked } from 'marked';
import type { MountedChannel } from '../app/channel.js';
import { SECURITY_HEADERS } from '../channels/web/security-headers.js';
import type { Config } from '../config/config-schema.js';
import { ArchieError } from '../core/errors.js';
import type { KnowledgeBase } from '../core/knowledge/knowledge.js';
import { mountKnowledgePages } from './knowledge-pages.js';

/** The stylesheet beside the shipped templates (found from the repository root in source and compiled builds). */
const SITE_CSS = fileURLToPath(new URL('../../pages/site.css', import.meta.url));

export interface SiteOptions {
  config: Config;
  /** The knowledge base served at /knowledge. */
  knowledge?: KnowledgeBase;
  /** The channels that started, for the landing page's status. */
  channels: () => readonly MountedChannel[];
}

interface SiteChannels {
  slack: 'off' | 'http' | 'socket';
  teams: 'off' | 'authenticated' | 'unauthenticated';
  model: string;
}

function channelStates(config: Config, channels: readonly MountedChannel[]): SiteChannels {
  const teams = channels.find((c) => c.name === 'teams')?.status() as { mounted?: boolean } | undefined;
  return {
    slack: config.slack?.mode ?? 'off',
    teams: !teams || teams.mounted === false ? 'off' : config.teams.appId ? 'authenticated' : 'unauthenticated',
    model: config.llm
      ? 'configured (the rules engine still decides every verdict)'
      : 'none: the offline rules engine answers',
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function readPage(path: string, setting: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ArchieError(
      'config_invalid',
      `${setting} "${path}" could not be read: point ${setting} at a Markdown file, or unset it to use the template in pages/.`,
      { cause: error },
    );
  }
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · Archie</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<main>
${body}
</main>
<footer><a href="/">Archie</a> · <a href="/knowledge">Knowledge base</a> · <a href="/privacy">Privacy</a> · <a href="/terms">Terms of use</a> · <a href="/healthz">Health</a></footer>
</body>
</html>
`;
}

function send(res: Response, html: string, status = 200): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  res.status(status).type('html').send(html);
}

const SLACK_STATE = { off: 'not set up', http: 'on (HTTP events, signed requests)', socket: 'on (Socket Mode)' };
const TEAMS_STATE = {
  off: 'not set up',
  authenticated: 'on (Microsoft Entra ID tokens checked)',
  unauthenticated: 'local testing only (no app id)',
};

function landing(base: string, channels: SiteChannels): string {
  const b = escapeHtml(base);
  return page(
    'Architecture consultant for generative-AI systems',
    `<h1>Archie</h1>
<p class="lead">Should your generative-AI system be a monolith, a modular monolith, a hybrid (a monolith core plus a
few extracted services) or microservices? Archie interviews your team in Slack or Microsoft Teams, asks only what could
change the answer, and recommends with reasons, confidence, risks, next steps and cited sources.</p>
<h2>Status</h2>
<ul class="status">
<li>Server: running (<a href="/healthz">health</a>, <a href="/readyz">readiness</a>)</li>
<li>Slack: ${escapeHtml(SLACK_STATE[channels.slack])}</li>
<li>Microsoft Teams: ${escapeHtml(TEAMS_STATE[channels.teams])}</li>
<li>Model: ${escapeHtml(channels.model)}</li>
</ul>
<h2>Knowledge base</h2>
<p>Every recommendation cites its sources. <a href="/knowledge">Browse and search the knowledge base</a>: the public
sources Archie draws on and its own syntheses, each with the sources it rests on.</p>
<h2>Add Archie to Slack</h2>
<ol>
<li>Create a Slack app from Archie's manifest (<code>slack/manifest.json</code> in Archie's repository) with
<code>${b}</code> as its address; Slack sends events to <code>${b}/slack/events</code>.</li>
<li>Install it to your workspace and give this server its bot token and signing secret
(<code>SLACK_BOT_TOKEN</code>, <code>SLACK_SIGNING_SECRET</code>).</li>
<li>Message Archie directly, mention <code>@Archie</code> in a channel, or run <code>/archie help</code>.</li>
</ol>
<h2>Add Archie to Microsoft Teams</h2>
<ol>
<li>Create an Azure Bot with the messaging endpoint <code>${b}/api/messages</code> and turn on its Microsoft Teams
channel.</li>
<li>Give this server the bot's app id and secret (<code>MICROSOFT_APP_ID</code>, <code>MICROSOFT_APP_PASSWORD</code>,
<code>MICROSOFT_APP_TENANT_ID</code>), then build the app package with <code>npm run teams:package</code>; it points
Teams at this server's <a href="/privacy">privacy</a> and <a href="/terms">terms</a> pages.</li>
<li>Upload the package in Teams (Apps → Manage your apps → Upload an app) and chat with Archie.</li>
</ol>`,
  );
}

/** Mounts `/site.css`, `/privacy`, `/terms`, and `/` when the web chat does not own it. */
export function mountSite(app: Express, options: SiteOptions): void {
  const { config } = options;
  const css = readPage(SITE_CSS, 'the site stylesheet');
  const privacy = page('Privacy', marked.parse(readPage(config.site.privacyPage, 'PRIVACY_PAGE'), { async: false }));
  const terms = page('Terms of use', marked.parse(readPage(config.site.termsPage, 'TERMS_PAGE'), { async: false }));
  const base = config.publicUrl ? new URL(config.publicUrl).origin : undefined;
  app.get('/site.css', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('css').send(css);
  });
  app.get('/privacy', (_req, res) => send(res, privacy));
  app.get('/terms', (_req, res) => send(res, terms));
  if (options.knowledge) mountKnowledgePages(app, options.knowledge, { page, escapeHtml, send });
  if (!config.webChat) {
    app.get('/', (req, res) =>
      send(res, landing(base ?? `${req.protocol}://${req.get('host')}`, channelStates(config, options.channels()))),
    );
  }
}
