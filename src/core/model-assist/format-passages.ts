/** Labels retrieved passages [p1]…[pN] for a prompt, and maps labels back to passages and citations. */
import type { Citation } from '../assessment/assessment.js';
import { citeDoc } from '../knowledge/cite.js';
import type { KnowledgeBase, Passage } from '../knowledge/knowledge.js';
import { normaliseUrl } from './guard-output.js';

export interface LabelledPassages {
  byLabel: Map<string, Passage>;
  /** The prompt block. */
  text: string;
}

/** Gives each passage a short label and renders the block the prompt shows (text clipped per passage). */
export function labelPassages(passages: readonly Passage[], maxCharsEach = 900): LabelledPassages {
  const byLabel = new Map<string, Passage>();
  const blocks = passages.map((p, i) => {
    const label = `p${i + 1}`;
    byLabel.set(label, p);
    const body = p.text.length > maxCharsEach ? `${p.text.slice(0, maxCharsEach)}…` : p.text;
    return `[${label}] ${p.title}${p.heading ? ` — ${p.heading}` : ''} (${p.url})\n${body}`;
  });
  return { byLabel, text: blocks.join('\n\n') || '(none)' };
}

/** Every URL the knowledge base contains, normalised. */
export function knowledgeUrls(kb: KnowledgeBase): Set<string> {
  return new Set([...kb.docs.values()].map((d) => normaliseUrl(d.url)));
}

/** The citation (document) behind a passage. */
export function citationOf(kb: KnowledgeBase, passage: Passage): Citation {
  const doc = kb.docs.get(passage.docId);
  return doc ? citeDoc(doc, kb) : { id: passage.docId, title: passage.title, url: passage.url };
}

/**
 * Rewrites each [pN] / [pN, pM] reference the model wrote with `name(passage)`, once per name; labels we
 * did not supply are dropped, and so is a reference left empty.
 */
export function relabelPassages(
  text: string,
  byLabel: ReadonlyMap<string, Passage>,
  name: (passage: Passage) => string,
): string {
  return text.replace(/\[\s*(p\d+(?:\s*,\s*p\d+)*)\s*\]/gi, (_m, inner: string) => {
    const names = inner.split(',').flatMap((l) => {
      const p = byLabel.get(l.trim().toLowerCase());
      return p ? [name(p)] : [];
    });
    return names.length ? `[${[...new Set(names)].join(', ')}]` : '';
  });
}
