/** pino with secrets and message bodies redacted by default. */
import pino, { type Logger } from 'pino';

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

export function createLogger(
  options: { level: string; bodies?: boolean; destination?: pino.DestinationStream } = { level: 'info' },
): Logger {
  return pino(
    {
      level: options.level,
      base: { app: 'archie' },
      redact: { paths: options.bodies ? SECRET_PATHS : [...SECRET_PATHS, ...BODY_PATHS], censor: '[redacted]' },
    },
    options.destination ?? pino.destination(2),
  );
}
