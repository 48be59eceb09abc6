/**
 * pino with secrets and message bodies redacted by default. JSON lines for machines (containers,
 * production); readable lines through pino-pretty, in-process and synchronous, when a person watches.
 */
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

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
      redact: { paths: options.bodies ? SECRET_PATHS : [...SECRET_PATHS, ...BODY_PATHS], censor: '[redacted]' },
    },
    destination,
  );
}
