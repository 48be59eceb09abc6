/**
 * Authenticates a request to /api/messages: the SDK's JWT check (when an app id is set), behind the key-id
 * pre-check of known-signing-keys.ts. Whatever the reason for a refusal, the caller gets one plain 401;
 * the SDK's own wording (which can carry key-fetch errors) goes to the log.
 */
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { RequestHandler } from 'express';
import type { Logger } from '../../observability/create-logger.js';
import type { KnownSigningKeys } from './known-signing-keys.js';

const UNAUTHORIZED = 'Unauthorized: this endpoint accepts activities from the Azure Bot Service only.';

/** The bearer token of an `Authorization` header, if it is one. */
const bearer = (header: string | undefined) => /^\s*Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];

export function authorizeRequest(
  adapter: CloudAdapter,
  keys: KnownSigningKeys | undefined,
  logger: Logger,
): RequestHandler {
  return async (req, res, next) => {
    try {
      const token = bearer(req.headers.authorization);
      if (keys && token && !(await keys.mayVerify(token))) {
        logger.info('teams: refused a token that no published key can have signed');
        return void res.status(401).json({ error: UNAUTHORIZED });
      }
      // The SDK answers a refusal itself; a stand-in response keeps its wording out of ours.
      const refusal: { status?: number; body?: unknown } = {};
      const stand = {
        status(code: number) {
          refusal.status = code;
          return stand;
        },
        send(body: unknown) {
          refusal.body = body;
          return stand;
        },
        json(body: unknown) {
          refusal.body = body;
          return stand;
        },
        end() {
          return stand;
        },
      };
      let passed = false;
      await adapter.authorizeRequest(req as never, stand as never, () => {
        passed = true;
      });
      if (passed) return next();
      logger.info({ status: refusal.status, detail: refusal.body }, 'teams: request refused by authentication');
      res.status(refusal.status === 405 ? 405 : 401).json({ error: UNAUTHORIZED });
    } catch (error) {
      next(error);
    }
  };
}
