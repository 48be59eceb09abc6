/**
 * The one way a knowledge document becomes a citation. The organisation's own documents carry a visible
 * mark in their title, so every channel, the ADR and `--json` tell them apart from public sources
 * without each renderer having to know, and a structured `organisation: true` for programs.
 */
import type { Citation } from '../assessment/assessment.js';
import type { KnowledgeDoc } from './knowledge.js';

/** Appended to the title of an organisation document wherever it is cited. */
export const ORGANISATION_MARK = '— your organisation';

export function citeDoc(doc: Pick<KnowledgeDoc, 'id' | 'title' | 'url' | 'organisation'>): Citation {
  return doc.organisation
    ? { id: doc.id, title: `${doc.title} ${ORGANISATION_MARK}`, url: doc.url, organisation: true }
    : { id: doc.id, title: doc.title, url: doc.url };
}
