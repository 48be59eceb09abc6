/** `archie ask "<question>"`: an answer from the knowledge base with its sources, or an honest "I don't know". */

import { citationJson, linkableCitations } from '../../core/knowledge/cite.js';
import type { CliIo } from '../cli-io.js';
import { buildConsultant, EXIT, EXIT_CODES_HELP, parseOptions, usage, withErrors } from '../cli-support.js';

const HELP = `Usage: archie ask [--json] "<question>"

Answers a question about genAI system architecture from Archie's curated knowledge base and your
organisation's documents (KNOWLEDGE_DIRS), citing each source (title and URL). When the knowledge base does not cover it, says so and lists nearby topics.

Options:
  --json       One JSON object: {answer, found, citations: [{title, url}], nearby: [{title, url}]};
               a citation of your organisation's own document (KNOWLEDGE_DIRS) adds organisation: true
  -h, --help   Show this help

Examples:
  archie ask "What did Prime Video save by moving to a monolith?"
  archie ask --json "When should inference run as its own service?" | jq .citations

${EXIT_CODES_HELP} "Not found" still exits 0: check \`found\` in --json output.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'ask', async () => {
    const { values, positionals } = parseOptions(
      args,
      { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      'ask',
    );
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const question = positionals.join(' ').trim();
    if (!question) throw usage('missing question, e.g. archie ask "When should inference be its own service?"');
    const cli = await buildConsultant(io, { persistent: false });
    try {
      const answer = await cli.consultant.ask(question, { channel: 'cli' });
      const link = citationJson;
      if (values.json) {
        io.stdout(
          `${JSON.stringify(
            {
              answer: answer.answer,
              found: answer.found,
              citations: answer.citations.map(link),
              nearby: (answer.nearby ?? []).map(link),
            },
            null,
            2,
          )}\n`,
        );
        return EXIT.ok;
      }
      const lines = [answer.answer];
      if (answer.citations.length)
        lines.push(
          '',
          'Sources:',
          ...linkableCitations(answer.citations).map((c, i) => `${i + 1}. ${c.title}: ${c.url}`),
        );
      if (!answer.found && answer.nearby?.length) {
        lines.push(
          '',
          'Nearby topics I do cover:',
          ...linkableCitations(answer.nearby).map((c) => `- ${c.title}: ${c.url}`),
        );
      }
      io.stdout(`${lines.join('\n')}\n`);
      return EXIT.ok;
    } finally {
      await cli.close();
    }
  });
}
