/**
 * A pre-check on the signing key a Teams token names, before the SDK verifies it. The SDK's key client
 * fetches the key set again for every key id it has not seen, so each forged token with a made-up `kid`
 * cost one outbound request to Microsoft's key endpoint. Here the key ids each endpoint publishes are
 * remembered, and the set is fetched again at most once a minute per endpoint: a token naming any other
 * key id is refused without a request. A key Microsoft rotates in is picked up at the next refresh.
 */
import { type AuthConfiguration, buildJwksUri } from '@microsoft/agents-hosting';
import type { Clock } from '../../core/clock.js';
import type { Logger } from '../../observability/create-logger.js';

export interface KnownSigningKeysOptions {
  auth: AuthConfiguration;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  /** Least time between two fetches of one endpoint's key set. Default one minute. */
  refreshIntervalMs?: number;
}

export interface KnownSigningKeys {
  /** False when the token cannot be signed by a published key (malformed, wrong algorithm, unknown key id). */
  mayVerify(token: string): Promise<boolean>;
}

interface KeySet {
  kids: Set<string>;
  fetchedAt: number;
  refreshing?: Promise<void>;
}

/** The decoded header and claims of a JWT, unverified (only to choose what to check); undefined if malformed. */
function peek(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const [header, payload] = token.split('.');
  try {
    const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    const result = { header: decode(header), payload: decode(payload) };
    return result.header && typeof result.header === 'object' && result.payload && typeof result.payload === 'object'
      ? result
      : undefined;
  } catch {
    return undefined;
  }
}

export function createKnownSigningKeys(options: KnownSigningKeysOptions): KnownSigningKeys {
  const doFetch = options.fetch ?? fetch;
  const interval = options.refreshIntervalMs ?? 60_000;
  const sets = new Map<string, KeySet>();

  async function refresh(uri: string, set: KeySet): Promise<void> {
    set.fetchedAt = options.clock.now().getTime();
    try {
      const response = await doFetch(uri, { signal: AbortSignal.timeout(10_000) });
      const body = (await response.json()) as { keys?: { kid?: unknown }[] };
      const kids = (body.keys ?? []).map((k) => k.kid).filter((kid): kid is string => typeof kid === 'string');
      set.kids = new Set(kids);
    } catch (error) {
      options.logger.warn({ err: error }, 'teams: could not fetch the token signing keys');
    }
  }

  return {
    mayVerify: async (token) => {
      const parts = peek(token);
      const kid = parts?.header.kid;
      if (parts?.header.alg !== 'RS256' || typeof kid !== 'string') return false;
      const iss = typeof parts.payload.iss === 'string' ? parts.payload.iss : '';
      const uri = buildJwksUri(iss, options.auth);
      let set = sets.get(uri);
      if (!set) {
        set = { kids: new Set(), fetchedAt: Number.NEGATIVE_INFINITY };
        sets.set(uri, set);
      }
      if (set.kids.has(kid)) return true;
      if (!set.refreshing && options.clock.now().getTime() - set.fetchedAt >= interval) {
        const current = set;
        current.refreshing = refresh(uri, current).finally(() => {
          current.refreshing = undefined;
        });
      }
      await set.refreshing;
      return set.kids.has(kid);
    },
  };
}
