import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchieError } from '../../../src/core/errors.js';
import { buildKnowledgeBase, loadKnowledgeBase } from '../../../src/core/knowledge/load-knowledge-base.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/knowledge/', import.meta.url));

const VALID = `---
id: sample-doc
title: "A sample document"
url: https://example.org/sample
publisher: Example
published: "2024-01"
status: confirmed
kind: source
tags: [sample]
cites: []
---
## Summary
A sample body with one sentence.
`;

const temps: string[] = [];
async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archie-kb-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function loadError(files: Record<string, string>): Promise<ArchieError> {
  const error = await buildKnowledgeBase(await dirWith(files)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArchieError);
  return error as ArchieError;
}

describe('loadKnowledgeBase', () => {
  it('loads every document with its front-matter and skips the README', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    expect([...kb.docs.keys()].sort()).toEqual([
      'conway-law',
      'long-essay',
      'prime-video-monolith',
      'synthesis-when-to-extract-inference',
      'vllm-pagedattention',
    ]);
    const prime = kb.docs.get('prime-video-monolith')!;
    expect(prime).toMatchObject({
      title: "Prime Video's audio/video monitoring moved from serverless microservices to a monolith",
      url: 'https://www.infoq.com/news/2023/05/prime-ec2-ecs-saves-costs/',
      publisher: 'InfoQ',
      author: 'Rafal Gancarz',
      status: 'confirmed',
      kind: 'source',
      tags: ['case-study', 'consolidation', 'cost', 'orchestration'],
      cites: [],
    });
    expect(prime.body).toMatch(/^## Summary/);
    expect(kb.passages.every((p) => kb.docs.has(p.docId))).toBe(true);
  });

  it('keeps dates as written whether YAML reads them as a year, a month or a full date', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    expect(kb.docs.get('long-essay')!.published).toBe('2020');
    expect(kb.docs.get('prime-video-monolith')!.published).toBe('2023-05');
    expect(kb.docs.get('vllm-pagedattention')!.published).toBe('2023-09-12');
  });

  it('keeps provenance notes out of the document and the index, and accepts undated documentation', async () => {
    const text = VALID.replace('published: "2024-01"', 'retrieved: "2026-12"').replace(
      'cites: []',
      'cites: []\nprovenance: "Zanzibarquokka copy read."\ntakeaway: "A short answer."',
    );
    const kb = await buildKnowledgeBase(await dirWith({ 'sample-doc.md': text }));
    const doc = kb.docs.get('sample-doc')!;
    expect(doc).toMatchObject({ retrieved: '2026-12', takeaway: 'A short answer.' });
    expect(doc.published).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain('Zanzibarquokka');
    expect(JSON.stringify(kb.passages)).not.toContain('Zanzibarquokka');
    expect(await kb.retriever.search('Zanzibarquokka')).toEqual([]);
  });

  it('rejects a document with neither a publication nor a retrieval date', async () => {
    const error = await loadError({ 'sample-doc.md': VALID.replace('published: "2024-01"\n', '') });
    expect(error.details).toMatchObject({ field: 'published' });
  });

  it('loads and indexes a folder once per process', async () => {
    expect(await loadKnowledgeBase(FIXTURES)).toBe(await loadKnowledgeBase(FIXTURES));
  });

  it('finds the repository knowledge folder by default', async () => {
    const kb = await loadKnowledgeBase();
    expect(kb.docs.size).toBeGreaterThan(0);
    for (const doc of kb.docs.values()) expect(doc.file.endsWith(`${doc.id}.md`)).toBe(true);
  });

  it('names the file and the field when a document lacks a URL', async () => {
    const error = await loadError({ 'sample-doc.md': VALID.replace('url: https://example.org/sample\n', '') });
    expect(error.code).toBe('knowledge_malformed');
    expect(error.userMessage).toContain('sample-doc.md');
    expect(error.userMessage).toContain('"url"');
    expect(error.details).toMatchObject({ file: 'sample-doc.md', field: 'url' });
  });

  it('rejects an unknown status, a bad date and a non-http URL, naming the field', async () => {
    const cases: [string, string][] = [
      [VALID.replace('status: confirmed', 'status: rumour'), 'status'],
      [VALID.replace('published: "2024-01"', 'published: last spring'), 'published'],
      [VALID.replace('https://example.org/sample', 'ftp://example.org/sample'), 'url'],
    ];
    for (const [text, field] of cases) {
      const error = await loadError({ 'sample-doc.md': text });
      expect(error.details).toMatchObject({ field });
      expect(error.userMessage).toContain(`"${field}"`);
    }
  });

  it('rejects a document whose id does not match its file name', async () => {
    const error = await loadError({ 'other-name.md': VALID });
    expect(error.userMessage).toContain('other-name.md');
    expect(error.details).toMatchObject({ field: 'id' });
  });

  it('rejects a document without front-matter', async () => {
    const error = await loadError({ 'sample-doc.md': '## Summary\nNo front-matter here.\n' });
    expect(error.userMessage).toContain('sample-doc.md');
    expect(error.details).toMatchObject({ field: 'front-matter' });
  });

  it('refuses a third-party URL on a synthesis, which is cited by its own page', async () => {
    const error = await loadError({
      'sample-doc.md': VALID.replace('kind: source', 'kind: synthesis').replace('cites: []', 'cites: [sample-doc]'),
    });
    expect(error.details).toMatchObject({ field: 'url' });
    expect(error.userMessage).toContain('own page');
  });

  it('gives a synthesis its knowledge page as its address', async () => {
    const kb = await loadKnowledgeBase(FIXTURES);
    expect(kb.docs.get('synthesis-when-to-extract-inference')!.url).toBe(
      '/knowledge/synthesis-when-to-extract-inference',
    );
  });

  it('requires a synthesis document to cite documents that exist', async () => {
    const synthesis = VALID.replace('kind: source', 'kind: synthesis').replace('url: https://example.org/sample\n', '');
    const uncited = await loadError({ 'sample-doc.md': synthesis });
    expect(uncited.details).toMatchObject({ field: 'cites' });
    const dangling = await loadError({ 'sample-doc.md': synthesis.replace('cites: []', 'cites: [no-such-doc]') });
    expect(dangling.userMessage).toContain('no-such-doc');
  });

  it('explains a missing or empty folder', async () => {
    const empty = await loadError({ 'README.md': '# nothing here' });
    expect(empty.code).toBe('knowledge_missing');
    const missing = await buildKnowledgeBase(join(tmpdir(), 'archie-no-such-folder')).catch((e: unknown) => e);
    expect((missing as ArchieError).code).toBe('knowledge_missing');
  });

  it('does not remember a failed load, so fixing the file and retrying works', async () => {
    const dir = await dirWith({ 'sample-doc.md': VALID.replace('kind: source', 'kind: essay') });
    await expect(loadKnowledgeBase(dir)).rejects.toBeInstanceOf(ArchieError);
    await writeFile(join(dir, 'sample-doc.md'), VALID);
    expect((await loadKnowledgeBase(dir)).docs.has('sample-doc')).toBe(true);
  });
});
