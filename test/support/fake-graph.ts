/**
 * A fake Microsoft Graph and Entra token endpoint on 127.0.0.1: client-credentials tokens per tenant
 * (POST /{tenant}/oauth2/v2.0/token), and the channel message endpoints Archie reads (a post, and its
 * replies paged with $top and @odata.nextLink), answering 401 without a token it issued and 403 for a
 * team that has not granted resource-specific consent, with Graph's documented error bodies.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.js';

/** A chatMessage in the shape Graph returns (the fields tests set). */
export interface GraphMessage {
  id: string;
  replyToId?: string | null;
  messageType?: 'message' | 'systemEventMessage';
  createdDateTime: string;
  deletedDateTime?: string | null;
  from: { user?: { id: string; displayName: string } | null; application?: { id: string; displayName: string } | null };
  body: { contentType: 'html' | 'text'; content: string };
  mentions?: { id: number; mentionText: string; mentioned: Record<string, unknown> }[];
}

export interface FakeGraph {
  /** GRAPH_API_URL for Archie (…/v1.0). */
  apiUrl: string;
  /** GRAPH_TOKEN_URL for Archie (with the {tenant} placeholder). */
  tokenUrl: string;
  /** Seeds a reply chain: the post, then its replies (oldest first). */
  setChain(chain: { teamId: string; channelId: string; root: GraphMessage; replies: GraphMessage[] }): void;
  /** The team grants Archie ChannelMessage.Read.Group (resource-specific consent). */
  grantConsent(teamId: string): void;
  /** Every request, in order (method, path with query, tenant for token requests). */
  requests: { method: string; path: string; form?: Record<string, string>; authorization?: string }[];
  close(): Promise<void>;
}

export const GRAPH_SECRET = 'graph-test-secret';

export async function startFakeGraph(options: { clientId: string; clientSecret?: string }): Promise<FakeGraph> {
  const secret = options.clientSecret ?? GRAPH_SECRET;
  const chains = new Map<string, { root: GraphMessage; replies: GraphMessage[] }>();
  const consented = new Set<string>();
  const issued = new Set<string>();
  const requests: FakeGraph['requests'] = [];

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = (await readBody(req)).toString('utf8');
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && req.method === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(raw));
      requests.push({ method: 'POST', path: url.pathname, form });
      if (form.grant_type !== 'client_credentials' || form.scope !== 'https://graph.microsoft.com/.default') {
        return json(res, 400, { error: 'invalid_request', error_description: 'AADSTS900144: bad request' });
      }
      if (form.client_id !== options.clientId || form.client_secret !== secret) {
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret.' });
      }
      const accessToken = `graph-${token[1]}-${randomUUID()}`;
      issued.add(accessToken);
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: accessToken });
    }
    requests.push({
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
    });
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !issued.has(bearer)) {
      return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    const match = /^\/v1\.0\/teams\/([^/]+)\/channels\/([^/]+)\/messages\/([^/]+)(\/replies)?$/.exec(url.pathname);
    if (!match || req.method !== 'GET') return graphError(res, 404, 'NotFound', 'Resource not found.');
    const [teamId, channelId, rootId] = match.slice(1, 4).map(decodeURIComponent) as [string, string, string];
    if (!consented.has(teamId)) {
      return graphError(
        res,
        403,
        'Forbidden',
        "Missing role permissions on the request. API requires one of 'ChannelMessage.Read.All, ChannelMessage.Read.Group'. Roles on the request ''.",
      );
    }
    const chain = chains.get(`${teamId}|${channelId}|${rootId}`);
    if (!chain) return graphError(res, 404, 'NotFound', 'Message not found.');
    if (!match[4]) return json(res, 200, chain.root);
    const top = Math.min(Number(url.searchParams.get('$top') ?? 20) || 20, 50);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0) || 0;
    const page = chain.replies.slice(skip, skip + top);
    const next = skip + top < chain.replies.length;
    const nextLink = `${origin()}${url.pathname}?$top=${top}&$skiptoken=${skip + top}`;
    return json(res, 200, {
      '@odata.context': `${origin()}/v1.0/$metadata#teams('${teamId}')/channels('${channelId}')/messages('${rootId}')/replies`,
      '@odata.count': page.length,
      value: page,
      ...(next ? { '@odata.nextLink': nextLink } : {}),
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin()}/v1.0`,
    tokenUrl: `${origin()}/{tenant}/oauth2/v2.0/token`,
    setChain: ({ teamId, channelId, root, replies }) => {
      chains.set(`${teamId}|${channelId}|${root.id}`, { root, replies });
    },
    grantConsent: (teamId) => {
      consented.add(teamId);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function graphError(res: ServerResponse, status: number, code: string, message: string): void {
  json(res, status, {
    error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } },
  });
}

let seq = 0;
/** A person's message in a chain (HTML body, as Teams stores it). */
export function personMessage(displayName: string, html: string, extra: Partial<GraphMessage> = {}): GraphMessage {
  seq += 1;
  return {
    id: `${1_700_000_000_000 + seq}`,
    messageType: 'message',
    createdDateTime: new Date(Date.UTC(2026, 0, 5, 9, 0, seq)).toISOString(),
    deletedDateTime: null,
    from: { user: { id: `aad-${displayName.toLowerCase().replace(/\W+/g, '-')}`, displayName }, application: null },
    body: { contentType: 'html', content: html },
    mentions: [],
    ...extra,
  };
}
