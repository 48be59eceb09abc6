#!/usr/bin/env node
// The `archie` command. In a checkout with its TypeScript sources and dev dependencies (development, tests,
// `npx archie`), it runs src/ through tsx so every edit is live with no build step. Where the sources are
// absent or tsx is not installed (the production image, `npm ci --omit=dev`), it runs the compiled
// JavaScript in dist/ that `npm run build` produced (see docs/adr/0120).
import { existsSync } from 'node:fs';

const sources = new URL('../src/cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const tsx = existsSync(sources) ? await loadTsx() : undefined;
if (tsx) {
  tsx.register();
  await import(sources.href);
} else if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  console.error('archie: no compiled build in dist/ and no TypeScript sources to run. Run `npm run build` first.');
  process.exit(1);
}
