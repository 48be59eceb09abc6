/** `archie config check`: validates the configuration and prints it with secrets masked. */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { describeConfig } from '../../config/describe-config.js';
import { loadConfig } from '../../config/load-config.js';
import { ArchieError } from '../../core/errors.js';
import { formatProblem } from '../../core/knowledge/document-problems.js';
import { checkKnowledgeBase } from '../../core/knowledge/load-knowledge-base.js';
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
  const problems = [
    ['PRIVACY_PAGE', config.site.privacyPage],
    ['TERMS_PAGE', config.site.termsPage],
  ]
    .filter(([, path]) => !isReadableFile(path!))
    .map(
      ([name, path]) =>
        `${name}: "${path}" is not a readable file: point it at a Markdown file, or unset it to use the template in pages/`,
    );
  problems.push(...(await knowledgeProblems(config.knowledge.organisationDirs, io.cwd)));
  if (problems.length) {
    throw new ArchieError('config_invalid', `Configuration problem:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  const rows = describeConfig(config);
  const width = Math.max(...rows.map(([k]) => k.length));
  io.stdout(`Configuration is valid.\n\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  return 0;
}

/** Each KNOWLEDGE_DIRS folder must hold documents, and the documents must load (as `archie serve` needs). */
async function knowledgeProblems(dirs: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    const docs = markdownFiles(dir);
    if (docs === undefined)
      out.push(`KNOWLEDGE_DIRS: "${dir}" is not a readable folder: point it at a folder of Markdown documents`);
    else if (docs === 0)
      out.push(`KNOWLEDGE_DIRS: "${dir}" has no documents (*.md): add some, or remove it from the list`);
  }
  if (out.length || dirs.length === 0) return out;
  const check = await checkKnowledgeBase(undefined, dirs);
  return check.problems.map((p) => `KNOWLEDGE_DIRS document ${formatProblem(p, cwd)}`);
}

function markdownFiles(dir: string): number | undefined {
  try {
    return readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.md') && n.toLowerCase() !== 'readme.md').length;
  } catch {
    return undefined;
  }
}

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
