// Minimal, safe Markdown: paragraphs, line breaks, bullet and numbered lists, headings as bold lines,
// **bold**, *italic*, `code` and [links](https://…). Builds DOM nodes with textContent only: user and
// model text can never become HTML.

const INLINE =
  /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

/** An http(s) or mailto URL, or undefined for anything else (javascript:, data:, relative…). */
export function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link that opens in a new tab without giving the new page a handle on this one. */
export function externalLink(text, href) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Appends `text` with inline formatting to `parent`. */
export function appendInline(parent, text) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parent.append(text.slice(last, match.index));
    const [whole, bold, code, linkText, linkUrl, italic, bare] = match;
    if (bold !== undefined) {
      const strong = document.createElement('strong');
      appendInline(strong, bold);
      parent.append(strong);
    } else if (code !== undefined) {
      const el = document.createElement('code');
      el.textContent = code;
      parent.append(el);
    } else if (linkText !== undefined) {
      const href = safeUrl(linkUrl);
      parent.append(href ? externalLink(linkText, href) : whole);
    } else if (italic !== undefined) {
      const em = document.createElement('em');
      em.textContent = italic;
      parent.append(em);
    } else if (bare !== undefined) {
      const href = safeUrl(bare);
      parent.append(href ? externalLink(bare, href) : bare);
    }
    last = match.index + whole.length;
  }
  if (last < text.length) parent.append(text.slice(last));
  return parent;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const HEADING = /^\s*#{1,6}\s+(.*)$/;

/** Renders Markdown-ish text into a fragment of safe DOM nodes. */
export function renderMarkdown(text) {
  const fragment = document.createDocumentFragment();
  const lines = String(text ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let paragraph;
  let list;
  const close = () => {
    paragraph = undefined;
    list = undefined;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      close();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? undefined : NUMBERED.exec(line);
    if (bullet || numbered) {
      const tag = bullet ? 'UL' : 'OL';
      if (!list || list.tagName !== tag) {
        list = document.createElement(tag);
        fragment.append(list);
      }
      paragraph = undefined;
      const li = document.createElement('li');
      appendInline(li, (bullet ?? numbered)[1]);
      list.append(li);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      const p = document.createElement('p');
      const strong = document.createElement('strong');
      appendInline(strong, heading[1]);
      p.append(strong);
      fragment.append(p);
      continue;
    }
    if (list && /^\s{2,}\S/.test(line)) {
      // An indented continuation of the last list item.
      const item = list.lastElementChild;
      item.append(' ');
      appendInline(item, line.trim());
      continue;
    }
    list = undefined;
    if (paragraph) paragraph.append(document.createElement('br'));
    else {
      paragraph = document.createElement('p');
      fragment.append(paragraph);
    }
    appendInline(paragraph, line);
  }
  return fragment;
}
