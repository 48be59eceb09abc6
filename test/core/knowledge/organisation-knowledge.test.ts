/**
 * The organisation's own documents (KNOWLEDGE_DIRS): loaded beside the public knowledge base, searched with
 * it, cited with a visible mark, and every problem reported as `file:line: what to fix`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { citationLookupFrom } from '../../../src/core/assessment/citation-catalogue.js';
import { ArchieError } from '../../../src/core/errors.js';
import { ORGANISATION_MARK } from '../../../src/core/knowledge/cite.js';
import { formatProblem } from '../../../src/core/knowledge/document-problems.js';
import {
  buildKnowledgeBase,
  checkKnowledgeBase,
  DEFAULT_KNOWLEDGE_DIR,
} from '../../../src/core/knowledge/load-knowledge-base.js';

const PACK = fileURLToPath(new URL('../../../examples/org-knowledge/', import.meta.url));

const ORG_DOC = `---
id: adr-0007-one-gateway
title: "ADR-7: One model gateway"
url: http://wiki/adr-7
publisher: Example Corp architecture group
published: "2025-02"
status: confirmed
kind: source
tags: [adr]
cites: []
constraints:
  platform: kubernetes-only
  reason: "the platform team runs only EKS"
---
## Decision
Every product calls models through the one LiteLLM gateway the platform team runs.
`;

const temps: string[] = [];
async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archie-org-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe("the organisation's knowledge", () => {
  it('loads the sample pack beside the public documents and searches both', async () => {
    const kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [PACK]);
    const org = [...kb.docs.values()].filter((d) => d.organisation);
    expect(org.map((d) => d.id).sort()).toEqual([
      'adr-0012-postgres-for-vectors',
      'platform-standard-ecs',
      'policy-phi-boundary',
      'standard-service-budget',
    ]);
    expect(kb.docs.get('prime-video-monolith')?.organisation).toBeUndefined();
    const vectors = await kb.retriever.search('pgvector embeddings separate vector database', { limit: 3 });
    // Ranked beside the public synthesis on the same question (vector store placement).
    expect(vectors.map((h) => h.docId)).toContain('adr-0012-postgres-for-vectors');
    const prime = await kb.retriever.search('Prime Video monolith cost', { limit: 3 });
    expect(prime.map((h) => h.docId)).toContain('prime-video-monolith');
  });

  it('cites an organisation document with the visible mark and a flag; public ones stay as they are', async () => {
    const kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [PACK]);
    const lookup = citationLookupFrom(kb);
    expect(lookup('policy-phi-boundary')).toEqual({
      id: 'policy-phi-boundary',
      title: `Data policy: PHI stays in the clinical-prod account ${ORGANISATION_MARK}`,
      url: 'https://wiki.northwind.internal/security/policies/phi',
      organisation: true,
    });
    expect(lookup('prime-video-monolith')).not.toHaveProperty('organisation');
    expect(lookup('prime-video-monolith')?.title).not.toContain(ORGANISATION_MARK);
  });

  it('keeps the constraints a document declares, with its reason', async () => {
    const kb = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [await dirWith({ 'adr-0007-one-gateway.md': ORG_DOC })]);
    expect(kb.docs.get('adr-0007-one-gateway')).toMatchObject({
      organisation: true,
      url: 'http://wiki/adr-7',
      constraints: { platform: 'kubernetes-only', reason: 'the platform team runs only EKS' },
    });
  });

  it('reports every problem of a broken document with its line, and refuses to load it', async () => {
    const broken = ORG_DOC.replace('url: http://wiki/adr-7', 'url: wiki page 7')
      .replace('platform: kubernetes-only', 'platform: openshift\n  colour: blue')
      .replace('published: "2025-02"', 'published: last spring');
    const dir = await dirWith({ 'adr-0007-one-gateway.md': broken });
    const check = await checkKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [dir]);
    const file = join(dir, 'adr-0007-one-gateway.md');
    expect(check.problems.map((p) => formatProblem(p))).toEqual([
      `${file}:4: field "url" must be an http(s) link (an internal address is fine)`,
      `${file}:6: field "published" must be YYYY, YYYY-MM or YYYY-MM-DD`,
      `${file}:12: field "constraints.platform" must be kubernetes-only or ecs-only (got "openshift")`,
      `${file}:13: field "constraints.colour" is not a constraint Archie knows: use platform, compliance-boundary, max-services, vector-store, reason`,
    ]);
    const error = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [dir]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchieError);
    expect((error as ArchieError).userMessage).toContain(`${file}:12: field "constraints.platform"`);
    expect((error as ArchieError).userMessage.split('\n')).toHaveLength(5);
  });

  it('reports a missing field, invalid YAML and an empty body at the line to fix', async () => {
    const dir = await dirWith({
      'no-title.md': ORG_DOC.replace('id: adr-0007-one-gateway', 'id: no-title').replace(/^title: .*\n/m, ''),
      'bad-yaml.md': '---\nid: bad-yaml\ntitle: [unclosed\n---\nBody.\n',
      'empty-body.md': ORG_DOC.replace('id: adr-0007-one-gateway', 'id: empty-body').replace(
        /---\n## Decision[\s\S]*/,
        '---\n',
      ),
    });
    const lines = (await checkKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [dir])).problems.map(
      (p) => `${p.file.split('/').pop()}:${p.line}: ${p.message}`,
    );
    expect(lines).toContain('no-title.md:1: field "title" is missing');
    expect(lines.find((l) => l.startsWith('bad-yaml.md:'))).toMatch(
      /^bad-yaml\.md:4: field "front-matter" is not valid YAML/,
    );
    expect(lines).toContain('empty-body.md:15: field "body" is empty (write the document below the --- block)');
  });

  it('accepts an internal link only in an organisation document, and constraints only there', async () => {
    const asPublic = ORG_DOC.replace('id: adr-0007-one-gateway', 'id: sample');
    const pub = await dirWith({ 'sample.md': asPublic });
    const fields = (await checkKnowledgeBase(pub)).problems.map((p) => `${p.line}: ${p.field}`);
    expect(fields).toEqual(['4: url', '11: constraints']);
    const message = (await checkKnowledgeBase(pub)).problems[1]!.message;
    expect(message).toMatch(/belongs in your organisation's documents \(a folder in KNOWLEDGE_DIRS\)/);
  });

  it('rejects an organisation document that reuses a public id, and two documents that disagree', async () => {
    const clash = ORG_DOC.replace('id: adr-0007-one-gateway', 'id: prime-video-monolith');
    const other = ORG_DOC.replace('id: adr-0007-one-gateway', 'id: adr-0009-ecs').replace(
      'platform: kubernetes-only',
      'platform: ecs-only',
    );
    const dir = await dirWith({
      'prime-video-monolith.md': clash,
      'adr-0007-one-gateway.md': ORG_DOC,
      'adr-0009-ecs.md': other,
    });
    const problems = (await checkKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [dir])).problems;
    expect(problems.map((p) => `${p.file.split('/').pop()}:${p.line}: ${p.field}`)).toEqual([
      'prime-video-monolith.md:2: id',
      'adr-0009-ecs.md:12: constraints.platform',
    ]);
    expect(problems[0]!.message).toContain('is already used by');
    expect(problems[0]!.message).toContain(join('knowledge', 'prime-video-monolith.md'));
    expect(problems[1]!.message).toBe(
      `field "constraints.platform" is "ecs-only" but ${join(dir, 'adr-0007-one-gateway.md')} says "kubernetes-only": keep one`,
    );
  });

  it('says which KNOWLEDGE_DIRS folder cannot be read', async () => {
    const error = await buildKnowledgeBase(DEFAULT_KNOWLEDGE_DIR, [join(tmpdir(), 'archie-no-such-org')]).catch(
      (e: unknown) => e,
    );
    expect((error as ArchieError).code).toBe('knowledge_missing');
    expect((error as ArchieError).userMessage).toMatch(
      /organisation knowledge folder .*archie-no-such-org could not be read \(check KNOWLEDGE_DIRS\)/,
    );
  });
});
