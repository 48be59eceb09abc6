/**
 * Problems in knowledge documents, located and worded the way an editor and a compiler would: one line
 * per problem, `file:line: what to fix`. `archie kb check` prints them; start-up refuses a broken
 * document with the same lines.
 */
import { isAbsolute, relative } from 'node:path';
import { ArchieError } from '../errors.js';

export interface DocProblem {
  /** The document's path as read. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** The front-matter field ("url", "constraints.platform"), "front-matter", "body" or "cites". */
  field: string;
  /** What to fix, starting with the field: `field "url" must be an http(s) URL`. */
  message: string;
}

/** The path shown to a person: relative to the working directory when the file is inside it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** `file:line: what to fix`. */
export function formatProblem(problem: DocProblem, cwd?: string): string {
  return `${displayPath(problem.file, cwd)}:${problem.line}: ${problem.message}`;
}

/** One error for a set of problems: its message lists every problem, one per line. */
export function problemsError(problems: readonly DocProblem[]): ArchieError {
  const first = problems[0]!;
  const lines = problems.map((p) => formatProblem(p));
  const message =
    problems.length === 1
      ? `Knowledge document problem: ${lines[0]}`
      : `${problems.length} knowledge document problems:\n${lines.join('\n')}`;
  return new ArchieError('knowledge_malformed', message, {
    details: { file: first.file.split(/[\\/]/).pop(), field: first.field, problems: lines },
  });
}

/**
 * The line a front-matter field is written on (`path` as zod reports it: ['url'] or
 * ['constraints', 'platform']); the nearest enclosing key when the field is absent, else line 1.
 */
export function lineOfField(source: string, path: readonly (string | number)[]): number {
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return 1;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  const last = end === -1 ? lines.length : end;
  const top = typeof path[0] === 'string' ? path[0] : undefined;
  if (!top) return 1;
  const keyAt = (key: string, indented: boolean) =>
    new RegExp(`^${indented ? '\\s+' : ''}["']?${escapeRegExp(key)}["']?\\s*:`);
  const parent = lines.findIndex((l, i) => i > 0 && i < last && keyAt(top, false).test(l));
  if (parent === -1) return 1;
  const child = path[1];
  if (typeof child === 'string') {
    for (let i = parent + 1; i < last; i++) {
      const l = lines[i]!;
      if (/^\S/.test(l)) break; // the next top-level key: the child is not written in block form
      if (keyAt(child, true).test(l)) return i + 1;
    }
  }
  return parent + 1;
}

/** The first line of the body (after the closing `---`). */
export function bodyLine(source: string): number {
  const lines = source.split(/\r?\n/);
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return end === -1 ? 1 : end + 2;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
