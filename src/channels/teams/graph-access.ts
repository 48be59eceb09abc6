/**
 * Microsoft Graph as Archie's app (app-only): a client-credentials token per tenant (the tenant of the
 * team being read, since a multi-tenant app is installed in other organisations), cached until shortly
 * before it expires, and GET requests on the configured Graph base URL with that token, retried on
 * throttling like every Teams call (throttle-retry). Reading needs a client secret; without one there is
 * no access. ADR 0021 says why this is plain fetch rather than the Graph client library.
 */
import type { TeamsConfig } from '../../config/config-schema.js';
import { type Clock, systemClock } from '../../core/clock.js';
import { ArchieError } from '../../core/errors.js';
import { withThrottleRetry } from './throttle-retry.js';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const EARLY_MS = 5 * 60_000;

/** A Graph error with the status and Retry-After the throttle retry reads. */
export class GraphHttpError extends Error {
  readonly status: number;
  readonly code?: string;
  readonly response: { status: number; headers: Headers };

  constructor(status: number, headers: Headers, code?: string) {
    super(`Microsoft Graph answered ${status}${code ? ` (${code})` : ''}`);
    this.name = 'GraphHttpError';
    this.status = status;
    this.code = code;
    this.response = { status, headers };
  }
}

/** GETs a Graph path (`/teams/…`) or one of Graph's own `@odata.nextLink` URLs, as JSON. */
export type GraphGet = (pathOrLink: string) => Promise<unknown>;

/** Graph for a tenant, or undefined when Archie has no way to sign in to Graph. */
export type GraphAccess = ((tenantId: string) => GraphGet) | undefined;

export interface GraphAccessOptions {
  fetch?: typeof fetch;
  clock?: Clock;
}

export function createGraphAccess(teams: TeamsConfig, options: GraphAccessOptions = {}): GraphAccess {
  const { appId, appPassword, appType } = teams;
  if (!appId || !appPassword || appType === 'UserAssignedMSI') return undefined;
  const fetchImpl = options.fetch ?? fetch;
  const clock = options.clock ?? systemClock;
  const base = teams.graph.apiUrl.replace(/\/+$/, '');
  const tokens = new Map<string, { token: string; expiresAt: number }>();

  async function token(tenantId: string): Promise<string> {
    const cached = tokens.get(tenantId);
    if (cached && cached.expiresAt > clock.now().getTime()) return cached.token;
    const response = await fetchImpl(teams.graph.tokenUrl.replace('{tenant}', encodeURIComponent(tenantId)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: appId!,
        client_secret: appPassword!,
        scope: GRAPH_SCOPE,
        grant_type: 'client_credentials',
      }),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!response.ok || !body.access_token) {
      throw new ArchieError(
        'thread_unreadable',
        'Archie could not sign in to Microsoft Graph: check MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (a client secret of the app registration that has not expired).',
        { details: { status: response.status } },
      );
    }
    const lifetimeMs = (body.expires_in ?? 3_600) * 1_000;
    tokens.set(tenantId, {
      token: body.access_token,
      expiresAt: clock.now().getTime() + Math.max(0, lifetimeMs - EARLY_MS),
    });
    return body.access_token;
  }

  return (tenantId) => async (pathOrLink) => {
    // The token goes to Graph's own address only: a next-page link elsewhere is refused, not followed.
    const url = pathOrLink.startsWith('/') ? `${base}${pathOrLink}` : pathOrLink;
    if (!url.startsWith(`${base}/`)) throw new GraphHttpError(400, new Headers(), 'UnexpectedLink');
    return withThrottleRetry(
      async () => {
        const response = await fetchImpl(url, {
          headers: { authorization: `Bearer ${await token(tenantId)}`, accept: 'application/json' },
        });
        if (!response.ok) {
          const error = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
          throw new GraphHttpError(response.status, response.headers, error.error?.code);
        }
        return response.json();
      },
      { clock, maxAttempts: 3 },
    );
  };
}
