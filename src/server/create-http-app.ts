/** The one Express app every HTTP channel mounts on, with liveness and readiness routes. */
import express, { type Express } from 'express';

export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export interface HttpAppOptions {
  status: () => Record<string, unknown>;
  readiness: ReadinessCheck[];
}

export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', ...options.status() });
  });

  app.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      options.readiness.map(async (r) => {
        try {
          return { name: r.name, ...(await r.check()) };
        } catch {
          return { name: r.name, ok: false, detail: 'check failed' };
        }
      }),
    );
    const ok = results.every((r) => r.ok);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks: results });
  });

  return app;
}
