/**
 * The benches that measure what production runs (start-up, memory) run the compiled JavaScript in dist/
 * with the Node flags of `npm start` (the image's CMD has the same; a test keeps them equal), ADR 0120
 * and 0121. This builds dist/ once per bench run (incremental tsc).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

let built = false;

/** Builds dist/ if this run has not yet; returns the path of the compiled CLI entry. */
export function compiledEntry(): string {
  if (!built) {
    execFileSync(process.execPath, [resolve('scripts/build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
    built = true;
  }
  return resolve('dist/cli/main.js');
}

/** The Node flags `npm start` runs the server with (e.g. the young generation's size). */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}
