/**
 * `npm run bench`: runs every bench/*.bench.ts (or the names given: `npm run bench -- slack teams`) and
 * prints one table of figures, targets and ratios against baselines measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const rows: { module: string; result: BenchResult }[] = [];
let failed = 0;
for (const file of files) {
  const module = file.replace('.bench.ts', '');
  process.stderr.write(`running ${module}…\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { bench(): Promise<BenchResult[]> };
    for (const result of await mod.bench()) rows.push({ module, result });
  } catch (error) {
    failed++;
    process.stderr.write(`  ${module} failed: ${(error as Error).message}\n`);
  }
}

const fmt = (n: number | undefined) =>
  n === undefined || Number.isNaN(n)
    ? ''
    : Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 1
        ? n.toFixed(2)
        : n.toPrecision(3);
const table = rows.map(({ module, result: r }) => [
  module,
  r.name,
  `${fmt(r.value)} ${r.unit}`,
  r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)}` : '',
  r.ratio === undefined ? '' : `${fmt(r.ratio)}x`,
  r.target ?? '',
  r.ok === undefined ? '' : r.ok ? 'ok' : 'MISSED',
]);
const header = ['bench', 'measure', 'value', 'baseline (same run)', 'ratio', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table) console.log(line(row));
if (failed > 0) process.exitCode = 1;
