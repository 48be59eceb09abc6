/** The CLI's input and output, injected so commands are testable without a child process. */
import { userInfo } from 'node:os';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of stdin as bytes (for `assess`); undefined when stdin is a TTY. */
  readStdin(): Promise<Buffer | undefined>;
  stdin: NodeJS.ReadableStream;
  /** stdin is a terminal (a person typing). */
  isTTY: boolean;
  /** stdout is a terminal: colour and a width are worth using. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal (where logs go): readable logs instead of JSON. */
  stderrIsTTY: boolean;
  /** The terminal's width in columns, when stdout is one. */
  columns?: number;
  /** Where files the user asks for (an exported ADR) are written. */
  cwd: string;
  /** The account name, when USER/USERNAME/LOGNAME are not set. */
  user: string;
  env: Record<string, string | undefined>;
}

function accountName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      if (process.stdin.isTTY) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdin: process.stdin,
    isTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    cwd: process.cwd(),
    user: accountName(),
    env: process.env,
  };
}
