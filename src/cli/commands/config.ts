/** `archie config check`: validates the configuration and prints it with secrets masked. */
import { describeConfig } from '../../config/describe-config.js';
import { loadConfig } from '../../config/load-config.js';
import { ArchieError } from '../../core/errors.js';
import type { CliIo } from '../cli-io.js';

export async function run(args: string[], io: CliIo): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout(
      'Usage: archie config check\n\nValidates the environment and .env, then prints the effective configuration with secrets masked.\n',
    );
    return 0;
  }
  if (args[0] !== 'check') {
    throw new ArchieError('usage', 'usage: archie config check');
  }
  const config = loadConfig({ env: io.env });
  const rows = describeConfig(config);
  const width = Math.max(...rows.map(([k]) => k.length));
  io.stdout(`Configuration is valid.\n\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  return 0;
}
