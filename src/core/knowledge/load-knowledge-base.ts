/**
 * Loads `knowledge/*.md` once: parses and validates every document, chunks them into passages and builds
 * the lexical retriever. Loading the same directory again in one process reuses the first result.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchieError } from '../errors.js';
import { chunkDocument } from './chunk-document.js';
import type { KnowledgeBase, KnowledgeDoc } from './knowledge.js';
import { createLexicalRetriever } from './lexical-retriever.js';
import { parseKnowledgeDoc } from './parse-knowledge-doc.js';

/** `<repo>/knowledge`, found relative to this file so it works from any working directory. */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

const loaded = new Map<string, Promise<KnowledgeBase>>();

/** Loads (once per directory) and indexes the knowledge base; malformed documents raise an ArchieError. */
export function loadKnowledgeBase(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<KnowledgeBase> {
  const key = resolve(dir);
  let pending = loaded.get(key);
  if (!pending) {
    pending = buildKnowledgeBase(key);
    // A failed load is not cached: fixing the file and retrying must work.
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

/** Reads, validates and indexes a directory without the per-process cache. */
export async function buildKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const files = await listDocuments(dir);
  const docs = new Map<string, KnowledgeDoc>();
  for (const file of files) {
    const doc = parseKnowledgeDoc(await readFile(file, 'utf8'), file);
    const clash = docs.get(doc.id);
    if (clash) {
      throw new ArchieError(
        'knowledge_malformed',
        `Knowledge documents ${clash.file} and ${file} share the id "${doc.id}".`,
        {
          details: { file, field: 'id' },
        },
      );
    }
    docs.set(doc.id, doc);
  }
  for (const doc of docs.values()) {
    const unknown = doc.cites.filter((id) => !docs.has(id));
    if (unknown.length > 0) {
      throw new ArchieError(
        'knowledge_malformed',
        `Knowledge document ${doc.file}: field "cites" names unknown document(s): ${unknown.join(', ')}.`,
        { details: { file: doc.file, field: 'cites' } },
      );
    }
  }
  const passages = [...docs.values()].flatMap((doc) => chunkDocument(doc));
  return { docs, passages, retriever: createLexicalRetriever(passages) };
}

async function listDocuments(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (cause) {
    throw new ArchieError('knowledge_missing', `The knowledge base folder ${dir} could not be read.`, { cause });
  }
  const files = names
    .filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
    .sort()
    .map((name) => join(dir, name));
  if (files.length === 0) {
    throw new ArchieError('knowledge_missing', `The knowledge base folder ${dir} has no documents (*.md).`);
  }
  return files;
}
