/**
 * `archie kb check`: validates every knowledge document, the public knowledge base and the organisation's
 * folders (KNOWLEDGE_DIRS, or --dir), and prints each problem as `file:line: what to fix` — the same lines
 * `archie serve` refuses to start with. Exit 1 when there is any problem, so CI can gate on it.
 */
import { knowledgeDirs, loadConfig } from '../../config/load-config.js';
import { formatProblem } from '../../core/knowledge/document-problems.js';
import { checkKnowledgeBase } from '../../core/knowledge/load-knowledge-base.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, EXIT_CODES_HELP, parseOptions, usage, withErrors } from '../cli-support.js';

const HELP = `Usage: archie kb check [--dir <folder>]...

Validates every knowledge document: Archie's public knowledge base and your organisation's folders
(KNOWLEDGE_DIRS, comma-separated). Each problem is printed as file:line: what to fix.

Options:
  --dir <folder>   Check this organisation folder instead of KNOWLEDGE_DIRS (repeatable)
  -h, --help       Show this help

Examples:
  archie kb check
  KNOWLEDGE_DIRS=./docs/adr,./standards archie kb check
  archie kb check --dir examples/org-knowledge

${EXIT_CODES_HELP} Any problem in a document exits 1.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'kb', async () => {
    const { values, positionals } = parseOptions(
      args,
      { dir: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
      'kb',
    );
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (positionals[0] !== 'check' || positionals.length > 1) {
      throw usage('use `archie kb check` (run `archie kb --help` for the options).');
    }
    const dirs = values.dir?.length
      ? knowledgeDirs(values.dir.join(','))
      : loadConfig({ env: io.env }).knowledge.organisationDirs;
    const result = await checkKnowledgeBase(undefined, dirs);
    const publicDocs = result.documents - result.organisationDocuments;
    const counted = `${result.documents} documents (${publicDocs} public, ${result.organisationDocuments} from your organisation)`;
    if (result.problems.length === 0) {
      io.stdout(`Checked ${counted}: no problems.\n`);
      return EXIT.ok;
    }
    io.stdout(`${result.problems.map((p) => formatProblem(p, io.cwd)).join('\n')}\n`);
    const n = result.problems.length;
    io.stderr(`archie kb: ${n} problem${n === 1 ? '' : 's'} in ${counted}.\n`);
    return EXIT.error;
  });
}
