/** Bolt and the Web API client log through Archie's pino logger (with its redaction), not the console. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../observability/create-logger.js';

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  // Slack SDK messages are strings (sometimes with payloads): keep them at debug unless they are problems.
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => child.debug(text(args)),
    info: (...args) => child.debug(text(args)),
    warn: (...args) => child.warn(text(args)),
    error: (...args) => child.error(text(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
