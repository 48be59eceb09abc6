/**
 * The baseline the Slack benches compare against: a bare Bolt app on the same receiver construction as
 * Archie's, whose handlers post the message text (or a clicked button's value) straight back.
 */
import express from 'express';
import { createBoltApp } from '../../src/channels/slack/create-bolt-app.js';
import type { Config } from '../../src/config/config-schema.js';
import type { Logger } from '../../src/observability/create-logger.js';
import { listenOnLoopback } from './throughput.js';

/** `buttons`: also echo button clicks (only benches that click register it, so the others stay minimal). */
export async function startBareBoltEcho(config: Config, logger: Logger, options: { buttons?: boolean } = {}) {
  const http = express();
  const bare = createBoltApp({ slack: config.slack!, logger, http });
  bare.app.message(async ({ message, client }) => {
    const m = message as { channel: string; text?: string };
    await client.chat.postMessage({ channel: m.channel, text: m.text ?? '' });
  });
  if (options.buttons) {
    bare.app.action(/.*/, async ({ ack, body, action, client }) => {
      await ack();
      const b = body as { channel?: { id: string } };
      await client.chat.postMessage({ channel: b.channel!.id, text: (action as { value?: string }).value ?? '' });
    });
  }
  const served = await listenOnLoopback(http);
  return {
    url: served.url,
    close: () => {
      served.server.closeAllConnections();
      served.server.close();
    },
  };
}
