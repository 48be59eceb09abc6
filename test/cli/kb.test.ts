/**
 * `archie kb check`, the organisation's folders through every command that reads knowledge: the check
 * prints `file:line: what to fix` and exits 1, `serve` refuses to start with the same lines, `config check`
 * validates KNOWLEDGE_DIRS, and `ask` searches and cites the organisation's documents with the public ones.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasStackTrace, REPO_ROOT, runCli, tempDir } from '../support/cli.js';

const PACK = join(REPO_ROOT, 'examples/org-knowledge');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A working directory with a copy of the sample pack in ./standards, one document broken. */
function brokenPack(): string {
  const { dir, cleanup } = tempDir('archie-kb-');
  cleanups.push(cleanup);
  mkdirSync(join(dir, 'standards'));
  cpSync(PACK, join(dir, 'standards'), { recursive: true });
  const file = join(dir, 'standards', 'platform-standard-ecs.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('platform: ecs-only', 'platform: openshift'));
  return dir;
}

const BROKEN_LINE =
  'standards/platform-standard-ecs.md:12: field "constraints.platform" must be kubernetes-only or ecs-only (got "openshift")';

describe('archie kb check', () => {
  it('passes on the public knowledge base and the sample organisation pack', async () => {
    const run = await runCli(['kb', 'check'], { env: { KNOWLEDGE_DIRS: PACK } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Checked \d+ documents \(\d+ public, 4 from your organisation\): no problems\.\n$/);
  });

  it('prints each problem as file:line: what to fix, relative to the working directory, and exits 1', async () => {
    const cwd = brokenPack();
    const run = await runCli(['kb', 'check'], { cwd, env: { KNOWLEDGE_DIRS: 'standards' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${BROKEN_LINE}\n`);
    expect(run.stderr).toMatch(/^archie kb: 1 problem in \d+ documents/);
    const viaDir = await runCli(['kb', 'check', '--dir', 'standards'], { cwd });
    expect(viaDir.stdout).toBe(`${BROKEN_LINE}\n`);
  });

  it('serve refuses to start with the same message, and no stack trace', async () => {
    const cwd = brokenPack();
    const run = await runCli(['serve'], { cwd, env: { KNOWLEDGE_DIRS: 'standards', PORT: '0' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(BROKEN_LINE);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('config check names a KNOWLEDGE_DIRS folder that does not exist, and a broken document', async () => {
    const missing = await runCli(['config', 'check'], { env: { KNOWLEDGE_DIRS: `${PACK},/nonexistent/standards` } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/KNOWLEDGE_DIRS: "\/nonexistent\/standards" is not a readable folder/);
    const broken = await runCli(['config', 'check'], { cwd: brokenPack(), env: { KNOWLEDGE_DIRS: 'standards' } });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`KNOWLEDGE_DIRS document ${BROKEN_LINE}`);
    const ok = await runCli(['config', 'check'], { env: { KNOWLEDGE_DIRS: PACK } });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/organisation knowledge +\S+examples\/org-knowledge/);
  });
});

describe('archie ask with KNOWLEDGE_DIRS', () => {
  it("answers from the organisation's documents, marked as the organisation's", async () => {
    const run = await runCli(
      ['ask', '--json', 'Do we run a separate vector database or keep embeddings in pgvector?'],
      {
        env: { KNOWLEDGE_DIRS: PACK },
      },
    );
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.found).toBe(true);
    // Cited beside the public synthesis on the same question (where the vector store lives).
    expect(out.citations.find((c: { organisation?: true }) => c.organisation)).toEqual({
      id: 'adr-0012-postgres-for-vectors',
      kind: 'source',
      title: 'ADR-12: Embeddings live in Postgres (pgvector) — your organisation',
      url: 'https://wiki.northwind.internal/architecture/adr-0012',
      organisation: true,
    });
  });

  it('still answers from the public knowledge base, without the mark', async () => {
    const run = await runCli(['ask', 'What did Prime Video save by moving to a monolith?'], {
      env: { KNOWLEDGE_DIRS: PACK },
    });
    expect(run.stdout).toMatch(/90%/);
    expect(run.stdout).not.toMatch(/your organisation/);
  });
});

describe('archie assess with KNOWLEDGE_DIRS', () => {
  it("--json lists the organisation's constraints that acted, and marks their citations", async () => {
    const team = '6 engineers, one team, a RAG assistant over clinical notes with personal data, hosted OpenAI API';
    const plain = JSON.parse((await runCli(['assess', '--json'], { input: team })).stdout);
    expect(plain.recommendation).toBe('monolith');
    expect(plain.organisationConstraints).toEqual([]);
    const run = await runCli(['assess', '--json'], { input: team, env: { KNOWLEDGE_DIRS: PACK } });
    const out = JSON.parse(run.stdout);
    expect(out.recommendation).toBe('hybrid');
    const policy = out.organisationConstraints.find(
      (c: { constraint: string }) => c.constraint === 'compliance-boundary',
    );
    expect(policy).toMatchObject({
      value: 'when-sensitive-data',
      reason: 'PHI stays in the clinical-prod AWS account, reached only through an audited service',
      source: {
        id: 'policy-phi-boundary',
        title: 'Data policy: PHI stays in the clinical-prod account — your organisation',
        organisation: true,
      },
    });
    expect(out.reasons[0].citations[0].organisation).toBe(true);
    expect(out.citations.filter((c: { organisation?: boolean }) => c.organisation).length).toBeGreaterThan(0);
  });
});
