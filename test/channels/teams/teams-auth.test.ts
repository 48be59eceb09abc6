import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeConsultant, type FakeConsultant } from './fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from './teams-harness.js';
import { message } from './teams-payloads.js';

const APP_ID = '00000000-0000-4000-8000-00000000a99';
let h: TeamsHarness;
let consultant: FakeConsultant;

beforeEach(async () => {
  consultant = createFakeConsultant();
  h = await startTeamsHarness({
    consultant,
    env: {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'test-secret-value',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: 'test-tenant',
    },
    // The JWKS and token issuer live on the fake connector (127.0.0.1), standing in for Entra.
    channel: (connector) => ({
      auth: { authorityEndpoint: connector.auth.authority, issuers: [connector.auth.issuer] },
    }),
  });
});
afterEach(async () => {
  await h.close();
});

const place = () => ({ serviceUrl: h.connector.url, conversationId: 'a:1chat-auth' });

describe('Teams authentication', () => {
  it('refuses an unsigned activity with 401 when an app id is configured', async () => {
    const res = await h.post(message(place(), 'let me in'));
    expect(res.status).toBe(401);
    expect(consultant.calls).toHaveLength(0);
    expect(h.status()).toMatchObject({ auth: 'jwt (SingleTenant)' });
  });

  it('refuses a token signed with someone else’s key, or for another bot', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = jwt.sign({ aud: APP_ID, iss: h.connector.auth.issuer }, privateKey, {
      algorithm: 'RS256',
      keyid: 'x',
    });
    expect((await h.post(message(place(), 'forged'), { authorization: `Bearer ${forged}` })).status).toBe(401);
    const otherBot = h.connector.auth.sign({ aud: 'some-other-bot' });
    expect((await h.post(message(place(), 'other'), { authorization: `Bearer ${otherBot}` })).status).toBe(401);
    const wrongIssuer = h.connector.auth.sign({ aud: APP_ID, iss: 'https://issuer.invalid/other-tenant/v2.0' });
    expect((await h.post(message(place(), 'issuer'), { authorization: `Bearer ${wrongIssuer}` })).status).toBe(401);
    expect(consultant.calls).toHaveLength(0);
  });

  it('accepts a correctly signed activity and answers it', async () => {
    // ExpectReplies returns the replies in the HTTP response, so no outbound Entra token is needed here.
    const token = h.connector.auth.sign({ aud: APP_ID, serviceurl: h.connector.url });
    const inbound = {
      ...message(place(), 'We are two engineers with one RAG app'),
      deliveryMode: 'expectReplies',
      serviceUrl: undefined,
    };
    const res = await h.post(inbound, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: { type: string; attachments?: unknown[] }[] };
    const replies = body.activities.filter((a) => a.type === 'message');
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]?.attachments)).toContain('How many teams work on it?');
    expect(consultant.calls[0]?.input).toEqual({ type: 'text', text: 'We are two engineers with one RAG app' });
  });
});
