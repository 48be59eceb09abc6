/**
 * Every chat turn runs the engine in the process that received the message, on its one turn path: a
 * debugger breakpoint on the engine's entry (assessProfile) fires while a Slack message is answered, with
 * no model configured and with one. Driven through createArchie and the real Bolt app on 127.0.0.1.
 */
import { Session } from 'node:inspector/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type Archie, createArchie } from '../../src/app/create-archie.js';
import { loadConfig } from '../../src/config/load-config.js';
import { assessProfile } from '../../src/core/assessment/assess-profile.js';
import { createLogger } from '../../src/observability/create-logger.js';
import { type FakeOpenAiServer, startFakeOpenAiServer } from '../support/fake-openai-server.js';
import { type FakeSlackApi, slackEnv, startFakeSlackApi } from '../support/fake-slack-api.js';
import { dmMessage, eventEnvelope, postSlack } from '../support/slack-request.js';

const DESCRIPTION = 'We are 6 engineers building a RAG assistant over internal docs with a hosted LLM API.';

let open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.reverse()) await thing.close();
  open = [];
});

/** A debugger session with a breakpoint on `fn`; `hits()` says how often it paused there. */
async function breakpointOn(fn: (...args: never[]) => unknown) {
  const session = new Session();
  session.connect();
  let hits = 0;
  session.on('Debugger.paused', () => {
    hits++;
    void session.post('Debugger.resume');
  });
  await session.post('Debugger.enable');
  (globalThis as { __breakpointTarget?: unknown }).__breakpointTarget = fn;
  const { result } = await session.post('Runtime.evaluate', { expression: 'globalThis.__breakpointTarget' });
  await session.post('Debugger.setBreakpointOnFunctionCall', { objectId: result.objectId! });
  open.push({ close: async () => session.disconnect() });
  return { hits: () => hits };
}

async function startArchie(api: FakeSlackApi, env: Record<string, string> = {}): Promise<Archie> {
  const config = loadConfig({
    dotenvPath: false,
    env: { ...slackEnv(api), STORE_URL: 'memory://', PORT: '0', WEB_CHAT: 'false', CHECKINS: 'false', ...env },
  });
  const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
  open.push(archie);
  return archie;
}

/** Sends first descriptions from several users, one after another; each must hit the breakpoint again. */
async function expectEveryTurnHits(archie: Archie, api: FakeSlackApi, engine: { hits(): number }): Promise<void> {
  const url = `http://127.0.0.1:${await archie.listen()}`;
  for (let i = 0; i < 3; i++) {
    const before = engine.hits();
    const who = { channel: `D0PATH${i}`, user: `U0PATH${i}` };
    const res = await postSlack(url, eventEnvelope(dmMessage(DESCRIPTION, who)));
    expect(res.status).toBe(200);
    await api.waitFor((calls) => calls.some((c) => c.method === 'chat.postMessage' && c.args.channel === who.channel));
    expect(engine.hits(), `turn ${i + 1}`).toBeGreaterThan(before);
  }
}

describe('one turn path', () => {
  it('runs the engine in this process for every Slack message answered without a model', async () => {
    const api = await startFakeSlackApi();
    open.push(api);
    const archie = await startArchie(api);
    const engine = await breakpointOn(assessProfile);
    await expectEveryTurnHits(archie, api, engine);
  });

  it('runs the same engine in this process for every Slack message when a model is configured', async () => {
    const api = await startFakeSlackApi();
    const model: FakeOpenAiServer = await startFakeOpenAiServer();
    model.onChat(() => ({ json: {} }));
    open.push(api, model);
    const archie = await startArchie(api, { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: model.url });
    const engine = await breakpointOn(assessProfile);
    await expectEveryTurnHits(archie, api, engine);
    expect(model.chatRequests().length).toBeGreaterThan(0);
  });
});
