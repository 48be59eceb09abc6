/** `archie config check`: validates the configuration and prints it with secrets masked. */
import { accessSync, constants, statSync } from 'node:fs';
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
  // What `archie serve` would fail on later is reported now, with the fix.
  const unreadable = [
    ['PRIVACY_PAGE', config.site.privacyPage],
    ['TERMS_PAGE', config.site.termsPage],
  ].filter(([, path]) => !isReadableFile(path!));
  if (unreadable.length) {
    throw new ArchieError(
      'config_invalid',
      `Configuration problem:\n${unreadable.map(([name, path]) => `- ${name}: "${path}" is not a readable file: point it at a Markdown file, or unset it to use the template in pages/`).join('\n')}`,
    );
  }
  const rows = describeConfig(config);
  const width = Math.max(...rows.map(([k]) => k.length));
  io.stdout(`Configuration is valid.\n\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  return 0;
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
