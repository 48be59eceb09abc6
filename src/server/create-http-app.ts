/** The one Express app every HTTP channel mounts on: liveness, readiness, metrics and a body-size limit. */
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from '../observability/create-logger.js';
import type { Metrics } from '../observability/metrics.js';
import { requestLog } from './request-log.js';

export interface ReadinessCheck {
  name: string;
  /** Default true. A non-critical check is reported but does not make the instance unready. */
  critical?: boolean;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export interface HttpAppOptions {
  status: () => Record<string, unknown>;
  readiness: ReadinessCheck[];
  metrics?: Metrics;
  /** Requests announcing a larger body get 413 before any route reads them. */
  maxBodyBytes?: number;
  readinessTimeoutMs?: number;
  /** Counts requests for graceful shutdown. */
  inFlight?: RequestHandler;
  /** Logs each request with its id (no bodies). */
  logger?: Logger;
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  if (options.logger) app.use(requestLog(options.logger));
  if (options.inFlight) app.use(options.inFlight);

  if (options.maxBodyBytes) {
    const max = options.maxBodyBytes;
    app.use((req, res, next) => {
      const length = Number(req.headers['content-length'] ?? 0);
      if (Number.isFinite(length) && length > max) {
        res.status(413).json({ error: `Request body too large: the limit is ${max} bytes.` });
        req.resume();
        return;
      }
      next();
    });
  }

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...options.status() });
  });

  const failing = new Set<string>();
  app.get('/readyz', async (_req, res) => {
    const timeoutMs = options.readinessTimeoutMs ?? 3_000;
    const results = await Promise.all(
      options.readiness.map(async (r) => {
        try {
          const timeout = new Promise<{ ok: false; detail: string }>((resolve) =>
            setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs).unref(),
          );
          return { name: r.name, critical: r.critical !== false, ...(await Promise.race([r.check(), timeout])) };
        } catch {
          return { name: r.name, critical: r.critical !== false, ok: false, detail: 'check failed' };
        }
      }),
    );
    // Said once when a check starts failing and once when it recovers, not on every probe.
    for (const r of results) {
      if (!r.ok && !failing.has(r.name)) {
        failing.add(r.name);
        options.logger?.error(
          { check: r.name, detail: 'detail' in r ? r.detail : undefined },
          'readiness check failing',
        );
      } else if (r.ok && failing.delete(r.name)) {
        options.logger?.info({ check: r.name }, 'readiness check passing again');
      }
    }
    const ok = results.every((r) => r.ok || !r.critical);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks: results });
  });

  if (options.metrics) {
    const { registry } = options.metrics;
    app.get('/metrics', async (_req, res) => {
      res.type(registry.contentType).send(await registry.metrics());
    });
  }

  return app;
}
