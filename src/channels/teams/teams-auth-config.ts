/**
 * Builds the SDK's AuthConfiguration from our typed `config.teams`, never from process.env: every key the
 * SDK could pick up from the environment is set explicitly (undefined when unused) so ours win.
 */
import { type AuthConfiguration, AuthType } from '@microsoft/agents-hosting';
import type { TeamsConfig } from '../../config/config-schema.js';

export interface AuthOverrides {
  /** Entra authority (sovereign clouds; tests point it at a local JWKS). */
  authorityEndpoint?: string;
  /** Extra accepted token issuers (tests sign their own tokens). */
  issuers?: string[];
}

/** The settings that decide how Archie authenticates (Graph's addresses do not). */
type TeamsAuthSettings = Omit<TeamsConfig, 'graph'>;

/** The Azure Bot Service token issuer; always accepted by the SDK as a first-party issuer. */
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export function toAuthConfiguration(teams: TeamsAuthSettings, overrides: AuthOverrides = {}): AuthConfiguration {
  const base: AuthConfiguration = {
    clientId: teams.appId,
    clientSecret: undefined,
    tenantId: undefined,
    authType: undefined,
    certPemFile: undefined,
    certKeyFile: undefined,
    federatedClientId: undefined,
    FICClientId: undefined,
    WIDAssertionFile: undefined,
    federatedTokenFile: undefined,
    connectionName: undefined,
    scope: undefined,
    scopes: undefined,
    authority: overrides.authorityEndpoint,
    authorityEndpoint: overrides.authorityEndpoint,
    issuers: undefined,
    validateIssuer: undefined,
  };
  if (!teams.appId) return base;
  const tenantId = teams.appType === 'SingleTenant' ? teams.tenantId : undefined;
  const tenantIssuers = tenantId
    ? [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`]
    : [];
  return {
    ...base,
    tenantId,
    clientSecret: teams.appType === 'UserAssignedMSI' ? undefined : teams.appPassword,
    authType: authTypeFor(teams),
    // Only tokens from the Bot Service (or our own tenant when single-tenant) are accepted.
    issuers: [BOT_FRAMEWORK_ISSUER, ...tenantIssuers, ...(overrides.issuers ?? [])],
    validateIssuer: true,
  };
}

function authTypeFor(teams: TeamsAuthSettings): AuthType {
  if (teams.appType === 'UserAssignedMSI') return AuthType.UserManagedIdentity;
  return AuthType.ClientSecret;
}

/** A configuration problem a user can fix, or undefined when the Teams settings are consistent. */
export function teamsConfigProblem(teams: TeamsAuthSettings): string | undefined {
  if (!teams.appId) return undefined;
  if (teams.appType !== 'UserAssignedMSI' && !teams.appPassword) {
    return 'MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is missing: create a client secret under Certificates & secrets in the app registration (or set MICROSOFT_APP_TYPE=UserAssignedMSI for a managed identity).';
  }
  if (teams.appType === 'SingleTenant' && !teams.tenantId) {
    return 'MICROSOFT_APP_TYPE is SingleTenant but MICROSOFT_APP_TENANT_ID is missing: copy the Directory (tenant) ID from the app registration overview.';
  }
  return undefined;
}
