/** `archie config check` run as a person would: it rejects what `archie serve` would reject, with the fix. */
import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../support/cli.js';

describe('archie config check', () => {
  it('rejects a STORE_URL no command can open, and says which ones work', async () => {
    const run = await runCli(['config', 'check'], { env: { STORE_URL: 'postgres://db.example.com/archie' } });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/Configuration is valid/);
    expect(run.stderr).toMatch(/STORE_URL: is not a store Archie can open: use sqlite:\/\/.*redis:\/\/.*memory:\/\//);
  });

  it('explains a PORT that is not a number in words, not a schema error', async () => {
    const run = await runCli(['config', 'check'], { env: { PORT: 'abc' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PORT: use a whole number from 0 to 65,535 \(got "abc"\)/);
    expect(run.stderr).not.toMatch(/NaN|expected number/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('rejects a privacy page that does not exist', async () => {
    const run = await runCli(['config', 'check'], { env: { PRIVACY_PAGE: '/nonexistent/privacy.md' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PRIVACY_PAGE: "\/nonexistent\/privacy\.md" is not a readable file/);
  });

  it('accepts a working configuration and shows where the public pages come from', async () => {
    const run = await runCli(['config', 'check'], { env: { STORE_URL: 'rediss://cache.example.com:6380' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Configuration is valid\./);
    expect(run.stdout).toMatch(/privacy \/ terms pages +\S+pages\/privacy\.md \/ \S+pages\/terms\.md/);
  });
});
