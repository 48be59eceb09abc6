import { describe, expect, it } from 'vitest';
import { hasStackTrace, runCli } from '../support/cli.js';

describe('archie ask', () => {
  it('answers the Prime Video question with the figure and its source', async () => {
    const run = await runCli(['ask', 'What did Prime Video save by moving to a monolith?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/90%/);
    expect(run.stdout).toMatch(/Sources:\n1\. .+: https?:\/\//);
  });

  it('--json prints the answer and citations: a source with its url, a synthesis with its page and sources', async () => {
    const run = await runCli(['ask', '--json', 'What did Prime Video save by moving to a monolith?']);
    const out = JSON.parse(run.stdout);
    expect(out.found).toBe(true);
    expect(out.answer).toMatch(/90%/);
    expect(out.citations.length).toBeGreaterThan(0);
    for (const c of out.citations) {
      if (c.kind === 'synthesis') {
        expect(Object.keys(c).sort()).toEqual(['basedOn', 'id', 'kind', 'page', 'title']);
        expect(c.page).toBe(`/knowledge/${c.id}`);
      } else {
        expect(Object.keys(c).sort()).toEqual(['id', 'kind', 'title', 'url']);
        expect(c.url).toMatch(/^https?:\/\//);
      }
    }
  });

  it('says it does not know for a question outside the knowledge base, and points to nearby topics', async () => {
    const run = await runCli(['ask', '--json', 'What is the best sourdough hydration for a rye loaf?']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.found).toBe(false);
    expect(out.answer).toMatch(/don't know|don’t know/i);
    expect(out.citations).toEqual([]);
    expect(out.nearby.length).toBeGreaterThan(0);
    const text = await runCli(['ask', 'What is the best sourdough hydration for a rye loaf?']);
    expect(text.stdout).toMatch(/Nearby topics/);
  });

  it('a missing question is a usage error (exit 2), one line, no stack trace', async () => {
    const run = await runCli(['ask']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/missing question/);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('--help documents --json and the exit codes', async () => {
    const run = await runCli(['ask', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--json/);
    expect(run.stdout).toMatch(/Exit codes/);
  });
});
