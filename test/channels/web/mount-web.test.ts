/**
 * mountWeb on its own Express app with the real store and proactive registry: check-in posts land in the
 * transcript, and a turn that fails leaves the transcript as it was with a plain error.
 */

import type { Server } from 'node:http';
import Keyv from 'keyv';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommandRouter } from '../../../src/app/commands.js';
import { lengthGuard } from '../../../src/app/limits/guard-consultant.js';
import { createProactiveRegistry, type ProactiveRegistry } from '../../../src/app/proactive.js';
import { mountWeb } from '../../../src/channels/web/mount-web.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { systemClock } from '../../../src/core/clock.js';
import type { Consultant } from '../../../src/core/consultant.js';
import { createLogger } from '../../../src/observability/create-logger.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import { createHttpApp } from '../../../src/server/create-http-app.js';
import { call } from './web-test-server.js';

/** A consultant that greets and then fails every turn, as a broken model or store would. */
const failingConsultant: Consultant = {
  greet: async () => [{ type: 'text', text: 'Hi, I’m Archie.' }],
  handle: async () => {
    throw new Error('database on fire: secret-token-123');
  },
  assess: async () => {
    throw new Error('not used');
  },
  ask: async () => {
    throw new Error('not used');
  },
  seed: async () => {},
  snapshot: async () => undefined,
};

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

async function mount(consultant: Consultant): Promise<{ url: string; proactive: ProactiveRegistry }> {
  const config = loadConfig({ env: { STORE_URL: 'memory://', LOG_LEVEL: 'silent' }, dotenvPath: false });
  const app = createHttpApp({ status: () => ({}), readiness: [] });
  const proactive = createProactiveRegistry();
  const mounted = await mountWeb(app, {
    config,
    logger: createLogger({ level: 'silent' }),
    consultant,
    store: new Keyv(),
    clock: systemClock,
    commands: createCommandRouter(),
    tooLong: lengthGuard(config.limits.maxMessageChars),
    proactive,
    metrics: createMetrics({ defaultMetrics: false }),
    readiness: [],
    onAssessment: () => {},
  });
  expect(mounted?.name).toBe('web');
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, proactive };
}

describe('mountWeb', () => {
  it('puts a proactive post (a check-in) into the conversation it was addressed to', async () => {
    const { url, proactive } = await mount(failingConsultant);
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const delivered = await proactive.send({ channel: 'web', key: conversation.id }, [
      { type: 'text', text: 'Architecture check-in: has anything changed?' },
    ]);
    expect(delivered).toEqual({ ok: true });
    const history = await call(url, 'GET', `/api/web/conversations/${conversation.id}`);
    expect(history.body.messages.at(-1)).toMatchObject({
      from: 'archie',
      message: { type: 'text', text: 'Architecture check-in: has anything changed?' },
    });

    const gone = await proactive.send({ channel: 'web', key: 'never-existed-000000' }, [{ type: 'text', text: 'x' }]);
    expect(gone).toMatchObject({ ok: false, gone: true });
  });

  it('answers a failed turn with a plain 500 and keeps the transcript unchanged', async () => {
    const { url } = await mount(failingConsultant);
    const { body: conversation } = await call(url, 'POST', '/api/web/conversations');
    const failed = await call(url, 'POST', `/api/web/conversations/${conversation.id}/messages`, { text: 'hello' });
    expect(failed.status).toBe(500);
    expect(failed.body.error).toBe('Something went wrong on our side. Please try again.');
    expect(JSON.stringify(failed.body)).not.toMatch(/database|secret/);
    const history = await call(url, 'GET', `/api/web/conversations/${conversation.id}`);
    expect(history.body.messages).toEqual(conversation.messages);
  });
});
