/** Bolt and the Web API client log through Archie's pino logger (with its redaction), not the console. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../observability/create-logger.js';

/**
 * SDK debug lines that embed request or event payloads (message text). pino cannot redact inside a
 * string, so unless LOG_BODIES is on they are dropped.
 */
const BODY_LINES =
  /request body|Received a message on the WebSocket|Sending a WebSocket message|ack\(\) (call begins|response)|Unable to parse an incoming WebSocket message|^\{/;

export function boltLogger(logger: Logger, options: { bodies?: boolean } = {}): BoltLogger {
  const child = logger.child({ component: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => {
      if (!child.isLevelEnabled('debug')) return;
      const line = text(args);
      if (options.bodies || !BODY_LINES.test(line)) child.debug(line);
    },
    // The SDKs' info lines are chatty connection notes: keep them at debug.
    info: (...args) => {
      if (child.isLevelEnabled('debug')) child.debug(text(args));
    },
    warn: (...args) => child.warn(text(args)),
    error: (...args) => child.error(text(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
