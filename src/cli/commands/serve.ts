/** `archie serve`: every HTTP channel on one port. */
import { createArchie } from '../../app/create-archie.js';
import { loadConfig } from '../../config/load-config.js';
import { createLogger } from '../../observability/create-logger.js';
import type { CliIo } from '../cli-io.js';

export async function run(_args: string[], io: CliIo): Promise<number> {
  const config = loadConfig({ env: io.env });
  const logger = createLogger({ level: config.log.level, bodies: config.log.bodies });
  const archie = await createArchie(config, { logger });
  const port = await archie.listen();
  logger.info(
    { port, model: config.llm ? config.llm.provider : 'offline', store: archie.store.kind },
    config.llm ? 'Archie is running with a model' : 'Archie is running on the offline engine (no LLM key configured)',
  );
  if (config.webChat) logger.info(`Open the web chat: http://localhost:${port}/`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await archie.close();
  return 0;
}
