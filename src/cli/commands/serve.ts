/**
 * `archie serve`: every HTTP channel on one port, with a graceful shutdown on SIGTERM/SIGINT. A person at a
 * terminal gets readable log lines and a start-up banner in plain words; anything else (a container, a
 * pipe, NODE_ENV=production) gets JSON lines.
 */
import { createArchie } from '../../app/create-archie.js';
import { loadConfig } from '../../config/load-config.js';
import { ArchieError } from '../../core/errors.js';
import { createLogger } from '../../observability/create-logger.js';
import type { CliIo } from '../cli-io.js';
import { startupBanner } from '../startup-banner.js';
import { terminalStyle } from '../terminal/terminal-style.js';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(
      'Usage: archie serve\n\nServes Slack (/slack/events), Teams (/api/messages), the web chat (/), /healthz, /readyz and /metrics on PORT (default 3978).\nSettings come from the environment and .env: see .env.example, or run `archie config check`.\n',
    );
    return 0;
  }
  const config = loadConfig({ env: io.env });
  const forPerson = io.stderrIsTTY && io.env.NODE_ENV !== 'production';
  const logger = createLogger({
    level: config.log.level,
    bodies: config.log.bodies,
    ...(forPerson ? { pretty: { color: terminalStyle({ ...io, stdoutIsTTY: io.stderrIsTTY }).color } } : {}),
  });
  const archie = await createArchie(config, { logger });
  let port: number;
  try {
    port = await archie.listen();
  } catch (error) {
    await archie.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new ArchieError(
        'port_in_use',
        `port ${config.port} is already in use: stop the other process or set PORT to a free port.`,
      );
    }
    throw error;
  }
  if (forPerson) {
    const docs = [...archie.knowledge.docs.values()];
    const organisation = docs.filter((d) => d.organisation);
    const knowledge = {
      publicDocuments: docs.length - organisation.length,
      organisationDocuments: organisation.length,
      constraints: organisation.reduce(
        (n, d) => n + Object.keys(d.constraints ?? {}).filter((k) => k !== 'reason').length,
        0,
      ),
    };
    io.stdout(
      `\n${startupBanner({ config, port, channels: archie.channels, store: archie.store, knowledge }).join('\n')}\n\n`,
    );
  } else {
    const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.host) ? 'localhost' : config.host;
    logger.info(
      {
        port,
        host: config.host,
        model: config.llm ? config.llm.provider : 'offline',
        store: archie.store.kind,
        channels: archie.channels.map((c) => c.name),
      },
      config.llm ? 'Archie is running with a model' : 'Archie is running on the offline engine (no LLM key configured)',
    );
    if (config.webChat) logger.info(`Open the web chat: http://${shownHost}:${port}/`);
  }

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal }, 'shutting down: finishing turns in flight');
  // A hard stop just inside the budget, so the process always exits within SHUTDOWN_TIMEOUT_MS.
  const force = setTimeout(() => {
    logger.error('shutdown took too long: exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs - 250);
  force.unref();
  await archie.close();
  logger.info('stopped');
  logger.flush();
  return 0;
}
