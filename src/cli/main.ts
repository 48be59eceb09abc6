/**
 * The `archie` command. Each subcommand lives in `commands/<name>.ts` and exports
 * `run(args, io): Promise<number>`; errors are one clear line on stderr, stack traces only with DEBUG.
 */
import { ArchieError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import { processIo } from './cli-io.js';

const COMMANDS: Record<string, string> = {
  serve: 'Run Archie: Slack, Teams, web chat and check-ins on one port (what `npm start` runs)',
  assess: 'Read a description of your genAI system on stdin and print a recommendation (--json, --format adr)',
  ask: 'Answer a question from the knowledge base with sources (--json)',
  kb: 'kb check: validate every knowledge document (public and KNOWLEDGE_DIRS), file:line per problem',
  chat: 'Interview in the terminal (also works with piped stdin)',
  history: 'Show the assessment history of a team (--team <id>, --json)',
  config: 'config check: print the effective configuration with secrets masked',
  data: 'data delete --conversation/--team/--user <id>: erase stored data (erasure requests)',
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
  return [
    'Archie: should your genAI system be a monolith or microservices?',
    '',
    'Usage: archie <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Examples:',
    '  echo "3 engineers, hosted OpenAI API, no on-call" | archie assess',
    '  archie ask "What did Prime Video save by moving to a monolith?"',
    '  archie chat',
    '',
    'Run `archie <command> --help` for a command’s options.',
    'Exit codes: 0 success, 1 runtime error, 2 usage error or unusable input.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${help()}\n`);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout('archie 0.1.0\n');
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.stderr(`archie: unknown command "${command}". Run \`archie --help\` to see the commands.\n`);
    return 2;
  }
  const mod = (await import(`./commands/${command}.js`)) as { run(args: string[], io: CliIo): Promise<number> };
  return mod.run(args, io);
}

const isEntry = process.argv[1] && /archie(\.js)?$|main\.[jt]s$/.test(process.argv[1]);
if (isEntry) {
  const io = processIo();
  main(process.argv.slice(2), io)
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        const message = error instanceof ArchieError ? error.userMessage : 'unexpected error (set DEBUG=1 for details)';
        io.stderr(`archie: ${message}\n`);
        if (io.env.DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
        process.exitCode = error instanceof ArchieError && error.code === 'usage' ? 2 : 1;
      },
    )
    // The command is done: a driver still holding a socket (a Redis client retrying) must not keep the
    // process alive. Unref'd, so a process with nothing left to do exits at once as before.
    .finally(() => setTimeout(() => process.exit(), 2_000).unref());
}
