import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../src/config/config-schema.js';
import { loadConfig } from '../../src/config/load-config.js';

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it('documents every variable Archie reads, each with a comment', () => {
    for (const name of Object.keys(envSchema.shape)) {
      expect(documented, `${name} is missing from .env.example`).toContain(name);
    }
    const lines = text.split('\n');
    for (const name of documented) {
      const index = lines.findIndex((l) => l.startsWith(`${name}=`));
      const above = lines.slice(Math.max(0, index - 4), index).join('\n');
      expect(above, `${name} needs a comment above it`).toMatch(/#/);
    }
  });

  it('documents nothing Archie does not read', () => {
    for (const name of documented) expect(Object.keys(envSchema.shape)).toContain(name);
  });

  it('is a valid configuration as it stands', () => {
    const env = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(() => loadConfig({ env, dotenvPath: false })).not.toThrow();
  });
});
