/** Runs the real `archie` CLI in a child process (node bin/archie.js) with its own temp data directory. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The four descriptions every channel's tests use, with the verdict Archie must reach. */
export const CANONICAL = [
  {
    name: 'three engineers on a hosted API with no on-call',
    verdict: 'monolith',
    text: 'We are three engineers building a customer-support RAG assistant on the OpenAI API. No on-call rotation, we deploy by hand a couple of times a week.',
  },
  {
    name: 'six teams on a mature Kubernetes platform blocked by a shared release',
    verdict: 'microservices',
    text: 'Six teams (about 50 engineers) build our genAI platform on a mature Kubernetes platform with a platform team, CI/CD, distributed tracing and on-call. Every team is blocked by one shared release train.',
  },
  {
    name: 'one team self-hosting a 70B model on GPUs with nightly ingestion of millions of PDFs',
    verdict: 'hybrid',
    text: 'One team of 8 engineers. We self-host a 70B model on our own GPUs and run nightly ingestion of millions of PDFs into the vector store.',
  },
  {
    name: 'two teams with emerging boundaries and modest ops',
    verdict: 'modular-monolith',
    text: 'Two teams, 14 engineers, building an agent on a hosted model API. Boundaries between retrieval, orchestration and evaluation are starting to emerge. We have CI/CD but modest ops: no platform team, basic monitoring, no tracing.',
  },
] as const;

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix = 'archie-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `archie <args>` with `input` on stdin; STORE_URL defaults into a fresh temp dir. */
export function runCli(
  args: string[],
  options: {
    input?: string | Buffer;
    env?: Record<string, string>;
    storeDir?: string;
    timeoutMs?: number;
    /** The working directory (where `chat` writes an exported ADR); default a fresh temp directory. */
    cwd?: string;
  } = {},
): Promise<CliRun> {
  const started = performance.now();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    USER: 'tester',
    NO_COLOR: '1',
    LOG_LEVEL: 'silent',
    ...(options.storeDir
      ? { STORE_URL: `sqlite://${join(options.storeDir, 'archie.sqlite')}` }
      : { STORE_URL: 'memory://' }),
    ...options.env,
  };
  // A run never writes into the repository (an option number can mean Export ADR) nor reads its .env.
  const scratch = options.cwd ? undefined : tempDir('archie-run-');
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/archie.js'), ...args], {
      cwd: options.cwd ?? scratch!.dir,
      env,
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      scratch?.cleanup();
      resolveRun({ code, stdout, stderr, ms: performance.now() - started });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** True when the output contains something that looks like a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}
