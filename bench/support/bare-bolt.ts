/**
 * The baseline the turn-latency bench prints beside Archie's: a bare Bolt app on the same receiver
 * construction as Archie's, whose handler posts the message text straight back.
 */
import express from 'express';
import { createBoltApp } from '../../src/channels/slack/create-bolt-app.js';
import type { Config } from '../../src/config/config-schema.js';
import type { Logger } from '../../src/observability/create-logger.js';
import { listenOnLoopback } from './bench-app.js';

export async function startBareBoltEcho(config: Config, logger: Logger) {
  const http = express();
  const bare = createBoltApp({ slack: config.slack!, logger, http });
  bare.app.message(async ({ message, client }) => {
    const m = message as { channel: string; text?: string };
    await client.chat.postMessage({ channel: m.channel, text: m.text ?? '' });
  });
  const served = await listenOnLoopback(http);
  return {
    url: served.url,
    close: () => {
      served.server.closeAllConnections();
      served.server.close();
    },
  };
}
