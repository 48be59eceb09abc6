/**
 * `archie data delete`: erases a conversation's, a team's or a person's data from every store Archie uses
 * (STORE_URL, and REDIS_URL's indexes when set), for erasure requests, and prints what it removed.
 */
import { createCheckinStore } from '../../checkins/checkin-store.js';
import { createHistoryStore } from '../../checkins/history-store.js';
import { createIndexes } from '../../checkins/mount-checkins.js';
import { closeRedis, connectRedis, type RedisClient } from '../../checkins/redis-connection.js';
import { loadConfig } from '../../config/load-config.js';
import { AmbiguousSubject, type ErasureReport, type ErasureSubject, erase } from '../../retention/erase.js';
import { createStore } from '../../store/create-store.js';
import type { CliIo } from '../cli-io.js';
import { EXIT, EXIT_CODES_HELP, parseOptions, usage, withErrors } from '../cli-support.js';

const HELP = `Usage: archie data delete (--conversation <id> | --team <id> | --user <id>) [--json]

Erases data Archie stores, for erasure requests, and prints what it removed. Works while Archie runs.

  --conversation <id>  One conversation: its state, web chat transcript, assessment history, check-ins
                       and every marker, counter and pointer that names it. The id as \`archie history\`
                       shows it (slack:T0123:C0456), or its last part when only one conversation ends with it.
  --team <id>          Every conversation of a Slack workspace or Teams tenant (T0123, a tenant id), or
                       under an id prefix (slack:T0123:C0456: a channel and all its threads).
  --user <id>          A person (Slack U0123, Teams user id): their direct conversations with Archie (Slack
                       DMs, Teams personal chats) and every record keyed by them (profile cache, counters,
                       pointers). Check-ins they created stay with their team, without their name.
  --json               The report as JSON
  -h, --help           Show this help

Reads STORE_URL (and REDIS_URL when set), the stores \`archie serve\` writes. Slack's delivery markers name
no one and expire within an hour; the web chat has no accounts, so a web conversation is deleted by its id.
${EXIT_CODES_HELP}
`;

export async function run(args: string[], io: CliIo): Promise<number> {
  return withErrors(io, 'data', async () => {
    const { values, positionals } = parseOptions(
      args,
      {
        conversation: { type: 'string' },
        team: { type: 'string' },
        user: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      'data',
    );
    if (values.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (positionals[0] !== 'delete' || positionals.length > 1) {
      throw usage(
        'say what to do: `archie data delete --conversation <id>` (or --team, --user). Run `archie data --help`.',
      );
    }
    const given = (['conversation', 'team', 'user'] as const).filter((kind) => values[kind] !== undefined);
    if (given.length !== 1) {
      throw usage('name exactly one of --conversation <id>, --team <id> or --user <id>.');
    }
    const kind = given[0]!;
    const id = values[kind]!.trim();
    if (!id) throw usage(`--${kind} needs an id.`);

    const config = loadConfig({ env: io.env });
    const store = createStore(config.store.url);
    let redis: RedisClient | undefined;
    try {
      if (config.redisUrl) redis = await connectRedis(config.redisUrl, () => {});
      const indexes = createIndexes({ store: store.keyv }, redis);
      const stores = {
        store: store.keyv,
        history: createHistoryStore(store.keyv, indexes.teams),
        checkins: createCheckinStore(store.keyv, indexes.checkins),
      };
      let report: ErasureReport;
      try {
        report = await erase(stores, { kind, id });
      } catch (error) {
        if (error instanceof AmbiguousSubject) {
          throw usage(
            `"${id}" matches ${error.matches.length} conversations (${error.matches.join(', ')}): pass the whole id.`,
          );
        }
        throw error;
      }
      if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else io.stdout(`${describe(report, store.location).join('\n')}\n`);
      return EXIT.ok;
    } finally {
      if (redis) await closeRedis(redis);
      await store.close();
    }
  });
}

const NAMES: Record<ErasureSubject['kind'], string> = { conversation: 'conversation', team: 'team', user: 'user' };

function describe(report: ErasureReport, location: string): string[] {
  const { subject, conversations, removed } = report;
  const total = Object.values(removed).reduce((a, b) => a + b, 0);
  const who = `${NAMES[subject.kind]} ${subject.id}`;
  if (total === 0) return [`Nothing is stored for ${who} in ${location}.`];
  return [
    `Deleted from ${location} for ${who}:`,
    `  Conversations: ${conversations.length}${conversations.length ? ` (${conversations.join(', ')})` : ''}`,
    `  Conversation state: ${removed.conversationState}`,
    `  Web chat transcripts: ${removed.webTranscripts}`,
    `  Assessment history entries: ${removed.historyEntries}`,
    `  Check-ins: ${removed.checkins}`,
    `  Other records (markers, counters, caches, pointers): ${removed.otherRecords}`,
  ];
}
