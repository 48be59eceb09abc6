/**
 * Child process for the memory benchmark: a real Archie, compiled JavaScript as production runs it (no
 * TypeScript loader), SQLite store in a temp dir, holds N stored conversations, each driven through the
 * consultant; prints RSS before and at rest after the last turn as JSON. Plain JavaScript so that nothing
 * but Archie's own code is loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchie } from '../../dist/app/create-archie.js';
import { loadConfig } from '../../dist/config/load-config.js';
import { createLogger } from '../../dist/observability/create-logger.js';

const count = Number(process.argv[2] ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'archie-mem-'));
const config = loadConfig({
  env: { STORE_URL: `sqlite://${join(dir, 'archie.sqlite')}`, RATE_LIMIT_MESSAGES_PER_MINUTE: '10000', PORT: '0' },
  dotenvPath: false,
});
const archie = await createArchie(config, { logger: createLogger({ level: 'silent' }), defaultMetrics: false });
const gc = globalThis.gc;
gc?.();
const before = process.memoryUsage().rss;
const descriptions = [
  'We are 4 engineers on a hosted OpenAI API, a RAG assistant in pilot, no on-call.',
  'Six teams, 60 engineers, Kubernetes with a platform team, blocked by a shared release train.',
  'One team self-hosting Llama 3 70B on H100s with nightly ingestion of two million PDFs.',
  'Two squads with emerging module boundaries, CI on GitHub Actions, basic monitoring, no tracing.',
];
const started = performance.now();
for (let i = 0; i < count; i++) {
  await archie.consultant.handle(
    `bench:${i}`,
    { type: 'text', text: descriptions[i % descriptions.length] },
    { channel: 'web', userId: `u${i}` },
  );
}
const elapsedMs = performance.now() - started;
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 200));
  }
};
await settle();
const after = process.memoryUsage().rss;
await archie.close();
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ count, before, after, elapsedMs, ...process.memoryUsage() })}\n`);
