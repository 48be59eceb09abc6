/**
 * Resolves knowledge-document ids to citations {id, title, url}. The consultant passes a lookup built
 * from its KnowledgeBase; without one, the front-matter of `<repo>/knowledge/*.md` is read once, lazily,
 * so `assessProfile` stays a pure function of its inputs and the (static) knowledge directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citeDoc } from '../knowledge/cite.js';
import type { KnowledgeBase, KnowledgeDoc } from '../knowledge/knowledge.js';
import { parseKnowledgeDoc } from '../knowledge/parse-knowledge-doc.js';
import type { Citation } from './assessment.js';

export type CitationLookup = (id: string) => Citation | undefined;

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge', import.meta.url));
let builtIn: Map<string, Citation> | undefined;

/** Citations for every document in `dir` (an unreadable or malformed document is skipped). */
export function readCitationsFromDir(dir: string): Map<string, Citation> {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md');
  } catch {
    return new Map();
  }
  const docs = new Map<string, KnowledgeDoc>();
  for (const file of files.sort()) {
    try {
      const doc = parseKnowledgeDoc(readFileSync(join(dir, file), 'utf8'), join(dir, file));
      docs.set(doc.id, doc);
    } catch {
      // An unreadable document cannot be cited; the rest still can.
    }
  }
  return new Map([...docs.values()].map((doc) => [doc.id, citeDoc(doc, { docs })]));
}

/** The built-in lookup over `<repo>/knowledge` (loaded on first use). */
export const defaultCitationLookup: CitationLookup = (id) => {
  builtIn ??= readCitationsFromDir(KNOWLEDGE_DIR);
  return builtIn.get(id);
};

/** A lookup over a loaded knowledge base. */
export function citationLookupFrom(kb: Pick<KnowledgeBase, 'docs' | 'pageBase'>): CitationLookup {
  return (id) => {
    const doc = kb.docs.get(id);
    return doc ? citeDoc(doc, kb) : undefined;
  };
}

/** Citations for `ids` in order, de-duplicated; ids no lookup knows (or without a URL) are dropped. */
export function resolveCitations(ids: readonly string[], lookup?: CitationLookup): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    const c = lookup?.(id) ?? defaultCitationLookup(id);
    if (c?.url) out.push(c);
  }
  return out;
}
