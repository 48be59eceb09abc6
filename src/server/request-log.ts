/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new one), echoes it in the
 * response, and logs method, path, status and duration — never the body or the query string.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../observability/create-logger.js';

const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    const started = performance.now();
    res.once('finish', () => {
      const entry = {
        reqId: id,
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      // 503 is a deliberate refusal (busy: admission control; or a channel that is not configured), not a fault.
      if (res.statusCode >= 500 && res.statusCode !== 503) logger.warn(entry, 'request failed');
      else if (QUIET.has(req.path)) logger.trace(entry, 'request');
      else logger.debug(entry, 'request');
    });
    next();
  };
}
