/**
 * Parses one knowledge document (YAML front-matter + Markdown body) into a validated KnowledgeDoc, or
 * reports every problem in it with its line. The organisation's documents (KNOWLEDGE_DIRS) use the same
 * front matter; their `url` may be an internal link, and they may declare constraints.
 */
import { basename } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { readConstraints } from '../constraints/org-constraints.js';
import { knowledgePagePath } from './cite.js';
import { bodyLine, type DocProblem, lineOfField, problemsError } from './document-problems.js';
import type { KnowledgeDoc } from './knowledge.js';

// YAML turns `published: 2023` into a number and `2015-06-03` into a Date; both are valid dates here.
const publishedDate = z.preprocess(
  (value) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value,
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
);

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and dashes)'),
    title: nonEmpty,
    // A source's public page. A synthesis has none of its own: it is cited by its knowledge page.
    url: z.httpUrl('must be an http(s) URL').optional(),
    publisher: nonEmpty,
    author: nonEmpty.optional(),
    // When the source itself was published; omitted for undated documentation.
    published: publishedDate.optional(),
    // When an undated or continuously updated page was last read (never shown as a publication date).
    retrieved: publishedDate.optional(),
    // A one- or two-sentence answer-first takeaway that Archie may lead an answer with.
    takeaway: nonEmpty.optional(),
    // Notes on how the document was checked. Kept out of KnowledgeDoc, so it is never indexed or shown.
    provenance: z.string().optional(),
    status: z.enum(['confirmed', 'secondary', 'unconfirmed']),
    kind: z.enum(['source', 'synthesis']),
    tags: z.array(nonEmpty).default([]),
    cites: z
      .array(nonEmpty)
      .nullish()
      .transform((v) => v ?? []),
  })
  .superRefine((data, ctx) => {
    if (data.published === undefined && data.retrieved === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['published'],
        message: 'is missing (give the publication date, or `retrieved` for undated documentation)',
      });
    }
    if (data.kind === 'synthesis' && data.cites.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['cites'], message: 'a synthesis document must cite its sources' });
    }
  });

// In the public knowledge base a source carries its public URL; a synthesis has none (its page is its address).
const publicSchema = frontMatterSchema.superRefine((data, ctx) => {
  if (data.kind === 'source' && data.url === undefined) {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'is missing (a source needs its public URL)' });
  }
  if (data.kind === 'synthesis' && data.url !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message:
        "must be left out for a synthesis: Archie's guidance is cited by its own page, and its sources by theirs",
    });
  }
});

// The organisation's documents may link to an intranet page (http://wiki/adr-12): any http(s) address.
const organisationSchema = frontMatterSchema.safeExtend({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) link (an internal address is fine)' }),
});

export interface ParseOptions {
  /** A document from KNOWLEDGE_DIRS: cited as the organisation's, may declare constraints. */
  organisation?: boolean;
}

/** Parses `source` (the file's text); `file` is used for the id check and in error messages. */
export function parseKnowledgeDoc(source: string, file: string, options: ParseOptions = {}): KnowledgeDoc {
  const { doc, problems } = checkKnowledgeDoc(source, file, options);
  if (!doc) throw problemsError(problems);
  return doc;
}

/** Validates one document: the document when it is sound, else every problem found, each with its line. */
export function checkKnowledgeDoc(
  source: string,
  file: string,
  options: ParseOptions = {},
): { doc?: KnowledgeDoc; problems: DocProblem[] } {
  const name = basename(file);
  const problems: DocProblem[] = [];
  const report = (field: string, line: number, problem: string) =>
    problems.push({ file, line, field, message: `field "${field}" ${problem}` });
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object bypasses gray-matter's content cache, which would hide later edits.
    parsed = matter(source, {});
  } catch (cause) {
    // js-yaml counts lines from 0 inside the block, which starts on the line after the opening ---.
    const mark = (cause as { mark?: { line?: number }; reason?: string }).mark;
    const reason = (cause as { reason?: string }).reason;
    // An error at the end of the stream (an unclosed bracket) points at the closing ---.
    const line = Math.min((mark?.line ?? -1) + 2, bodyLine(source) - 1);
    report('front-matter', Math.max(line, 1), `is not valid YAML${reason ? ` (${reason})` : ''}`);
    return { problems };
  }
  if (Object.keys(parsed.data).length === 0) {
    report('front-matter', 1, 'is missing (start the file with a --- block)');
    return { problems };
  }
  const result = (options.organisation ? organisationSchema : publicSchema).safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || 'front-matter';
      const absent = issue.code === 'invalid_type' && parsed.data[String(issue.path[0])] === undefined;
      report(field, lineOfField(source, issue.path as (string | number)[]), absent ? 'is missing' : issue.message);
    }
  }
  const declared = readConstraints(parsed.data.constraints);
  if (parsed.data.constraints !== undefined && !options.organisation) {
    report(
      'constraints',
      lineOfField(source, ['constraints']),
      "belongs in your organisation's documents (a folder in KNOWLEDGE_DIRS), not in the public knowledge base",
    );
  } else {
    for (const p of declared.problems) report(p.path.join('.'), lineOfField(source, p.path), p.message);
  }
  const expectedId = name.replace(/\.md$/i, '');
  if (result.success && result.data.id !== expectedId) {
    report('id', lineOfField(source, ['id']), `is "${result.data.id}" but the file name says "${expectedId}"`);
  }
  const body = parsed.content.trim();
  if (body.length === 0) report('body', bodyLine(source), 'is empty (write the document below the --- block)');
  if (!result.success || problems.length > 0) return { problems };
  const data = result.data;
  const doc: KnowledgeDoc = {
    id: data.id,
    title: data.title.trim(),
    url: data.url ?? knowledgePagePath(data.id),
    publisher: data.publisher.trim(),
    ...(data.author ? { author: data.author.trim() } : {}),
    ...(data.published ? { published: data.published } : {}),
    ...(data.retrieved ? { retrieved: data.retrieved } : {}),
    ...(data.takeaway ? { takeaway: data.takeaway.trim() } : {}),
    status: data.status,
    kind: data.kind,
    tags: data.tags.map((t) => t.trim()),
    cites: data.cites.map((c) => c.trim()),
    body,
    file,
    ...(options.organisation ? { organisation: true } : {}),
    ...(declared.constraints ? { constraints: declared.constraints } : {}),
  };
  return { doc, problems };
}
