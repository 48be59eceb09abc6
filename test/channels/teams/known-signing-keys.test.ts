import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createKnownSigningKeys } from '../../../src/channels/teams/known-signing-keys.js';
import { toAuthConfiguration } from '../../../src/channels/teams/teams-auth-config.js';
import { createFakeClock } from '../../support/fake-clock.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenWith = (kid: string, alg = 'RS256') =>
  `${b64({ alg, kid, typ: 'JWT' })}.${b64({ iss: 'https://api.botframework.com', aud: 'app' })}.sig`;

function setUp() {
  const clock = createFakeClock();
  const published = { kids: ['k1'] };
  const fetched: string[] = [];
  const fakeFetch = (async (url: string) => {
    fetched.push(String(url));
    return new Response(JSON.stringify({ keys: published.kids.map((kid) => ({ kid })) }));
  }) as typeof fetch;
  const keys = createKnownSigningKeys({
    auth: toAuthConfiguration({ appId: 'app', appPassword: 'x', appType: 'MultiTenant' }),
    clock,
    logger: pino({ level: 'silent' }),
    fetch: fakeFetch,
  });
  return { clock, published, fetched, keys };
}

describe('known signing keys', () => {
  it('fetches the key set once a minute at most, whatever key ids tokens name', async () => {
    const { keys, fetched } = setUp();
    expect(await keys.mayVerify(tokenWith('k1'))).toBe(true);
    for (let i = 0; i < 10; i += 1) expect(await keys.mayVerify(tokenWith(`made-up-${i}`))).toBe(false);
    expect(fetched).toEqual(['https://login.botframework.com/v1/.well-known/keys']);
  });

  it('picks up a key rotated in at the next refresh', async () => {
    const { keys, published, clock, fetched } = setUp();
    expect(await keys.mayVerify(tokenWith('k1'))).toBe(true);
    published.kids = ['k1', 'k2'];
    expect(await keys.mayVerify(tokenWith('k2'))).toBe(false);
    await clock.advance(60_000);
    expect(await keys.mayVerify(tokenWith('k2'))).toBe(true);
    expect(fetched).toHaveLength(2);
  });

  it('refuses without fetching a token that is not an RS256 JWT with a key id', async () => {
    const { keys, fetched } = setUp();
    expect(await keys.mayVerify('not-a-jwt')).toBe(false);
    expect(await keys.mayVerify(tokenWith('k1', 'HS256'))).toBe(false);
    expect(await keys.mayVerify(`${b64({ alg: 'RS256' })}.${b64({})}.x`)).toBe(false);
    expect(fetched).toHaveLength(0);
  });
});
