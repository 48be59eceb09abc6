/**
 * Resolves knowledge-document ids to citations {id, title, url}. The consultant passes a lookup built
 * from its KnowledgeBase; without one, the front-matter of `<repo>/knowledge/*.md` is read once, lazily,
 * so `assessProfile` stays a pure function of its inputs and the (static) knowledge directory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citeDoc } from '../knowledge/cite-doc.js';
import type { KnowledgeBase } from '../knowledge/knowledge.js';
import type { Citation } from './assessment.js';

export type CitationLookup = (id: string) => Citation | undefined;

const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge', import.meta.url));
let builtIn: Map<string, Citation> | undefined;

const unquote = (s: string) => s.trim().replace(/^(['"])(.*)\1$/, '$2');

/** Reads id/title/url from the YAML front-matter of every document in `dir` (errors → skipped file). */
export function readCitationsFromDir(dir: string): Map<string, Citation> {
  const out = new Map<string, Citation>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  } catch {
    return out;
  }
  for (const file of files.sort()) {
    try {
      const text = readFileSync(join(dir, file), 'utf8');
      const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
      if (!fm) continue;
      const field = (name: string) => {
        const m = new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(fm);
        return m ? unquote(m[1]!) : undefined;
      };
      const id = field('id');
      const title = field('title');
      const url = field('url');
      if (id && title && url) out.set(id, { id, title, url });
    } catch {
      // An unreadable document cannot be cited; the rest still can.
    }
  }
  return out;
}

/** The built-in lookup over `<repo>/knowledge` (loaded on first use). */
export const defaultCitationLookup: CitationLookup = (id) => {
  builtIn ??= readCitationsFromDir(KNOWLEDGE_DIR);
  return builtIn.get(id);
};

/** A lookup over a loaded knowledge base. */
export function citationLookupFrom(kb: Pick<KnowledgeBase, 'docs'>): CitationLookup {
  return (id) => {
    const doc = kb.docs.get(id);
    return doc ? citeDoc(doc) : undefined;
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
    if (c?.url) out.push({ id: c.id, title: c.title, url: c.url, ...(c.organisation ? { organisation: true } : {}) });
  }
  return out;
}
