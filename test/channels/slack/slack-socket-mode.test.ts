import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlackApi } from '../../support/fake-slack-api.js';
import { dmMessage, eventEnvelope } from '../../support/slack-request.js';
import { type FakeSocketMode, startFakeSocketMode } from './fake-socket-mode.js';
import { scriptedConsultant } from './scripted-consultant.js';
import { type SlackHarness, startSlackHarness } from './slack-harness.js';

let h: SlackHarness | undefined;
let socket: FakeSocketMode | undefined;
afterEach(async () => {
  await h?.close();
  await h?.api.close();
  await socket?.close();
  h = undefined;
  socket = undefined;
});

describe('Slack Socket Mode', () => {
  it('starts even when Slack refuses the Socket Mode connection, and reports it in the status', async () => {
    const api = await startFakeSlackApi(); // no socket URL: apps.connections.open answers invalid_auth
    h = await startSlackHarness({
      consultant: scriptedConsultant(),
      api,
      env: { SLACK_APP_TOKEN: 'xapp-1-bad', SLACK_SIGNING_SECRET: '' },
    });
    await api.waitFor((c) => c.some((x) => x.method === 'apps.connections.open'));
    await new Promise((r) => setTimeout(r, 100));
    expect(h.channel.status()).toMatchObject({ mode: 'socket', connection: 'failed' });
    expect(JSON.stringify(h.logs)).toContain('Socket Mode could not connect');
  });

  it('acks an events_api envelope at once and replies through the same handlers, once per event', async () => {
    const api = await startFakeSlackApi();
    socket = await startFakeSocketMode();
    api.setSocketUrl(socket.url);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const consultant = scriptedConsultant({ before: () => gate });
    h = await startSlackHarness({ consultant, api, env: { SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SIGNING_SECRET: '' } });
    await socket.connected;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.channel.status()).toMatchObject({ mode: 'socket', connection: 'connected' });
    expect(api.calls('apps.connections.open')).toHaveLength(1);

    const envelope = eventEnvelope(dmMessage('We build a RAG assistant'));
    const { ack, ms } = await socket.sendEvent(envelope);
    expect(ack.envelope_id).toBe('env-1');
    expect(ms).toBeLessThan(1_000);
    await socket.sendEvent(envelope, { retryAttempt: 1 });
    expect(api.calls('chat.postMessage')).toHaveLength(0);
    release();
    const calls = await api.waitFor((c) => c.some((x) => x.method === 'chat.postMessage'));
    expect(calls.find((c) => c.method === 'chat.postMessage')!.args.channel).toBe('D0DM');
    await new Promise((r) => setTimeout(r, 150));
    expect(api.calls('chat.postMessage')).toHaveLength(1);
  });
});
