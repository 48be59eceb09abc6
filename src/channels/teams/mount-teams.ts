/**
 * Microsoft Teams on the Microsoft 365 Agents SDK: `POST /api/messages` on the shared Express app.
 * JWT authentication is on whenever MICROSOFT_APP_ID is set; without it Teams runs unauthenticated for
 * local (Agents Playground / emulator) use only, with a loud warning.
 */
import type { CloudAdapter } from '@microsoft/agents-hosting';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { ChannelDeps, MountChannel, MountedChannel } from '../../app/channel.js';
import { browserGuard, requireJson } from '../../server/browser-guard.js';
import { createAdoptLegacyMiddleware } from './adopt-legacy-conversation.js';
import { authorizeRequest } from './authorize-request.js';
import { createStoreReferencesMiddleware } from './conversation-references.js';
import { createTeamsAdapter } from './create-teams-adapter.js';
import { createTeamsAgent } from './create-teams-agent.js';
import { createTeamsProactiveSender } from './create-teams-proactive-sender.js';
import { createDedupeMiddleware } from './dedupe-activities.js';
import { createGraphAccess, type GraphAccess } from './graph-access.js';
import { createIgnoreOwnMessagesMiddleware } from './ignore-own-messages.js';
import { createKnownSigningKeys } from './known-signing-keys.js';
import { createReplyChainReader } from './read-reply-chain.js';
import { createChainCursor } from './reply-chain.js';
import { type AuthOverrides, teamsConfigProblem, toAuthConfiguration } from './teams-auth-config.js';

export const TEAMS_ENDPOINT = '/api/messages';

export interface TeamsChannelOptions {
  auth?: AuthOverrides;
  /** Attempts per outgoing activity when Teams throttles (default 5). */
  maxSendAttempts?: number;
  /** Delay before the typing indicator (default 300 ms: instant answers need none). */
  typingDelayMs?: number;
  /** Pause between streamed chunks (default: the SDK's 1 s for Teams). */
  streamDelayMs?: number;
  /** Graph access other than the configured one (tests read reply chains while the bot runs unauthenticated). */
  graph?: GraphAccess;
}

/** Mounts Teams with settings from `config.teams` only. */
export const mountTeams: MountChannel = (app, deps) => createTeamsChannel(app, deps);

/** Like mountTeams, with overrides for sovereign clouds and tests (authority, extra issuers). */
export async function createTeamsChannel(
  app: Express,
  deps: ChannelDeps,
  options: TeamsChannelOptions = {},
): Promise<MountedChannel> {
  const { config, logger } = deps;
  const appId = config.teams.appId;
  const problem = teamsConfigProblem(config.teams);
  if (problem) logger.warn(`Teams: ${problem}`);
  // Unauthenticated Teams is for tools on this machine only, like the web chat: never on a public address.
  if (!appId && !config.loopbackOnly) return unavailable(app, deps, PUBLIC_WITHOUT_APP_ID(config.host));
  const auth = toAuthConfiguration(config.teams, options.auth);
  let adapter: CloudAdapter;
  try {
    adapter = createTeamsAdapter({
      auth,
      logger,
      clock: deps.clock,
      maxSendAttempts: options.maxSendAttempts,
    });
  } catch (error) {
    // The SDK refuses to run without an app id when NODE_ENV=production: answer 503 rather than crash.
    logger.debug({ err: error }, 'Teams: the SDK refused to start');
    return unavailable(app, deps, NOT_CONFIGURED);
  }
  // Only a loopback bind gets here without an app id: nothing is exposed, so this is information, not a warning.
  if (!appId) {
    logger.info(
      `Teams: MICROSOFT_APP_ID is not set, so ${TEAMS_ENDPOINT} accepts unauthenticated requests from this machine (Microsoft 365 Agents Playground or the Bot Framework Emulator); set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to serve Teams.`,
    );
  }

  adapter.use(
    createIgnoreOwnMessagesMiddleware(),
    createDedupeMiddleware(deps.store, logger, () => deps.metrics.dedupeHits.inc({ channel: 'teams' })),
    createStoreReferencesMiddleware(deps.store, logger),
  );
  if (appId) adapter.use(createAdoptLegacyMiddleware(deps.store, logger));
  const graph = options.graph ?? createGraphAccess(config.teams);
  const agent = createTeamsAgent(adapter, deps, {
    chains: { readChain: createReplyChainReader({ graph }), cursor: createChainCursor(deps.store) },
    appId,
    streaming: config.llm !== undefined,
    typingDelayMs: options.typingDelayMs ?? 300,
    streamDelayMs: options.streamDelayMs,
  });
  deps.proactive.register('teams', createTeamsProactiveSender({ adapter, store: deps.store, logger, appId }));

  app.post(
    TEAMS_ENDPOINT,
    // Without a token anything a browser can send must be refused: other sites, rebound host names.
    ...(appId ? [] : [browserGuard({ publicUrl: config.publicUrl })]),
    // While every turn slot is taken: 503 with Retry-After, before any token is checked or body read.
    ...(deps.admission ? [deps.admission.gate()] : []),
    authorizeRequest(adapter, appId ? createKnownSigningKeys({ auth, clock: deps.clock, logger }) : undefined, logger),
    requireJson(),
    express.json({ limit: config.limits.maxBodyBytes }),
    processActivity(adapter, agent.run.bind(agent), deps),
    rejectBadBody(deps),
  );

  return {
    name: 'teams',
    status: () => ({
      endpoint: TEAMS_ENDPOINT,
      mounted: true,
      auth: appId ? `jwt (${config.teams.appType})` : 'off: unauthenticated, local use only',
      streaming: config.llm !== undefined ? 'personal chats' : 'off (no model)',
      replyChains: graph ? 'read through Microsoft Graph where the team consents' : 'not read (no client secret)',
      ...(problem ? { problem } : {}),
    }),
    close: async () => {},
  };
}

const NOT_CONFIGURED =
  'Teams is not available on this server: set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (see docs/teams.md).';

const PUBLIC_WITHOUT_APP_ID = (host: string) =>
  `Teams is off: MICROSOFT_APP_ID is not set, and unauthenticated Teams (for the Agents Playground or the Emulator) runs only when HOST is a loopback address, not ${host}. To serve Teams, set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID (see docs/teams.md); to test locally, use HOST=127.0.0.1.`;

/** Teams off: /api/messages answers 503 with what to configure, and the start-up log says the same. */
function unavailable(app: Express, deps: ChannelDeps, reason: string): MountedChannel {
  deps.logger.warn(reason);
  app.post(TEAMS_ENDPOINT, (_req, res) => {
    res.status(503).json({ error: reason });
  });
  return {
    name: 'teams',
    status: () => ({ endpoint: TEAMS_ENDPOINT, mounted: false, reason }),
    close: async () => {},
  };
}

function processActivity(
  adapter: CloudAdapter,
  run: Parameters<CloudAdapter['process']>[2],
  deps: ChannelDeps,
): RequestHandler {
  return async (req, res) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.status(400).json({ error: 'The request body must be a Bot Framework activity (a JSON object).' });
      return;
    }
    try {
      await adapter.process(req as never, res as never, run);
    } catch (error) {
      if (res.headersSent) return;
      // Activity.fromObject rejects payloads that do not match the Activity schema: the caller's fault.
      const invalid = (error as { name?: string }).name === 'ZodError';
      if (!invalid) deps.logger.error({ err: error }, 'teams: could not process the activity');
      res
        .status(invalid ? 400 : 500)
        .json({ error: invalid ? 'Malformed activity.' : 'Archie could not process this activity.' });
    }
  };
}

/** Unparseable JSON (400) or an oversized body (413) gets a plain answer; the server keeps serving. */
function rejectBadBody(deps: ChannelDeps): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (res.headersSent) return next(error);
    if (status >= 500) deps.logger.error({ err: error }, 'teams: request failed');
    res.status(status).json({ error: status === 413 ? 'Activity too large.' : 'Malformed activity.' });
  };
}
