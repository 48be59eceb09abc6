/** Parses one knowledge document (YAML front-matter + Markdown body) into a validated KnowledgeDoc. */
import { basename } from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { ArchieError } from '../errors.js';
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
    url: z.httpUrl('must be an http(s) URL'),
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

/** Parses `source` (the file's text); `file` is used for the id check and in error messages. */
export function parseKnowledgeDoc(source: string, file: string): KnowledgeDoc {
  const name = basename(file);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // A fresh options object bypasses gray-matter's content cache, which would hide later edits.
    parsed = matter(source, {});
  } catch (cause) {
    throw malformed(name, 'front-matter', 'is not valid YAML', cause);
  }
  if (Object.keys(parsed.data).length === 0) {
    throw malformed(name, 'front-matter', 'is missing (start the file with a --- block)');
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.join('.') || 'front-matter';
    throw malformed(name, field, issue.message, result.error);
  }
  const data = result.data;
  const expectedId = name.replace(/\.md$/i, '');
  if (data.id !== expectedId) {
    throw malformed(name, 'id', `is "${data.id}" but the file name says "${expectedId}"`);
  }
  const body = parsed.content.trim();
  if (body.length === 0) throw malformed(name, 'body', 'is empty');
  return {
    id: data.id,
    title: data.title.trim(),
    url: data.url,
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
  };
}

function malformed(file: string, field: string, problem: string, cause?: unknown): ArchieError {
  const message = `Knowledge document ${file}: field "${field}" ${problem}.`;
  return new ArchieError('knowledge_malformed', message, { cause, details: { file, field } });
}
