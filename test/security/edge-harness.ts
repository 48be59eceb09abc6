/**
 * The whole Archie (createArchie: real consultant, offline engine, memory store) on 127.0.0.1 with every
 * browser- and platform-reachable channel on: Slack over HTTP (real Bolt, fake Slack Web API), the web
 * chat, and Teams in its local unauthenticated mode (real Agents SDK, fake Bot Connector as serviceUrl).
 * The security tests act as a victim in one channel and an attacker in another.
 */
import { request } from 'node:http';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Clock } from '../../src/core/clock.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { JSON_POST } from '../channels/web/web-test-server.js';
import { type FakeBotConnector, startFakeBotConnector } from '../support/fake-bot-connector.js';
import {
  type FakeSlackApi,
  type RecordedCall,
  shownText,
  slackEnv,
  startFakeSlackApi,
} from '../support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../support/slack-request.js';

export interface EdgeHarness {
  archie: Archie;
  baseUrl: string;
  slack: FakeSlackApi;
  connector: FakeBotConnector;
  /** Sends a DM from `user` in `channel` and resolves with the text of what Archie posted back. */
  slackDm(text: string, place: { channel: string; user: string }): Promise<string>;
  /** Starts a web chat conversation; returns its id. */
  webConversation(): Promise<string>;
  /** Sends a web chat turn; returns the HTTP status and the text of the replies. */
  webTurn(id: string, body: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** POSTs a raw activity to /api/messages. */
  teamsPost(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** A description that takes the offline engine to a hybrid verdict with few questions. */
export const VICTIM_DESCRIPTION =
  'We are 40 engineers in 6 teams building a RAG assistant with a self-hosted Llama 70B on our own GPUs for 2 million users, with PCI card data. We deploy with CI/CD, have on-call and tracing, and run on Kubernetes.';

export async function startEdgeHarness(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<EdgeHarness> {
  const slack = await startFakeSlackApi();
  const connector = await startFakeBotConnector();
  const config = loadConfig({
    dotenvPath: false,
    env: { ...slackEnv(slack), STORE_URL: 'memory://', PORT: '0', WEB_CHAT: 'true', ENGINE_THREADS: '0', ...env },
  });
  const archie = await createArchie(config, {
    logger: createLogger({ level: 'silent' }),
    defaultMetrics: false,
    clock: options.clock,
  });
  const baseUrl = `http://127.0.0.1:${await archie.listen()}`;

  const postedTo = (channel: string) => slack.calls('chat.postMessage').filter((c) => c.args.channel === channel);
  const slackDm: EdgeHarness['slackDm'] = async (text, place) => {
    const before = postedTo(place.channel).length;
    const res = await postSlack(baseUrl, eventEnvelope(dmMessage(text, place)));
    if (res.status !== 200) throw new Error(`Slack answered ${res.status}`);
    await slack.waitFor(() => postedTo(place.channel).length > before, 15_000);
    // Replies of one turn are posted back to back; give the rest of them a moment.
    await settle(() => postedTo(place.channel).length);
    return postedTo(place.channel).slice(before).map(shownText).join('\n');
  };

  const webConversation = async () => {
    const res = await fetch(`${baseUrl}/api/web/conversations`, JSON_POST);
    if (res.status !== 201) throw new Error(`web chat answered ${res.status}`);
    return ((await res.json()) as { id: string }).id;
  };
  const webTurn: EdgeHarness['webTurn'] = async (id, body) => {
    const res = await fetch(`${baseUrl}/api/web/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: JSON.stringify(await res.json()) };
  };
  const teamsPost: EdgeHarness['teamsPost'] = (activity, headers = {}) =>
    fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });

  return {
    archie,
    baseUrl,
    slack,
    connector,
    slackDm,
    webConversation,
    webTurn,
    teamsPost,
    close: async () => {
      await archie.close();
      await slack.close();
      await connector.close();
    },
  };
}

/**
 * A request with headers fetch() will not send (Host), through node:http; resolves with status and body.
 */
export function rawRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${options.path}`,
      { method: options.method ?? 'POST', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Resolves once `count()` has not changed for 150 ms. */
async function settle(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Describes the victim's system in a Slack DM and skips questions until Archie recommends. */
export async function assessInSlackDm(h: EdgeHarness, place: { channel: string; user: string }): Promise<string> {
  let text = await h.slackDm(VICTIM_DESCRIPTION, place);
  for (let i = 0; i < 10 && !/Recommendation/.test(text); i += 1) text = await h.slackDm('skip', place);
  if (!/Recommendation/.test(text)) throw new Error(`no recommendation after skipping: ${text}`);
  return text;
}

export type { RecordedCall };
