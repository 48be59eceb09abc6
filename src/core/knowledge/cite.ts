/**
 * How a knowledge document is cited. A source is cited by its public URL. A synthesis is Archie's own
 * guidance, so it is cited by its own page, `/knowledge/<id>` (absolute when the knowledge base knows the
 * public address), and carries the public sources it rests on. A channel that cannot link the page (no
 * public address: Slack, Teams, the terminal, an ADR) lists those sources instead, so no third-party URL
 * ever appears under an Archie title. The organisation's own documents (KNOWLEDGE_DIRS) are cited by their
 * own (often internal) link with a visible mark in the title, so every channel, the ADR and `--json` tell
 * them apart from public sources, and a structured `organisation: true` for programs. They have no public
 * page: the knowledge pages never list or serve them.
 */
import type { Citation } from '../assessment/assessment.js';
import type { KnowledgeBase, KnowledgeDoc } from './knowledge.js';

/** Appended to the title of an organisation document wherever it is cited. */
export const ORGANISATION_MARK = '— your organisation';

/** The site-relative path of a document's page. */
export function knowledgePagePath(id: string): string {
  return `/knowledge/${encodeURIComponent(id)}`;
}

/** True for a URL a reader can open from anywhere (http or https). */
export function isPublicUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** The citation for `doc`: a source's public URL, or a synthesis's own page plus the sources it rests on. */
export function citeDoc(doc: KnowledgeDoc, kb: Pick<KnowledgeBase, 'docs' | 'pageBase'>): Citation {
  if (doc.organisation) {
    return { id: doc.id, title: `${doc.title} ${ORGANISATION_MARK}`, url: doc.url, organisation: true };
  }
  if (doc.kind !== 'synthesis') return { id: doc.id, title: doc.title, url: doc.url };
  const path = knowledgePagePath(doc.id);
  const basedOn = doc.cites.flatMap((id) => {
    const cited = kb.docs.get(id);
    return cited && cited.kind === 'source' && !cited.organisation && isPublicUrl(cited.url)
      ? [{ id: cited.id, title: cited.title, url: cited.url }]
      : [];
  });
  return { id: doc.id, title: doc.title, url: kb.pageBase ? new URL(path, kb.pageBase).href : path, basedOn };
}

/**
 * The citations a channel without a page address can link: each citation with a public URL as it is, and
 * in place of a synthesis whose page has no public address, the public sources it rests on. De-duplicated
 * by URL, in order.
 */
export function linkableCitations(
  citations: readonly Citation[],
  options: { sourcesPerSynthesis?: number } = {},
): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  const add = (c: Citation) => {
    if (!isPublicUrl(c.url) || seen.has(c.url)) return;
    seen.add(c.url);
    out.push({ id: c.id, title: c.title, url: c.url, ...(c.organisation ? { organisation: true as const } : {}) });
  };
  for (const c of citations) {
    if (isPublicUrl(c.url)) add(c);
    else for (const source of (c.basedOn ?? []).slice(0, options.sourcesPerSynthesis)) add(source);
  }
  return out;
}

/** How many of a synthesis's sources stand in for it beside a single sentence (all are listed at the end). */
export const INLINE_SOURCES_PER_SYNTHESIS = 3;

export interface CitationJson {
  id: string;
  title: string;
  /** A public address: a source's page, or a synthesis's own page when the public address is known. */
  url?: string;
  /** A synthesis's page on this server when no public address is configured. */
  page?: string;
  kind: 'source' | 'synthesis';
  /** The organisation's own document (KNOWLEDGE_DIRS), cited by its own link, never by a public page. */
  organisation?: true;
  /** For a synthesis: the public sources it rests on. */
  basedOn?: { id: string; title: string; url: string }[];
}

/** A citation for machine-readable output (`--json`): a synthesis never carries a third-party `url`. */
export function citationJson(c: Citation): CitationJson {
  if (c.organisation) return { id: c.id, title: c.title, url: c.url, kind: 'source', organisation: true };
  if (!c.basedOn) return { id: c.id, title: c.title, url: c.url, kind: 'source' };
  return {
    id: c.id,
    title: c.title,
    ...(isPublicUrl(c.url) ? { url: c.url } : { page: c.url }),
    kind: 'synthesis',
    basedOn: c.basedOn.map(({ id, title, url }) => ({ id, title, url })),
  };
}
