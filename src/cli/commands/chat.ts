/**
 * `archie chat`: the interview in the terminal. Markdown rendered for the terminal (wrapped to its width,
 * colour only on a TTY without NO_COLOR), a compact verdict first with `why` / `more` for the rest, option
 * numbers that keep their meaning while a verdict stands, and `export` writing the ADR file it names. Works
 * with piped stdin (one message per line until EOF) and resumes the same conversation across runs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { styleText } from 'node:util';
import { historyEntry } from '../../checkins/history-store.js';
import { loadConfig } from '../../config/load-config.js';
import { EXAMPLES, exampleValue } from '../../core/interview/interview-messages.js';
import { ACTIONS, type OutMessage, type UserInput } from '../../core/message.js';
import type { CliIo } from '../cli-io.js';
import { buildConsultant, EXIT, EXIT_CODES_HELP, parseOptions, withErrors } from '../cli-support.js';
import { openHistory } from '../open-history.js';
import { createTerminalMarkdown } from '../terminal/create-terminal-markdown.js';
import {
  compactRecommendation,
  fullRecommendation,
  type Menu,
  messageMarkdown,
  nextMenu,
  renderMenu,
} from '../terminal/terminal-messages.js';
import { terminalStyle } from '../terminal/terminal-style.js';

const HELP = `Usage: archie chat [--new]

Interviews you in the terminal: describe your system, answer at most a few questions (type the number
of an option, or your own words), and get a recommendation with sources.

While you chat:
  1, 2, …          pick an option (after a verdict: 1 Export ADR, 2 Why?, 3 Re-assess, 4 Helpful, 5 Not helpful)
  why              why this question, or why this verdict
  more             the whole recommendation: risks, next steps, assumptions and sources
  export           write the decision as an ADR file in this directory (export --force overwrites it)
  skip, not sure   leave a question open
  restart          start over (asks first)
  help             this list
  quit             leave (Ctrl-D too); the conversation is kept for next time
Ask a question at any point ("what did Segment learn?") and Archie comes back to where you were.

The conversation is saved in STORE_URL (default sqlite://./data/archie.sqlite) as terminal:<your user>,
so running \`archie chat\` again picks up where you left off, and its verdicts show in \`archie history\`.

Options:
  --new        Start a new conversation (forget the saved one)
  -h, --help   Show this help

Works with piped input too:  printf 'We are 3 engineers on the OpenAI API\\n1\\n' | archie chat

${EXIT_CODES_HELP}
`;

/** What the user can type while chatting (the `help` command). */
const CHAT_HELP = `Type a number to pick an option, or your own words. Also:
- **why**: why this question, or why this verdict
- **more**: the whole recommendation (risks, next steps, assumptions, sources)
- **export**: write the ADR file here (**export --force** overwrites it)
- **skip** or **not sure**: leave a question open
- **restart**: start over · **quit**: leave (Ctrl-D too)`;

const EXAMPLE_TEXT = new Map(EXAMPLES.map((e, i) => [exampleValue(i), e.text]));

function currentUser(io: CliIo): string {
  return io.env.USER ?? io.env.USERNAME ?? io.env.LOGNAME ?? io.user;
}

/** A typed line: a local command, an option number, or text for Archie. */
type Line = { kind: 'quit' | 'more' | 'help' } | { kind: 'turn'; input: UserInput; force?: boolean; echo?: string };

function readLine(line: string, menu: Menu): Line {
  const t = line.trim().toLowerCase();
  if (/^(quit|exit|bye|:q)$/.test(t)) return { kind: 'quit' };
  if (/^(more|details|all|full)$/.test(t)) return { kind: 'more' };
  if (/^(help|\?|commands|menu)$/.test(t)) return { kind: 'help' };
  if (/^export\s+(--force|-f|force)$/.test(t))
    return { kind: 'turn', input: { type: 'choice', value: ACTIONS.export }, force: true };
  const n = /^(\d{1,2})$/.exec(t);
  const reply = n ? menu[Number(n[1]) - 1] : undefined;
  if (reply) {
    return {
      kind: 'turn',
      input: { type: 'choice', value: reply.value, label: reply.label },
      echo: EXAMPLE_TEXT.get(reply.value),
    };
  }
  return { kind: 'turn', input: { type: 'text', text: line } };
}

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'chat', async () => {
    const { values } = parseOptions(args, { new: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, 'chat');
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const config = loadConfig({ env: io.env });
    const user = currentUser(io);
    const id = `terminal:${user}`;
    const ctx = { channel: 'terminal' as const, userId: user };
    // Verdicts reached here are kept with the others, so `archie history` shows terminal conversations.
    let opened: Awaited<ReturnType<typeof openHistory>> | undefined;
    const cli = await buildConsultant(io, {
      persistent: true,
      onAssessment: async (event) => {
        await opened?.history.record(
          event.conversationId,
          historyEntry(event.assessment, event.profile, event.at, 'conversation', event.channel),
        );
      },
    });
    const style = terminalStyle(io);
    const render = createTerminalMarkdown(style);
    let menu: Menu = [];
    let last: Extract<OutMessage, { type: 'recommendation' }> | undefined;

    const print = (text: string) => io.stdout(`\n${text}\n`);
    const menuText = () =>
      renderMenu(menu, style.width, style.color ? (n) => styleText(['bold', 'cyan'], n) : undefined);
    const printMenu = () => {
      if (menu.length) print(menuText());
    };
    const saveAdr = (adr: Extract<OutMessage, { type: 'adr' }>, force: boolean) => {
      const path = resolve(io.cwd, adr.filename);
      const shown = relative(io.cwd, path);
      if (existsSync(path) && !force) {
        print(render(`**${shown}** already exists here, so I left it alone. Type **export --force** to overwrite it.`));
        return;
      }
      writeFileSync(path, adr.markdown, { flag: force ? 'w' : 'wx' });
      print(
        render(
          `Wrote the ADR “${adr.title}” to **${path}**. Keep it with your other decisions (for example docs/adr/).`,
        ),
      );
    };
    const show = (messages: OutMessage[], force = false) => {
      menu = nextMenu(menu, messages);
      let menuShown = false;
      for (const m of messages) {
        if (m.type === 'recommendation') {
          last = m;
          print(compactRecommendation(m.assessment, menuText(), render));
          menuShown = true;
        } else if (m.type === 'adr') saveAdr(m, force);
        // Messages that list their sources show each URL once, there, rather than inline too.
        else print(render(messageMarkdown(m), { linkUrls: !(m.type === 'text' && m.citations?.length) }));
      }
      if (!menuShown) printMenu();
    };

    const rl = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    // Take the iterator now: lines that arrive (piped input) before the first `for await` would be lost.
    const lines = rl[Symbol.asyncIterator]();
    try {
      opened = await openHistory(config, cli.store);
      const existing = await cli.consultant.snapshot(id);
      show(
        values.new && existing
          ? await cli.consultant.handle(id, { type: 'choice', value: ACTIONS.restart }, ctx)
          : await cli.consultant.greet(id, ctx),
      );
      if (io.isTTY) io.stdout('\n> ');
      for await (const raw of { [Symbol.asyncIterator]: () => lines }) {
        const text = raw.replace(/\r$/, '');
        const line = readLine(text, menu);
        if (line.kind === 'quit') break;
        if (!io.isTTY) io.stdout(`\n> ${text}\n`);
        if (line.kind === 'more') {
          print(
            render(
              last
                ? fullRecommendation(last)
                : 'No recommendation yet. Describe your system and answer my questions (or say skip), and I will give one.',
              {
                linkUrls: false,
              },
            ),
          );
          printMenu();
        } else if (line.kind === 'help') {
          print(render(CHAT_HELP));
          printMenu();
        } else if (line.kind === 'turn' && (text.trim() || line.input.type === 'choice')) {
          if (line.echo) print(render(`_${line.echo}_`));
          show(await cli.consultant.handle(id, line.input, ctx), line.force);
        }
        if (io.isTTY) io.stdout('\n> ');
      }
      io.stdout(
        cli.storeKind === 'memory'
          ? '\nBye. STORE_URL is memory://, so this conversation is not kept.\n'
          : '\nSaved. Run `archie chat` to continue, or `archie chat --new` to start over.\n',
      );
      return EXIT.ok;
    } finally {
      rl.close();
      await opened?.close();
      await cli.close();
    }
  });
}
