import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';

// Validates every knowledge document straight from knowledge/*.md, independently of the loader, so a
// broken citation, a typo in a tag or a malformed date is caught before Archie ever cites it.

const knowledgeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../knowledge');

const REQUIRED_FIELDS = ['id', 'title', 'publisher', 'status', 'kind', 'tags'] as const;
const STATUSES = new Set(['confirmed', 'secondary', 'unconfirmed']);
const KINDS = new Set(['source', 'synthesis']);
const TAGS = new Set([
  'adoption',
  'case-study',
  'expert-guidance',
  'genai-architecture',
  'cost',
  'consolidation',
  'decomposition',
  'modular-monolith',
  'team-topology',
  'ops-maturity',
  'inference',
  'gpu',
  'ingestion',
  'latency',
  'observability',
  'compliance',
  'agents',
  'kubernetes',
  'platform',
]);
const PUBLISHED = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MIN_BODY_WORDS = 120;
const MIN_SYNTHESIS_CITES = 3;

/**
 * Text users see (body, title, takeaway) speaks of the source, never of how the knowledge base was
 * researched: such notes belong in the never-shown `provenance` field, and a status in `status`.
 */
const PROCESS_WORDING: [RegExp, string][] = [
  [/research brief/i, 'mentions the research brief'],
  [/consulted for this knowledge base|when it was consulted/i, 'says when the source was consulted'],
  [
    /read in (secondary|syndicated|an extract)|was not read|secondary (reports?|sources|accounts|figures)/i,
    'describes how the source was read',
  ],
  [/summari[sz]ed here from/i, 'describes how the source was read'],
  [/started Archie|seed article/i, 'speaks of how Archie began'],
  [/\((read|secondary|secondary report|unconfirmed)\)/i, 'carries an inline status marker'],
  [/\bour inference\b/i, 'says "our inference" instead of labelling Archie\'s calculation'],
  [/\bunconfirmed\b/i, 'calls something unconfirmed in the text (leave it out, or use the status field)'],
  [/\bURL (above )?is not\b|\bthe URL is\b/i, 'talks about its own URL'],
];

/** Problems with what a document shows users; `kind` decides whether "Archie synthesis" may appear. */
function processProblems(text: string, kind: unknown): string[] {
  const problems = PROCESS_WORDING.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
  if (kind !== 'synthesis' && /Archie synthesis/i.test(text))
    problems.push('a source document calls itself an Archie synthesis');
  return problems;
}

interface RawDoc {
  file: string;
  data: Record<string, unknown>;
  body: string;
}

/** Reads a document's text the way the knowledge base does (front-matter + Markdown body). */
function parseDoc(file: string, text: string): RawDoc {
  // A fresh options object bypasses gray-matter's cache of previously parsed strings.
  const parsed = matter(text, {});
  return { file, data: parsed.data as Record<string, unknown>, body: parsed.content };
}

/** YAML reads `2015` as a number and `2015-06-03` as a Date; both still denote a valid published date. */
function publishedText(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : undefined;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Returns every problem with one document; `knownIds` are the ids of all documents in the base. */
function validateDoc(doc: RawDoc, knownIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const { data } = doc;
  for (const field of REQUIRED_FIELDS) {
    if (isBlank(data[field])) problems.push(`${field} is missing or empty`);
  }
  // Undated documentation has no publication date; it says when it was retrieved instead.
  if (isBlank(publishedText(data.published)) && isBlank(publishedText(data.retrieved))) {
    problems.push('published (or retrieved, for undated documentation) is missing or empty');
  }
  const retrieved = publishedText(data.retrieved);
  if (retrieved !== undefined && retrieved !== '' && !PUBLISHED.test(retrieved)) {
    problems.push(`retrieved "${retrieved}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (data.provenance !== undefined && typeof data.provenance !== 'string') problems.push('provenance must be text');
  if (data.takeaway !== undefined && (typeof data.takeaway !== 'string' || data.takeaway.trim() === '')) {
    problems.push('takeaway must be non-empty text');
  }
  const shown = [doc.body, String(data.title ?? ''), typeof data.takeaway === 'string' ? data.takeaway : ''].join('\n');
  for (const problem of processProblems(shown, data.kind)) problems.push(`shown text ${problem}`);
  // A source links to its public page; a synthesis is Archie's own and is cited by its knowledge page only.
  if (data.kind === 'synthesis' && data.url !== undefined) {
    problems.push('a synthesis must not carry a url (it is cited by its own page; its sources carry theirs)');
  }
  if (data.kind !== 'synthesis' && isBlank(data.url)) problems.push('url is missing or empty');
  if (data.kind === 'synthesis' && !String(data.title ?? '').startsWith('Archie synthesis:')) {
    problems.push('a synthesis title must start with "Archie synthesis:"');
  }
  const expectedId = doc.file.replace(/\.md$/, '');
  if (typeof data.id === 'string' && data.id !== expectedId) {
    problems.push(`id "${data.id}" does not match the file name "${expectedId}"`);
  }
  if (typeof data.url === 'string' && data.url.trim() !== '') {
    try {
      const url = new URL(data.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`url must be http(s): ${data.url}`);
      if (!url.hostname.includes('.')) problems.push(`url has no proper host name: ${data.url}`);
    } catch {
      problems.push(`url is not a well-formed URL: ${data.url}`);
    }
  } else if (data.url !== undefined && typeof data.url !== 'string') {
    problems.push('url must be a string');
  }
  const published = publishedText(data.published);
  if (published !== undefined && published !== '' && !PUBLISHED.test(published)) {
    problems.push(`published "${published}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (data.status !== undefined && !STATUSES.has(String(data.status))) {
    problems.push(`status "${String(data.status)}" is not one of ${[...STATUSES].join(', ')}`);
  }
  if (data.kind !== undefined && !KINDS.has(String(data.kind))) {
    problems.push(`kind "${String(data.kind)}" is not one of ${[...KINDS].join(', ')}`);
  }
  if (data.tags !== undefined && !Array.isArray(data.tags)) problems.push('tags must be a list');
  if (Array.isArray(data.tags)) {
    for (const tag of data.tags) {
      if (!TAGS.has(String(tag))) problems.push(`tag "${String(tag)}" is not in the vocabulary`);
    }
  }
  const cites = data.cites ?? [];
  if (!Array.isArray(cites)) {
    problems.push('cites must be a list');
  } else {
    for (const cited of cites) {
      if (!knownIds.has(String(cited))) problems.push(`cites unknown document "${String(cited)}"`);
      if (String(cited) === data.id) problems.push('cites itself');
    }
    if (data.kind === 'synthesis' && cites.length < MIN_SYNTHESIS_CITES) {
      problems.push(`a synthesis document must cite at least ${MIN_SYNTHESIS_CITES} sources (has ${cites.length})`);
    }
  }
  const words = countWords(doc.body);
  if (words < MIN_BODY_WORDS) problems.push(`body has ${words} words (at least ${MIN_BODY_WORDS} needed)`);
  return problems;
}

const files = readdirSync(knowledgeDir)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .sort();
const docs = files.map((file) => parseDoc(file, readFileSync(join(knowledgeDir, file), 'utf8')));
const ids = new Set(docs.map((d) => String(d.data.id)));

describe('knowledge base documents', () => {
  it('has at least 30 source documents and 5 synthesis documents', () => {
    const sources = docs.filter((d) => d.data.kind === 'source');
    const syntheses = docs.filter((d) => d.data.kind === 'synthesis');
    expect(sources.length).toBeGreaterThanOrEqual(30);
    expect(syntheses.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every document a unique id', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const doc of docs) {
      const id = String(doc.data.id);
      const earlier = seen.get(id);
      if (earlier) duplicates.push(`${id} in ${earlier} and ${doc.file}`);
      seen.set(id, doc.file);
    }
    expect(duplicates).toEqual([]);
  });

  it.each(files)('%s has valid front-matter, citations and a substantial body', (file) => {
    const doc = docs.find((d) => d.file === file)!;
    expect(validateDoc(doc, ids)).toEqual([]);
  });

  it('names every cited source in the body of each synthesis document', () => {
    const missing: string[] = [];
    for (const doc of docs.filter((d) => d.data.kind === 'synthesis')) {
      for (const cited of (doc.data.cites as string[]) ?? []) {
        if (!doc.body.includes(cited)) missing.push(`${doc.file} cites ${cited} but never mentions it`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps source documents free of citations that do not resolve', () => {
    const dangling = docs.flatMap((d) =>
      ((d.data.cites as string[] | undefined) ?? []).filter((c) => !ids.has(c)).map((c) => `${d.file} → ${c}`),
    );
    expect(dangling).toEqual([]);
  });
});

describe('knowledge document validator', () => {
  const valid = `---
id: example-doc
title: "An example"
url: https://example.org/article
publisher: Example
published: "2024-05"
status: confirmed
kind: source
tags: [case-study, cost]
cites: [other-doc]
---
## Summary
${'word '.repeat(130)}
`;
  const known = new Set(['example-doc', 'other-doc']);

  it('accepts a well-formed document', () => {
    expect(validateDoc(parseDoc('example-doc.md', valid), known)).toEqual([]);
  });

  it('rejects a document without a url', () => {
    const problems = validateDoc(parseDoc('example-doc.md', valid.replace(/^url: .*\n/m, '')), known);
    expect(problems).toContain('url is missing or empty');
  });

  it('rejects a malformed url', () => {
    const text = valid.replace('https://example.org/article', 'not a url');
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain('url is not a well-formed URL: not a url');
  });

  it('rejects a citation of a document that does not exist', () => {
    const problems = validateDoc(parseDoc('example-doc.md', valid), new Set(['example-doc']));
    expect(problems).toContain('cites unknown document "other-doc"');
  });

  it('rejects an id that differs from the file name', () => {
    const problems = validateDoc(parseDoc('renamed.md', valid), known);
    expect(problems).toContain('id "example-doc" does not match the file name "renamed"');
  });

  it('rejects a bad date, an unknown status, kind or tag', () => {
    const text = valid
      .replace('"2024-05"', '"May 2024"')
      .replace('status: confirmed', 'status: maybe')
      .replace('kind: source', 'kind: blog')
      .replace('[case-study, cost]', '[case-study, hype]');
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toEqual([
      'published "May 2024" is not YYYY, YYYY-MM or YYYY-MM-DD',
      'status "maybe" is not one of confirmed, secondary, unconfirmed',
      'kind "blog" is not one of source, synthesis',
      'tag "hype" is not in the vocabulary',
    ]);
  });

  it('accepts dates YAML reads as numbers or Dates', () => {
    const asYear = valid.replace('"2024-05"', '2024');
    const asDay = valid.replace('"2024-05"', '2024-05-03');
    expect(validateDoc(parseDoc('example-doc.md', asYear), known)).toEqual([]);
    expect(validateDoc(parseDoc('example-doc.md', asDay), known)).toEqual([]);
  });

  it('rejects a synthesis that carries a third-party url', () => {
    const text = valid
      .replace('kind: source', 'kind: synthesis')
      .replace('title: "An example"', 'title: "Archie synthesis: An example"');
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain(
      'a synthesis must not carry a url (it is cited by its own page; its sources carry theirs)',
    );
  });

  it('rejects a synthesis document citing fewer than three sources', () => {
    const text = valid.replace('kind: source', 'kind: synthesis').replace(/^url: .*\n/m, '');
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain(
      'a synthesis document must cite at least 3 sources (has 1)',
    );
  });

  it('accepts undated documentation with a retrieved date and a provenance note', () => {
    const text = valid.replace(
      'published: "2024-05"',
      'retrieved: "2026-12"\nprovenance: "Read in the research brief."',
    );
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toEqual([]);
  });

  it('rejects a document with neither a publication nor a retrieval date', () => {
    const text = valid.replace('published: "2024-05"\n', '');
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain(
      'published (or retrieved, for undated documentation) is missing or empty',
    );
  });

  it.each([
    ['The URL is not in the research brief; it is the home page.', 'shown text mentions the research brief'],
    [
      'The year shown is when it was consulted for this knowledge base.',
      'shown text says when the source was consulted',
    ],
    ['Figures were read in secondary reports.', 'shown text describes how the source was read'],
    ['- About 40 services (secondary).', 'shown text carries an inline status marker'],
    ['- It ran on one web server (read).', 'shown text carries an inline status marker'],
    ['This column is the article that started Archie.', 'shown text speaks of how Archie began'],
    [
      'That is our inference from the two figures.',
      'shown text says "our inference" instead of labelling Archie\'s calculation',
    ],
    ['Archie synthesis: how we think about it.', 'shown text a source document calls itself an Archie synthesis'],
  ])('rejects process wording in the body: %s', (sentence, problem) => {
    const text = valid.replace(/word /, `${sentence} word `);
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain(problem);
  });

  it('rejects process wording in a takeaway', () => {
    const text = valid.replace(
      'kind: source',
      'kind: source\ntakeaway: "Figures summarised here from secondary sources."',
    );
    expect(validateDoc(parseDoc('example-doc.md', text), known)).toContain(
      'shown text describes how the source was read',
    );
  });

  it('rejects an empty tag list and a body that is too short', () => {
    const text = valid.replace('[case-study, cost]', '[]').replace(/word [\s\S]*$/, 'too short\n');
    const problems = validateDoc(parseDoc('example-doc.md', text), known);
    expect(problems).toContain('tags is missing or empty');
    expect(problems).toContain('body has 3 words (at least 120 needed)');
  });
});
