/**
 * `archie chat`: the interview in the terminal. Numbered quick replies (type "1" for the first), works with
 * piped stdin (one message per line until EOF), and resumes the same conversation across runs from STORE_URL.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { ACTIONS, type OutMessage, type QuickReply, type UserInput } from '../../core/message.js';
import { renderMarkdown } from '../../core/render/render-markdown.js';
import type { CliIo } from '../cli-io.js';
import { buildConsultant, EXIT, EXIT_CODES_HELP, parseOptions, withErrors } from '../cli-support.js';

const HELP = `Usage: archie chat [--new]

Interviews you in the terminal: describe your system, answer at most a few questions (type the number
of an option, or your own words), and get a recommendation with sources. Type "why?", "skip",
"not sure", "export", "restart", "help", or ask a question at any point; "quit" (or Ctrl-D) leaves.

The conversation is saved in STORE_URL (default sqlite://./data/archie.sqlite) as terminal:<your user>,
so running \`archie chat\` again picks up where you left off.

Options:
  --new        Start a new conversation (forget the saved one)
  -h, --help   Show this help

Works with piped input too:  printf 'We are 3 engineers on the OpenAI API\\n1\\n' | archie chat

${EXIT_CODES_HELP}
`;

function currentUser(io: CliIo): string {
  const fromEnv = io.env.USER ?? io.env.USERNAME ?? io.env.LOGNAME;
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

/** The quick replies the user can pick by number after these messages. */
function repliesOf(messages: OutMessage[]): QuickReply[] {
  for (const m of [...messages].reverse()) {
    if (m.type === 'question') return m.quickReplies;
    if (m.type === 'recommendation') return m.actions;
    if (m.type === 'text' && m.quickReplies?.length) return m.quickReplies;
  }
  return [];
}

/** A typed line as input: a number picks a quick reply, anything else is text. */
function toInput(line: string, replies: QuickReply[]): UserInput {
  const n = /^\s*(\d{1,2})\s*$/.exec(line);
  const reply = n ? replies[Number(n[1]) - 1] : undefined;
  return reply ? { type: 'choice', value: reply.value, label: reply.label } : { type: 'text', text: line };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'chat', async () => {
    const { values } = parseOptions(args, { new: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'chat');
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const cli = await buildConsultant(io, { persistent: true });
    const id = `terminal:${currentUser(io)}`;
    const ctx = { channel: 'terminal' as const, userId: currentUser(io) };
    let replies: QuickReply[] = [];
    const show = (messages: OutMessage[]) => {
      for (const m of messages) io.stdout(`\n${renderMarkdown(m)}\n`);
      const next = repliesOf(messages);
      if (next.length) replies = next;
    };
    const rl = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    // Take the iterator now: lines that arrive (piped input) before the first `for await` would be lost.
    const lines = rl[Symbol.asyncIterator]();
    try {
      show(
        values.new
          ? await cli.consultant.handle(id, { type: 'choice', value: ACTIONS.restart }, ctx)
          : await cli.consultant.greet(id, ctx),
      );
      if (io.isTTY) io.stdout('\n> ');
      for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
        const line = raw.replace(/\r$/, '');
        if (/^\s*(quit|exit|bye|:q)\s*$/i.test(line)) break;
        if (!io.isTTY) io.stdout(`\n> ${line}\n`);
        if (line.trim()) show(await cli.consultant.handle(id, toInput(line, replies), ctx));
        if (io.isTTY) io.stdout('\n> ');
      }
      io.stdout('\nSaved. Run `archie chat` to continue, or `archie chat --new` to start over.\n');
      return EXIT.ok;
    } finally {
      rl.close();
      await cli.close();
    }
  });
}
