/**
 * D21: forged Teams tokens (authentication on) cost Archie no outbound request each and get a plain 401.
 * A token whose audience matches the app id but whose key id was made up used to make the SDK fetch the
 * key set again, once per token, and the 401 carried the fetch's error text.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeConsultant } from '../channels/teams/fake-consultant.js';
import { startTeamsHarness, type TeamsHarness } from '../channels/teams/teams-harness.js';
import { message } from '../channels/teams/teams-payloads.js';

const APP_ID = '00000000-0000-4000-8000-00000000a99';
let h: TeamsHarness;
beforeAll(async () => {
  h = await startTeamsHarness({
    consultant: createFakeConsultant(),
    env: {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: 'test-secret-value',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: 'test-tenant',
    },
    channel: (connector) => ({
      auth: { authorityEndpoint: connector.auth.authority, issuers: [connector.auth.issuer] },
    }),
  });
});
afterAll(async () => h?.close());

const place = () => ({ serviceUrl: h.connector.url, conversationId: 'a:1forged' });

describe('forged Teams tokens', () => {
  it('are refused with a plain 401 and at most one key-set fetch, however many key ids they invent', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const bodies: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const forged = jwt.sign({ aud: APP_ID, iss: h.connector.auth.issuer }, privateKey, {
        algorithm: 'RS256',
        keyid: randomUUID(),
      });
      const res = await h.post(message(place(), `forged ${i}`), { authorization: `Bearer ${forged}` });
      expect(res.status).toBe(401);
      bodies.push(await res.text());
    }
    expect(h.connector.jwksFetches()).toBeLessThanOrEqual(1);
    for (const body of bodies) {
      expect(JSON.parse(body)).toEqual({ error: expect.stringMatching(/^Unauthorized/) });
      expect(body).not.toMatch(/jwt-auth-error|secret or public key|signing key|kid/i);
    }
  });

  it('still lets a token signed with a published key through', async () => {
    const token = h.connector.auth.sign({ aud: APP_ID, serviceurl: h.connector.url });
    const inbound = {
      ...message(place(), 'We are two engineers'),
      deliveryMode: 'expectReplies',
      serviceUrl: undefined,
    };
    const res = await h.post(inbound, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
  });
});
