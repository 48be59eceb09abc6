/**
 * Loads `knowledge/*.md` (and the organisation's folders from KNOWLEDGE_DIRS) once: parses and validates
 * every document, chunks them into passages and builds one lexical retriever over both, so a search finds
 * public and organisation documents alike. Loading the same folders again in one process reuses the
 * first result.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchieError } from '../errors.js';
import { chunkDocument } from './chunk-document.js';
import { type DocProblem, lineOfField, problemsError } from './document-problems.js';
import type { KnowledgeBase, KnowledgeDoc } from './knowledge.js';
import { createLexicalRetriever } from './lexical-retriever.js';
import { checkKnowledgeDoc } from './parse-knowledge-doc.js';

/** `<repo>/knowledge`, found relative to this file so it works from any working directory. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

const loaded = new Map<string, Promise<KnowledgeBase>>();

/**
 * Loads (once per set of folders) and indexes the knowledge base: `dir` holds the public documents,
 * `organisationDirs` the organisation's own. Any problem in any document raises one ArchieError listing
 * every problem as `file:line: what to fix`.
 */
export function loadKnowledgeBase(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  organisationDirs: readonly string[] = [],
): Promise<KnowledgeBase> {
  const key = [dir, ...organisationDirs].map((d) => resolve(d)).join('\n');
  let pending = loaded.get(key);
  if (!pending) {
    pending = buildKnowledgeBase(dir, organisationDirs);
    // A failed load is not cached: fixing the file and retrying must work.
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

/** The knowledge base with the public origin its pages are served at (from PUBLIC_URL), if any. */
export function withPageBase(kb: KnowledgeBase, publicUrl: string | undefined): KnowledgeBase {
  return publicUrl ? { ...kb, pageBase: new URL(publicUrl).origin } : kb;
}

/** Reads, validates and indexes the folders without the per-process cache. */
export async function buildKnowledgeBase(
  dir: string,
  organisationDirs: readonly string[] = [],
): Promise<KnowledgeBase> {
  const { docs, problems } = await readKnowledge(dir, organisationDirs);
  if (problems.length > 0) throw problemsError(problems);
  const passages = [...docs.values()].flatMap((doc) => chunkDocument(doc));
  return { docs, passages, retriever: createLexicalRetriever(passages) };
}

export interface KnowledgeCheck {
  /** Documents read, public and the organisation's. */
  documents: number;
  organisationDocuments: number;
  problems: DocProblem[];
}

/** Validates every document in the folders and reports all problems (for `archie kb check`). */
export async function checkKnowledgeBase(
  dir: string = DEFAULT_KNOWLEDGE_DIR,
  organisationDirs: readonly string[] = [],
): Promise<KnowledgeCheck> {
  const { files, problems } = await readKnowledge(dir, organisationDirs);
  return {
    documents: files.length,
    organisationDocuments: files.filter((f) => f.organisation).length,
    problems,
  };
}

interface DocFile {
  file: string;
  organisation: boolean;
  source: string;
}

async function readKnowledge(dir: string, organisationDirs: readonly string[]) {
  const files: DocFile[] = [];
  for (const file of await listDocuments(dir, false)) {
    files.push({ file, organisation: false, source: await readFile(file, 'utf8') });
  }
  for (const orgDir of organisationDirs) {
    for (const file of await listDocuments(orgDir, true)) {
      files.push({ file, organisation: true, source: await readFile(file, 'utf8') });
    }
  }
  const problems: DocProblem[] = [];
  const docs = new Map<string, KnowledgeDoc>();
  const sources = new Map<string, string>();
  for (const { file, organisation, source } of files) {
    const checked = checkKnowledgeDoc(source, file, { organisation });
    problems.push(...checked.problems);
    const doc = checked.doc;
    if (!doc) continue;
    const clash = docs.get(doc.id);
    if (clash) {
      problems.push({
        file,
        line: lineOfField(source, ['id']),
        field: 'id',
        message: `field "id" "${doc.id}" is already used by ${clash.file}: give each document its own id (and file name)`,
      });
      continue;
    }
    docs.set(doc.id, doc);
    sources.set(doc.id, source);
  }
  for (const doc of docs.values()) {
    const unknown = doc.cites.filter((id) => !docs.has(id));
    if (unknown.length > 0) {
      problems.push({
        file: doc.file,
        line: lineOfField(sources.get(doc.id)!, ['cites']),
        field: 'cites',
        message: `field "cites" names unknown document(s): ${unknown.join(', ')}`,
      });
    }
  }
  problems.push(...conflictingConstraints(docs, sources));
  return { docs, files, problems };
}

/** Two organisation documents that set the same constraint to different values cannot both be honoured. */
function conflictingConstraints(
  docs: ReadonlyMap<string, KnowledgeDoc>,
  sources: ReadonlyMap<string, string>,
): DocProblem[] {
  const problems: DocProblem[] = [];
  const first = new Map<string, { doc: KnowledgeDoc; value: unknown }>();
  for (const doc of docs.values()) {
    for (const [key, value] of Object.entries(doc.constraints ?? {})) {
      if (key === 'reason') continue;
      const earlier = first.get(key);
      if (!earlier) first.set(key, { doc, value });
      else if (earlier.value !== value) {
        const field = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
        problems.push({
          file: doc.file,
          line: lineOfField(sources.get(doc.id)!, ['constraints', field]),
          field: `constraints.${field}`,
          message: `field "constraints.${field}" is ${JSON.stringify(value)} but ${earlier.doc.file} says ${JSON.stringify(earlier.value)}: keep one`,
        });
      }
    }
  }
  return problems;
}

async function listDocuments(dir: string, organisation: boolean): Promise<string[]> {
  const what = organisation ? 'The organisation knowledge folder' : 'The knowledge base folder';
  const hint = organisation ? ' (check KNOWLEDGE_DIRS)' : '';
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    throw new ArchieError('knowledge_missing', `${what} ${dir} could not be read${hint}.`, { cause });
  }
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0) {
    throw new ArchieError('knowledge_missing', `${what} ${dir} has no documents (*.md)${hint}.`);
  }
  return files;
}
