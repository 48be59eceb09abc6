import { AuthType } from '@microsoft/agents-hosting';
import { describe, expect, it } from 'vitest';
import { teamsConfigProblem, toAuthConfiguration } from '../../../src/channels/teams/teams-auth-config.js';

describe('Teams auth configuration from config.teams', () => {
  it('single-tenant: client secret, our tenant, issuer validation on', () => {
    const auth = toAuthConfiguration({ appId: 'app', appPassword: 'pw', tenantId: 'tid', appType: 'SingleTenant' });
    expect(auth).toMatchObject({
      clientId: 'app',
      clientSecret: 'pw',
      tenantId: 'tid',
      authType: AuthType.ClientSecret,
    });
    expect(auth.validateIssuer).toBe(true);
    expect(auth.issuers).toEqual([
      'https://api.botframework.com',
      'https://sts.windows.net/tid/',
      'https://login.microsoftonline.com/tid/v2.0',
    ]);
  });

  it('multi-tenant: no tenant pinned, only Bot Service tokens', () => {
    const auth = toAuthConfiguration({ appId: 'app', appPassword: 'pw', tenantId: 'tid', appType: 'MultiTenant' });
    expect(auth.tenantId).toBeUndefined();
    expect(auth.issuers).toEqual(['https://api.botframework.com']);
  });

  it('managed identity: no secret', () => {
    const auth = toAuthConfiguration({ appId: 'msi-client', appPassword: 'ignored', appType: 'UserAssignedMSI' });
    expect(auth).toMatchObject({ clientId: 'msi-client', authType: AuthType.UserManagedIdentity });
    expect(auth.clientSecret).toBeUndefined();
  });

  it('sets every key the SDK could otherwise take from the environment', () => {
    const auth = toAuthConfiguration({ appType: 'MultiTenant' });
    for (const key of ['clientId', 'clientSecret', 'tenantId', 'certPemFile', 'certKeyFile', 'federatedClientId']) {
      expect(Object.hasOwn(auth, key)).toBe(true);
    }
    expect(auth.clientId).toBeUndefined();
  });

  it('explains missing secrets and tenants', () => {
    expect(teamsConfigProblem({ appId: 'app', appType: 'MultiTenant' })).toMatch(/MICROSOFT_APP_PASSWORD/);
    expect(teamsConfigProblem({ appId: 'app', appPassword: 'pw', appType: 'SingleTenant' })).toMatch(
      /MICROSOFT_APP_TENANT_ID/,
    );
    expect(teamsConfigProblem({ appId: 'app', appType: 'UserAssignedMSI' })).toBeUndefined();
    expect(teamsConfigProblem({ appType: 'MultiTenant' })).toBeUndefined();
  });
});
