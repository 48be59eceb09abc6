#!/usr/bin/env node
/**
 * The production build: compiles src/ to dist/ with tsc (tsconfig.build.json, incremental, so a rebuild
 * with nothing changed takes about a second), removes compiled files whose source is gone, and copies the
 * web chat's static files. `npm start` runs it first (prestart) and the Dockerfile's build stage runs it;
 * development, tests and benches run the sources through tsx instead. Plain JavaScript so it needs no build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const STATIC_DIRS = ['channels/web/public'];

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
} catch {
  console.error('build: tsc reported errors (above); dist/ was not updated completely.');
  process.exit(1);
}

/** Compiled output whose TypeScript source was deleted or renamed would otherwise stay importable. */
function removeOrphans(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const rel = relative(dist, path);
    if (STATIC_DIRS.includes(rel)) continue;
    if (entry.isDirectory()) {
      removeOrphans(path);
      if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
    } else if (/\.js(\.map)?$/.test(entry.name)) {
      const source = join(src, rel.replace(/\.js(\.map)?$/, '.ts'));
      if (!existsSync(source)) rmSync(path);
    }
  }
}
removeOrphans(dist);

for (const dir of STATIC_DIRS) {
  rmSync(join(dist, dir), { recursive: true, force: true });
  cpSync(join(src, dir), join(dist, dir), { recursive: true });
}
