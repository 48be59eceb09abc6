/**
 * Prints the dev part of the reading corpus's misreadings, category by category, with each case's text:
 * what the reader produced that the annotator did not allow, and what it missed. Only the dev cases are
 * read here; the held-out third is never printed (it measures generalisation, `npm run eval`).
 * Usage: node bin/run-ts.js scripts/reading-dev-failures.ts [category…]
 */
import { readMessage } from '../src/core/reading/read-message.js';
import { DEV_CASES } from '../test/eval/reading/cases-dev.js';
import { precision, recall, scoreReading } from '../test/eval/reading/score-reading.js';

const read = (text: string) => {
  const r = readMessage(text);
  return [
    ...r.facts.map((f) => ({ key: f.key, value: f.value, modality: 'current' as const })),
    ...r.plans.map((p) => ({ key: p.key, value: p.value, modality: p.modality })),
    ...r.history.map((h) => ({ key: h.key, value: h.value, modality: 'past' as const })),
  ];
};
const only = new Set(process.argv.slice(2));
const cases = DEV_CASES.filter((c) => !only.size || only.has(c.category));
const score = await scoreReading(cases, read);
const show = (e: { key: string; value?: unknown; modality?: string }) =>
  `${e.key}=${JSON.stringify(e.value)}${e.modality && e.modality !== 'current' ? `@${e.modality}` : ''}`;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const [category, t] of score.byCategory) {
  const failing = score.cases.filter((c) => c.category === category && (c.missed.length || c.wrong.length));
  console.log(`\n## ${category}: precision ${pct(precision(t))}, recall ${pct(recall(t))}, ${failing.length} cases`);
  for (const c of failing) {
    const text = cases.find((x) => x.id === c.id)?.text ?? '';
    console.log(`- ${c.id}: ${text}`);
    if (c.wrong.length) console.log(`    wrong:  ${c.wrong.map(show).join(', ')}`);
    if (c.missed.length) console.log(`    missed: ${c.missed.map(show).join(', ')}`);
  }
}
console.log(`\nall: precision ${pct(precision(score.total))}, recall ${pct(recall(score.total))}`);
