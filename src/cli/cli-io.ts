/** The CLI's input and output, injected so commands are testable without a child process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** All of stdin as bytes (for `assess`); undefined when stdin is a TTY. */
  readStdin(): Promise<Buffer | undefined>;
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
  env: Record<string, string | undefined>;
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
    env: process.env,
  };
}
