/** Starts the whole Archie (createArchie: real consultant, real store) on 127.0.0.1 port 0 for web chat tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Archie, createArchie } from '../../../src/app/create-archie.js';
import type { WebMessage } from '../../../src/channels/web/web-history.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createLogger } from '../../../src/observability/create-logger.js';

export interface WebTestServer {
  archie: Archie;
  url: string;
  close(): Promise<void>;
}

/** A fresh temp directory for a SQLite file; remove it with the returned function. */
export function tempSqlite(): { storeUrl: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'archie-web-'));
  return {
    storeUrl: `sqlite://${join(dir, 'archie.sqlite')}`,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startWebArchie(env: Record<string, string> = {}): Promise<WebTestServer> {
  const config = loadConfig({
    env: { PORT: '0', HOST: '127.0.0.1', STORE_URL: 'memory://', LOG_LEVEL: 'silent', ...env },
    dotenvPath: false,
  });
  const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  const port = await archie.listen();
  return { archie, url: `http://127.0.0.1:${port}`, close: () => archie.close() };
}

/** What the web API answers (a conversation, new lines, or an error). */
export interface ApiBody {
  id: string;
  messages: WebMessage[];
  error?: string;
}

/** JSON over HTTP with the status, for asserting on both. */
/** Fetch options for a POST the way the page sends it: JSON, with an empty object when there is no body. */
export const JSON_POST: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

export async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: ApiBody }> {
  // The page sends every POST as JSON (an empty object when there is nothing to say).
  const sent = body === undefined && method === 'POST' ? {} : body;
  const response = await fetch(`${base}${path}`, {
    method,
    headers: sent === undefined ? {} : { 'content-type': 'application/json' },
    body: sent === undefined ? undefined : typeof sent === 'string' ? sent : JSON.stringify(sent),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the assertion message.
  }
  return { status: response.status, body: parsed as ApiBody };
}
