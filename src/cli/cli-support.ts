/** Shared pieces of the `archie` subcommands: argument parsing with usage errors, and building the consultant. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import Keyv from 'keyv';
import { buildConsultant as buildFromConfig } from '../app/build-consultant.js';
import { loadConfig } from '../config/load-config.js';
import { systemClock } from '../core/clock.js';
import type { AssessmentListener, Consultant } from '../core/consultant.js';
import { ArchieError } from '../core/errors.js';
import { loadKnowledgeBase, withPageBase } from '../core/knowledge/load-knowledge-base.js';
import type { CliIo } from './cli-io.js';

/** Exit codes shared by every command (documented in each `--help`). */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

export const EXIT_CODES_HELP =
  'Exit codes: 0 success, 1 runtime error (store, knowledge base), 2 usage error or unusable input.';

/** Parses options strictly; unknown options and missing values become a usage error. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  command: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's own text for an unknown option suggests a quoting trick with unbalanced quotes: say it plainly.
    const unknown = /^Unknown option '([^']+)'/.exec(error instanceof Error ? error.message : '');
    const detail = unknown
      ? `unknown option ${unknown[1]}`
      : (error instanceof Error ? error.message.split('\n')[0] : String(error))?.replace(/\.$/, '');
    throw usage(`${detail}. Run \`archie ${command} --help\` to see the options.`);
  }
}

/** A usage error: one line on stderr, exit code 2. */
export function usage(message: string): ArchieError {
  return new ArchieError('usage', message);
}

export interface CliConsultant {
  consultant: Consultant;
  maxMessageChars: number;
  /** The store the consultant keeps conversations in (history is kept beside them). */
  store: Keyv;
  /** memory when nothing outlives the command. */
  storeKind: 'memory' | 'sqlite' | 'redis';
  close(): Promise<void>;
}

/**
 * The consultant for a command. `persistent` uses STORE_URL (chat resumes across runs); otherwise an
 * in-memory store, so one-shot commands never touch the data directory.
 */
export async function buildConsultant(
  io: CliIo,
  options: { persistent: boolean; onAssessment?: AssessmentListener },
): Promise<CliConsultant> {
  const config = loadConfig({ env: io.env });
  // One-shot commands keep nothing, so they skip loading the SQLite and Redis drivers (faster start-up).
  const store = options.persistent
    ? await openStore(config.store.url)
    : { keyv: new Keyv(), kind: 'memory' as const, close: async () => {} };
  try {
    const { consultant } = await buildFromConfig(config, {
      knowledge: withPageBase(await loadKnowledgeBase(undefined, config.knowledge.organisationDirs), config.publicUrl),
      store: store.keyv,
      clock: systemClock,
      onAssessment: options.onAssessment,
    });
    return {
      consultant,
      maxMessageChars: config.limits.maxMessageChars,
      store: store.keyv,
      storeKind: store.kind,
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error instanceof ArchieError
      ? error
      : new ArchieError('knowledge_unavailable', 'Could not load the knowledge base (knowledge/*.md).', {
          cause: error,
        });
  }
}

/** Opens STORE_URL, turning file-system and driver failures into one actionable line. */
async function openStore(url: string) {
  const { createStore, maskUrl } = await import('../store/create-store.js');
  let store: ReturnType<typeof createStore> | undefined;
  try {
    store = createStore(url);
    // The same proof as `serve`: a store that keeps nothing or never answers is one line, not a hang.
    await store.probe();
    return store;
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof ArchieError) throw error;
    throw new ArchieError(
      'store_unavailable',
      `Could not open the conversation store ${maskUrl(url)}: check STORE_URL.`,
      {
        cause: error,
      },
    );
  }
}

/** Decodes stdin bytes as UTF-8 text (invalid bytes become U+FFFD, which input screening catches). */
export function decodeText(bytes: Buffer): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Error codes that mean the input cannot be used (exit 2). */
const USAGE_CODES = new Set(['usage', 'bad_input', 'insufficient_input']);

/** Runs a command body, turning ArchieErrors into one line on stderr and an exit code. */
export async function withErrors(io: CliIo, command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const known = error instanceof ArchieError;
    io.stderr(`archie ${command}: ${known ? error.userMessage : 'unexpected error (set DEBUG=1 for details)'}\n`);
    if (io.env.DEBUG) io.stderr(`${(error as Error)?.stack ?? String(error)}\n`);
    return known && USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.error;
  }
}
