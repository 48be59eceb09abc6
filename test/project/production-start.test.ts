/**
 * `npm start` on a fresh clone and the container image run the same thing: the compiled JavaScript in
 * dist/ (built first by prestart / the image's build stage) with the same Node flags (ADR 0120, 0121).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../support/parse-dockerfile.js';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('production start', () => {
  it('npm start builds first, then runs the compiled server', () => {
    expect(pkg.scripts.prestart).toBe('npm run build');
    expect(pkg.scripts.start).toMatch(/^node (--[\w-]+(=\S+)? )*dist\/cli\/main\.js serve$/);
  });

  it('the image runs the same command as npm start', () => {
    const runtime = parseDockerfile(readFileSync(join(repo, 'Dockerfile'), 'utf8')).at(-1)!;
    const cmd = runtime.steps.find((s) => s.kind === 'CMD');
    expect(cmd && 'command' in cmd ? cmd.command : undefined).toEqual(pkg.scripts.start!.split(' '));
  });
});
