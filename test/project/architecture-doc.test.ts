/**
 * docs/architecture.md walks one Slack message to a verdict. Its links must lead to files that exist, the
 * functions it names beside a link must be in that file, and the walk must stay at ten hops or fewer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const docPath = join(repo, 'docs/architecture.md');
const doc = readFileSync(docPath, 'utf8');

/** Relative links, each with the backticked names that follow it up to the next link or sentence end. */
function links(): { target: string; names: string[] }[] {
  const found: { target: string; names: string[] }[] = [];
  const pattern = /\]\((?!https?:|#)([^)#\s]+)\)([^[]*)/g;
  for (const [, target = '', after = ''] of doc.matchAll(pattern)) {
    const clause = after.split(/\.(\s|$)/)[0] ?? '';
    const names = [...clause.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
    found.push({ target, names });
  }
  return found;
}

describe('docs/architecture.md', () => {
  it('links only to files and folders that exist', () => {
    const missing = links()
      .map((l) => l.target)
      .filter((t) => !existsSync(resolve(dirname(docPath), t)));
    expect(missing).toEqual([]);
  });

  it('names functions that the linked file defines', () => {
    const wrong: string[] = [];
    for (const { target, names } of links()) {
      const path = resolve(dirname(docPath), target);
      if (!target.endsWith('.ts') || !existsSync(path)) continue;
      const source = readFileSync(path, 'utf8');
      for (const name of names) {
        const defined = new RegExp(`(function\\*?|const|let|class|interface|type)\\s+${name}\\b|\\b${name}\\s*[:(]`);
        if (!defined.test(source)) wrong.push(`${name} in ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('walks a Slack message to a verdict in ten hops or fewer, each through a file of src/', () => {
    const section = doc.slice(doc.indexOf('## The ten hops'), doc.indexOf('\n## ', doc.indexOf('## The ten hops') + 1));
    const hops = section.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(hops.length).toBeGreaterThan(0);
    expect(hops.length).toBeLessThanOrEqual(10);
    for (const hop of hops) expect(hop).toMatch(/\]\(\.\.\/src\/[^)]+\.ts\)/);
  });
});
