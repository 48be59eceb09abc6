/**
 * The web chat: a small static page at `/` and its JSON API under `/api/web`, on the same Express app and
 * port as Slack and Teams. Off when WEB_CHAT is false (the default on a non-loopback HOST).
 */
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { MountChannel } from '../../app/channel.js';
import { createSerializeByKey } from '../../core/serialize-by-key.js';
import { DAY_MS } from '../../retention/retention.js';
import { browserGuard, requireJson } from '../../server/browser-guard.js';
import { createWebApi } from './create-web-api.js';
import { SECURITY_HEADERS, securityHeaders } from './security-headers.js';
import { createWebHistory } from './web-history.js';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

export const mountWeb: MountChannel = async (app, deps) => {
  const { config, logger, consultant, store, commands, proactive, clock } = deps;
  if (!config.webChat) return undefined;
  const history = createWebHistory(store, {
    now: () => clock.now(),
    maxMessages: config.limits.maxConversationTurns * 10,
    idleTtlMs: config.retention.webIdleDays * DAY_MS,
  });
  // One queue per conversation shared by user turns and proactive posts, so neither overwrites the other.
  const serialize = createSerializeByKey();

  app.use(
    '/api/web',
    securityHeaders(),
    browserGuard({ publicUrl: config.publicUrl }),
    requireJson(),
    createWebApi({
      consultant,
      history,
      serialize,
      commands,
      logger,
      maxBodyBytes: config.limits.maxBodyBytes,
      maxMessageChars: config.limits.maxMessageChars,
      tooLong: deps.tooLong,
      conversationsPerHour: config.limits.webConversationsPerHour,
      admit: deps.admission?.gate(),
      clock,
    }),
  );
  // Only files that exist are answered; anything else falls through to the other channels' routes.
  app.use(
    express.static(PUBLIC_DIR, {
      index: 'index.html',
      redirect: false,
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );

  // Check-ins and other proactive posts land in the transcript; the page shows them on its next load.
  proactive.register('web', {
    send: async (target, messages) => {
      const lines = messages.map((message) => ({ from: 'archie' as const, message }));
      const added = await serialize(target.key, () => history.append(target.key, lines));
      return added ? { ok: true } : { ok: false, gone: true, reason: 'web conversation no longer exists' };
    },
  });

  return {
    name: 'web',
    status: () => ({ enabled: true, path: '/' }),
    close: async () => {},
  };
};
