/**
 * pino with secrets and message bodies redacted by default. JSON lines for machines (containers,
 * production); readable lines through pino-pretty, in-process and synchronous, when a person watches.
 * With message bodies on (LOG_BODIES), the bodies and every message string still go through the same
 * secret redaction as model input, so a password typed in a message never reaches a log line.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { redactSecrets } from '../core/redact-secrets.js';

export type { Logger };

const SECRET_PATHS = [
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.apiKey',
  '*.password',
  '*.appPassword',
  '*.signingSecret',
  '*.secret',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];
const BODY_PATHS = ['text', '*.text', 'body', '*.body', 'message', '*.description'];

export interface LoggerOptions {
  level: string;
  bodies?: boolean;
  destination?: pino.DestinationStream;
  /** Readable lines ("12:00:01 INFO: Slack is on") instead of JSON, with colour or without. */
  pretty?: { color: boolean };
}

export function createLogger(options: LoggerOptions = { level: 'info' }): Logger {
  const destination = options.pretty
    ? pretty({
        destination: options.destination ?? 2,
        sync: true,
        colorize: options.pretty.color,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,app',
        singleLine: true,
      })
    : (options.destination ?? pino.destination(2));
  return pino(
    {
      level: options.level,
      base: { app: 'archie' },
      redact: options.bodies
        ? { paths: [...SECRET_PATHS, ...BODY_PATHS], censor: (value, path) => censorBody(value, path) }
        : { paths: [...SECRET_PATHS, ...BODY_PATHS], censor: '[redacted]' },
      ...(options.bodies
        ? {
            hooks: {
              logMethod(args, method) {
                method.apply(
                  this,
                  args.map((a) => (typeof a === 'string' ? redactSecrets(a) : a)) as Parameters<typeof method>,
                );
              },
            },
          }
        : {}),
    },
    destination,
  );
}

/** With bodies on: secret-named fields are censored whole, message bodies keep their text minus secrets. */
function censorBody(value: unknown, path: string[]): unknown {
  const last = path[path.length - 1] ?? '';
  const isBody = BODY_PATHS.some((p) => p === last || p.endsWith(`.${last}`));
  if (!isBody) return '[redacted]';
  return redactDeep(value);
}

function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  return value;
}
