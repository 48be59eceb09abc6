/**
 * Archie's knowledge base as web pages: `GET /knowledge` lists every document (and searches them with the
 * same retriever the answers use, `?q=`), `GET /knowledge/<id>` shows one document: title, publisher, date,
 * status, takeaway, summary and figures, and for a synthesis the sources it rests on with their public
 * URLs. A synthesis citation links here, so a reader always sees whose words they are reading. The
 * organisation's own documents (KNOWLEDGE_DIRS) are internal: they are never listed, found by the search,
 * linked or served here (their id answers 404 like any unknown one).
 */
import type { Express } from 'express';
import { Marked } from 'marked';
import { citeDoc, knowledgePagePath } from '../core/knowledge/cite.js';
import type { KnowledgeBase, KnowledgeDoc } from '../core/knowledge/knowledge.js';

export interface PageKit {
  page: (title: string, body: string) => string;
  escapeHtml: (text: string) => string;
  send: (res: import('express').Response, html: string, status?: number) => void;
}

const MAX_QUERY_CHARS = 200;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const STATUS_TEXT: Record<KnowledgeDoc['status'], string> = {
  confirmed: 'Confirmed: the facts were read in the source itself or a faithful copy of it.',
  secondary: 'Secondary: the facts come from reports about the source, not the source itself.',
  unconfirmed: 'Unconfirmed: treat this as a lead, not as evidence.',
};

/** "13 November 2025", "May 2023" or "2015" from the front-matter's date. */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? date;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

function dateLine(doc: KnowledgeDoc): string {
  if (doc.published) return `Published ${readableDate(doc.published)}`;
  return doc.retrieved ? `Undated documentation, last read ${readableDate(doc.retrieved)}` : 'Undated';
}

/** Mounts the two knowledge routes on `app`. */
export function mountKnowledgePages(app: Express, kb: KnowledgeBase, kit: PageKit): void {
  const { escapeHtml, page, send } = kit;
  // Document bodies are Markdown written for the knowledge base; raw HTML in them is shown as text.
  const markdown = new Marked({ renderer: { html: ({ text }) => escapeHtml(text) } });
  const published = new Map([...kb.docs].filter(([, doc]) => !doc.organisation));
  const docs = [...published.values()].sort((a, b) => a.title.localeCompare(b.title));
  const pageLink = (doc: KnowledgeDoc) =>
    `<a href="${escapeHtml(knowledgePagePath(doc.id))}">${escapeHtml(doc.title)}</a>`;
  const metaLine = (doc: KnowledgeDoc) =>
    escapeHtml(
      [doc.kind === 'synthesis' ? "Archie's synthesis" : doc.publisher, dateLine(doc), `status: ${doc.status}`].join(
        ' · ',
      ),
    );

  /** Body Markdown with "(see <id>)" cross-references turned into links to the cited documents' pages. */
  const renderBody = (doc: KnowledgeDoc) => {
    const linked = doc.body.replace(/\(see ([a-z0-9-]+(?:\s*(?:,|and|;)\s*[a-z0-9-]+)*)\)/g, (whole, list: string) => {
      const ids = list.split(/\s*(?:,|and|;)\s*/);
      if (!ids.every((id) => published.has(id))) return whole;
      return `(see ${ids.map((id) => `[${published.get(id)!.title.replace(/[[\]]/g, '')}](${knowledgePagePath(id)})`).join(', ')})`;
    });
    return markdown.parse(linked, { async: false });
  };

  app.get('/knowledge', async (req, res) => {
    const raw = typeof req.query.q === 'string' ? req.query.q : '';
    const query = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
    const form = `<form class="kb-search" role="search" action="/knowledge" method="get">
<label for="kb-q">Search the knowledge base</label>
<input id="kb-q" name="q" type="search" value="${escapeHtml(query)}" placeholder="e.g. GPU inference cold start">
<button type="submit">Search</button>
</form>`;
    let results = '';
    if (query) {
      const hits = await kb.retriever.search(query, { limit: 30 });
      const seen = new Set<string>();
      const items: string[] = [];
      for (const hit of hits) {
        const doc = published.get(hit.docId);
        if (!doc || seen.has(doc.id)) continue;
        seen.add(doc.id);
        const snippet = hit.text.length > 240 ? `${hit.text.slice(0, 240).replace(/\s+\S*$/, '')}…` : hit.text;
        items.push(`<li>${pageLink(doc)}<br><span class="meta">${metaLine(doc)}</span><br>${escapeHtml(snippet)}</li>`);
      }
      results =
        items.length > 0
          ? `<h2>${items.length} document${items.length === 1 ? '' : 's'} about “${escapeHtml(query)}”</h2>\n<ol class="kb-results">${items.join('\n')}</ol>`
          : `<h2>Nothing matches “${escapeHtml(query)}”</h2><p>Try other words, or browse the list below.</p>`;
    }
    const list = (kind: KnowledgeDoc['kind']) =>
      docs
        .filter((d) => d.kind === kind)
        .map((d) => `<li>${pageLink(d)}<br><span class="meta">${metaLine(d)}</span></li>`)
        .join('\n');
    const sources = docs.filter((d) => d.kind === 'source').length;
    const syntheses = docs.length - sources;
    send(
      res,
      page(
        query ? `Knowledge base: ${query}` : 'Knowledge base',
        `<h1>Knowledge base</h1>
<p class="lead">The ${sources} public sources and ${syntheses} syntheses Archie cites. A source summarises one public
page and links to it; a synthesis is Archie's own guidance, drawn from the sources it lists.</p>
${form}
${results}
<h2 id="syntheses">Archie's syntheses</h2>
<ul class="kb-list">${list('synthesis')}</ul>
<h2 id="sources">Sources</h2>
<ul class="kb-list">${list('source')}</ul>`,
      ),
    );
  });

  app.get('/knowledge/:id', (req, res) => {
    const doc = published.get(req.params.id);
    if (!doc) {
      send(
        res,
        page(
          'Not in the knowledge base',
          `<h1>Not in the knowledge base</h1><p>No document is called “${escapeHtml(req.params.id)}”. See the <a href="/knowledge">list of documents</a>.</p>`,
        ),
        404,
      );
      return;
    }
    const facts = [
      doc.kind === 'synthesis' ? "<li>Kind: Archie's synthesis (Archie's own guidance)</li>" : '<li>Kind: source</li>',
      `<li>Publisher: ${escapeHtml(doc.publisher)}</li>`,
      ...(doc.author ? [`<li>Author: ${escapeHtml(doc.author)}</li>`] : []),
      `<li>${escapeHtml(dateLine(doc))}</li>`,
      `<li>Status: ${escapeHtml(STATUS_TEXT[doc.status])}</li>`,
    ];
    const link =
      doc.kind === 'source'
        ? `<p class="source-link">Read the source: <a href="${escapeHtml(doc.url)}" rel="noopener noreferrer">${escapeHtml(doc.url)}</a></p>`
        : '';
    const basedOn = citeDoc(doc, kb).basedOn ?? [];
    const sources =
      doc.kind === 'synthesis'
        ? `<h2>Sources this synthesis rests on</h2>
<ul class="kb-list">${basedOn
            .map(
              (c) =>
                `<li><a href="${escapeHtml(knowledgePagePath(c.id))}">${escapeHtml(c.title)}</a><br><a class="public" href="${escapeHtml(c.url)}" rel="noopener noreferrer">${escapeHtml(c.url)}</a></li>`,
            )
            .join('\n')}</ul>`
        : '';
    send(
      res,
      page(
        doc.title,
        `<p class="crumbs"><a href="/knowledge">Knowledge base</a></p>
<h1>${escapeHtml(doc.title)}</h1>
${doc.takeaway ? `<p class="lead takeaway">${escapeHtml(doc.takeaway)}</p>` : ''}
<ul class="doc-facts">${facts.join('')}</ul>
${link}
<article class="doc-body">${renderBody(doc)}</article>
${sources}`,
      ),
    );
  });
}
