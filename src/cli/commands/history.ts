/** `archie history`: the teams with assessment history, or one team's verdicts over time with the trend. */
import type { HistoryEntry, HistoryStore } from '../../checkins/history-store.js';
import { renderHistoryLines, renderTrend } from '../../checkins/render-history.js';
import { loadConfig } from '../../config/load-config.js';
import { createStore } from '../../store/create-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, EXIT_CODES_HELP, parseOptions, usage, withErrors } from '../cli-support.js';
import { openHistory } from '../open-history.js';

const HELP = `Usage: archie history [--team <conversationId>] [--json]

Without --team: lists the teams (conversations: a Slack channel, a Teams chat, a web chat or your
\`archie chat\`) with assessment history, newest verdict first. With --team: every assessment of that
team (date, verdict, confidence, key facts) and the trend, e.g.
"2026-09-01 monolith → 2026-11-28 hybrid (confidence 72%)".
Reads the store in STORE_URL (and REDIS_URL when set), the same one \`archie serve\` and \`archie chat\` write.

Options:
  --team <id>  One team's history; the part after the channel prefix is enough when only one team has it
               (vOxGig… for web:vOxGig…)
  --json       JSON: {teams: [{team, assessments, latest}]} or {team, trend, assessments: [...]}
  -h, --help   Show this help

${EXIT_CODES_HELP} An unknown team exits 1.
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'history', async () => {
    const { values } = parseOptions(
      args,
      { team: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      'history',
    );
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    const config = loadConfig({ env: io.env });
    const store = createStore(config.store.url);
    let opened: Awaited<ReturnType<typeof openHistory>> | undefined;
    try {
      opened = await openHistory(config, store.keyv);
      const { history } = opened;
      if (values.team) {
        const team = await resolveTeam(history, values.team);
        return printTeam(io, team, await history.list(team), Boolean(values.json));
      }
      const teams = await Promise.all(
        (await history.teams()).map(async (team) => ({ team, entries: await history.list(team) })),
      );
      const known = teams
        .filter((t) => t.entries.length)
        .sort((a, b) => b.entries.at(-1)!.at.localeCompare(a.entries.at(-1)!.at));
      if (values.json) {
        const out = known.map((t) => ({
          team: t.team,
          assessments: t.entries.length,
          latest: summary(t.entries.at(-1)!),
        }));
        io.stdout(`${JSON.stringify({ teams: out }, null, 2)}\n`);
        return EXIT.ok;
      }
      if (!known.length) {
        io.stdout('No assessment history yet. Every verdict Archie reaches in Slack, Teams or the web is kept here.\n');
        return EXIT.ok;
      }
      io.stdout(
        `${['Teams with assessment history (newest first):', ...known.map((t) => `  ${t.team}  ${renderTrend(t.entries)}  [${t.entries.length}]`), '', 'Run `archie history --team <id>` for one team.'].join('\n')}\n`,
      );
      return EXIT.ok;
    } finally {
      await opened?.close();
      await store.close();
    }
  });
}

/** The team id as given, or the one team whose id ends with `:<given>` (ids without their channel prefix). */
async function resolveTeam(history: HistoryStore, given: string): Promise<string> {
  if ((await history.list(given)).length) return given;
  const matches = (await history.teams()).filter((team) => team.endsWith(`:${given}`));
  if (matches.length > 1) {
    throw usage(`"${given}" matches ${matches.length} teams (${matches.join(', ')}): pass the whole id with --team.`);
  }
  return matches[0] ?? given;
}

const summary = (e: HistoryEntry) => ({
  at: e.at,
  verdict: e.verdict,
  confidence: e.confidence,
  source: e.source,
  facts: e.profile,
});

function printTeam(io: CliIo, team: string, entries: HistoryEntry[], json: boolean): number {
  if (!entries.length) {
    io.stderr(`archie history: no assessments for team "${team}". Run \`archie history\` to list teams.\n`);
    return EXIT.error;
  }
  if (json) {
    io.stdout(`${JSON.stringify({ team, trend: renderTrend(entries), assessments: entries.map(summary) }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${[`Team ${team}`, `Trend: ${renderTrend(entries)}`, '', ...renderHistoryLines(entries, entries.length)].join('\n')}\n`,
  );
  return EXIT.ok;
}
