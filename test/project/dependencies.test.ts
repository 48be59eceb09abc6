/**
 * The production dependency list is exactly what production code needs: every `dependencies` entry is
 * imported by src/, src/ imports nothing that is only a dev dependency (the image installs with
 * --omit=dev and would fail at run time), and the README says why each one is there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'public' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Package names imported (statically or dynamically, values or types) by production code. */
function importedPackages(): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"]([^'"./][^'"]*)['"]/g;
  for (const file of sourceFiles(join(repo, 'src'))) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (!specifier || specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!found.has(name)) found.set(name, file.slice(repo.length + 1));
    }
  }
  return found;
}

describe('production dependencies', () => {
  const imported = importedPackages();

  it('are each imported by production code', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !imported.has(name));
    expect(unused, 'declared in dependencies but never imported by src/: move to devDependencies or remove').toEqual(
      [],
    );
  });

  it('cover everything production code imports', () => {
    const missing = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([n, f]) => `${n} (${f})`);
    expect(missing, 'imported by src/ but not a production dependency').toEqual([]);
  });

  it('are each explained in the README', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Dependencies'));
    const unexplained = Object.keys(pkg.dependencies).filter((name) => !section.includes(`\`${name}\``));
    expect(unexplained, 'README "Dependencies" lists each production dependency with why').toEqual([]);
  });
});
