/** Archie's app-only access to Microsoft Graph, against the fake Graph and token endpoint on loopback. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphAccess } from '../../../src/channels/teams/graph-access.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { type FakeGraph, GRAPH_SECRET, personMessage, startFakeGraph } from '../../support/fake-graph.js';

const APP_ID = '00000000-0000-4000-8000-0000000000a2';
let graph: FakeGraph;
beforeEach(async () => {
  graph = await startFakeGraph({ clientId: APP_ID });
});
afterEach(() => graph.close());

const teams = (env: Record<string, string>) =>
  loadConfig({
    dotenvPath: false,
    env: { MICROSOFT_APP_ID: APP_ID, GRAPH_API_URL: graph.apiUrl, GRAPH_TOKEN_URL: graph.tokenUrl, ...env },
  }).teams;

describe('Graph access', () => {
  it('signs in once per tenant and reuses the token until it nears expiry', async () => {
    const access = createGraphAccess(teams({ MICROSOFT_APP_PASSWORD: GRAPH_SECRET }))!;
    const root = personMessage('Ana', '<p>hi</p>');
    graph.setChain({ teamId: 'team-1', channelId: 'c1', root, replies: [] });
    graph.grantConsent('team-1');
    const get = access('tenant-a');
    await get(`/teams/team-1/channels/c1/messages/${root.id}`);
    await get(`/teams/team-1/channels/c1/messages/${root.id}/replies`);
    await access('tenant-b')(`/teams/team-1/channels/c1/messages/${root.id}`);
    expect(graph.requests.filter((r) => r.form).map((r) => r.path)).toEqual([
      '/tenant-a/oauth2/v2.0/token',
      '/tenant-b/oauth2/v2.0/token',
    ]);
  });

  it('never sends its token to an address other than Graph', async () => {
    const access = createGraphAccess(teams({ MICROSOFT_APP_PASSWORD: GRAPH_SECRET }))!;
    await expect(access('t')('https://attacker.example/v1.0/teams/x')).rejects.toMatchObject({ status: 400 });
    expect(graph.requests).toHaveLength(0);
  });

  it('says which settings to check when Entra refuses the secret', async () => {
    const access = createGraphAccess(teams({ MICROSOFT_APP_PASSWORD: 'wrong' }))!;
    await expect(access('t')('/teams/x/channels/y/messages/z')).rejects.toThrow(/MICROSOFT_APP_PASSWORD/);
  });

  it('has no access without a client secret (a managed identity cannot use the secret flow)', () => {
    expect(createGraphAccess(teams({}))).toBeUndefined();
    expect(
      createGraphAccess(teams({ MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'UserAssignedMSI' })),
    ).toBeUndefined();
  });
});
