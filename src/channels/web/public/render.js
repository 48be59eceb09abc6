// Turns transcript lines ({ from, text } or { from, message: OutMessage }) into DOM. Text from users and
// models only ever reaches the page through textContent or the safe Markdown renderer.

import { renderFactorChart } from './chart.js';
import { appendInline, externalLink, renderMarkdown, safeUrl } from './markdown.js';

const EXPORT = 'cmd:export';
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Feedback buttons: words beside a drawn thumb, so they read the same without an emoji font. */
export const FEEDBACK = {
  'feedback:up': {
    text: 'Helpful',
    emoji: '👍',
    path: 'M7 10v11H3V10zM7 10l4-8a3 3 0 0 1 3 3v4h5.5a2 2 0 0 1 2 2.3l-1.3 8A2 2 0 0 1 18.2 21H7',
  },
  'feedback:down': {
    text: 'Not helpful',
    emoji: '👎',
    path: 'M17 14V3h4v11zM17 14l-4 8a3 3 0 0 1-3-3v-4H4.5a2 2 0 0 1-2-2.3l1.3-8A2 2 0 0 1 5.8 3H17',
  },
};

function thumb(path) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG_NS, 'path');
  shape.setAttribute('d', path);
  svg.append(shape);
  return svg;
}

/** A user line that was a feedback button press, shown as the button showed it. */
function feedbackFor(text) {
  return Object.values(FEEDBACK).find((f) => f.emoji === text);
}

function h(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function humanize(key) {
  const words = String(key)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A citation's address: a public URL, or an Archie synthesis's page on this server (/knowledge/<id>). */
function citationHref(citation) {
  const url = String(citation?.url ?? '');
  return /^\/knowledge\/[a-z0-9-]+$/.test(url) ? url : safeUrl(url);
}

/** Small source links after a sentence: "[1] Title". */
function citationLinks(citations) {
  const span = h('span', 'cites');
  for (const citation of citations ?? []) {
    const href = citationHref(citation);
    if (!href) continue;
    span.append(' ', externalLink(citation.title, href));
  }
  return span;
}

function sourcesList(citations, heading = 'Sources') {
  const usable = (citations ?? []).filter((c) => citationHref(c));
  if (usable.length === 0) return undefined;
  const wrap = h('div', 'sources');
  wrap.append(h('p', 'sources-title', heading));
  const list = h('ul');
  for (const c of usable) {
    const li = h('li');
    li.append(externalLink(c.title, citationHref(c)));
    list.append(li);
  }
  wrap.append(list);
  return wrap;
}

function generatedBadge() {
  const badge = h('span', 'badge', 'AI generated');
  badge.title = 'Written by a language model from the engine’s verdict and the cited sources';
  return badge;
}

/** One button: a starter example shows the text it sends; feedback shows words beside its icon. */
function replyButton(reply, { examples = {}, onChoice }) {
  const example = examples[reply.value];
  const feedback = FEEDBACK[reply.value];
  let button;
  if (example) {
    button = h('button', 'button starter');
    button.append(h('span', 'starter-label', reply.label), h('span', 'starter-text', example));
  } else if (feedback) {
    button = h('button', 'button chip feedback');
    button.append(thumb(feedback.path), h('span', undefined, feedback.text));
    button.setAttribute('aria-pressed', 'false');
    button.title = feedback.text;
  } else {
    button = h('button', reply.value === EXPORT ? 'button primary' : 'button chip', reply.label);
  }
  button.type = 'button';
  button.dataset.value = reply.value;
  button.addEventListener('click', () => onChoice(reply.value, reply.label, button));
  return button;
}

/** A row of buttons whose values go back to Archie as choices. */
function quickReplies(replies, handlers, className = 'quick-replies') {
  const starters = replies.length > 0 && replies.every((reply) => handlers.examples?.[reply.value]);
  const group = h('div', starters ? `${className} starters` : className);
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', starters ? 'Start from an example' : 'Suggested replies');
  for (const reply of replies) group.append(replyButton(reply, handlers));
  return group;
}

function section(title, className) {
  const s = h('section', `card-section ${className ?? ''}`.trim());
  s.append(h('h3', undefined, title));
  return s;
}

function renderQuestion(message, body, handlers) {
  const { done, total } = message.progress ?? { done: 0, total: 0 };
  if (total > 0) {
    const progress = h('div', 'progress');
    const current = Math.min(done + 1, total);
    progress.append(h('span', 'progress-label', `Question ${current} of ${total}`));
    const track = h('span', 'progress-track');
    track.setAttribute('aria-hidden', 'true');
    const fill = h('span', 'progress-fill');
    fill.style.width = `${Math.round((current / total) * 100)}%`;
    track.append(fill);
    progress.append(track);
    body.append(progress);
  }
  body.append(renderMarkdown(message.text));
  if (message.why) {
    const why = h('details', 'why');
    why.append(h('summary', undefined, 'Why this question?'));
    why.append(renderMarkdown(message.why));
    body.append(why);
  }
  if (message.quickReplies?.length) body.append(quickReplies(message.quickReplies, handlers));
}

function renderRecommendation(message, body, handlers) {
  const { labels } = handlers;
  const a = message.assessment;
  const label = labels[a.verdict] ?? a.verdict;
  // "Hybrid: monolith core plus…" → "Hybrid" where space is short (chart legend and titles).
  const shortLabel = label.split(':')[0];
  body.classList.add('card');

  const head = h('div', 'card-head');
  const title = h('div');
  title.append(h('p', 'eyebrow', 'Recommendation'));
  title.append(h('h2', 'verdict', label));
  head.append(title);
  const confidence = Math.round(Number(a.confidence) * 100);
  const conf = h('div', 'confidence');
  conf.append(h('span', 'confidence-value', `${confidence}%`), h('span', 'confidence-label', 'confidence'));
  const meter = h('span', 'confidence-track');
  meter.setAttribute('role', 'meter');
  meter.setAttribute('aria-valuemin', '0');
  meter.setAttribute('aria-valuemax', '100');
  meter.setAttribute('aria-valuenow', String(confidence));
  meter.setAttribute('aria-label', 'Confidence');
  const fill = h('span', 'confidence-fill');
  fill.style.width = `${confidence}%`;
  meter.append(fill);
  conf.append(meter);
  head.append(conf);
  body.append(head);
  if (message.generated) body.append(generatedBadge());

  const summary = h('div', 'summary');
  summary.append(renderMarkdown(message.summary));
  body.append(summary);

  if (a.extractedServices?.length) {
    const s = section('Services worth extracting', 'services');
    const list = h('ul', 'tags');
    for (const service of a.extractedServices) list.append(h('li', 'tag', service));
    s.append(list);
    body.append(s);
  }

  if (a.reasons?.length) {
    const s = section('Why');
    const list = h('ul');
    for (const reason of a.reasons) {
      const li = h('li');
      appendInline(li, reason.text);
      li.append(citationLinks(reason.citations));
      list.append(li);
    }
    s.append(list);
    body.append(s);
  }

  const narrow = window.matchMedia('(max-width: 600px)').matches;
  const chart = renderFactorChart(a, shortLabel, { narrow });
  if (chart) {
    const s = section('What pushed the verdict', 'factors');
    const legend = h('p', 'legend');
    legend.append(h('span', 'key positive', `Toward ${shortLabel}`), h('span', 'key negative', 'Away from it'));
    s.append(legend, chart);
    body.append(s);
  }

  if (a.risks?.length) {
    const s = section('Risks and mitigations');
    const list = h('ul', 'risks');
    for (const risk of a.risks) {
      const li = h('li');
      const r = h('p', 'risk');
      appendInline(r, risk.risk);
      const m = h('p', 'mitigation');
      m.append(h('span', 'mitigation-label', 'Mitigation: '));
      appendInline(m, risk.mitigation);
      m.append(citationLinks(risk.citations));
      li.append(r, m);
      list.append(li);
    }
    s.append(list);
    body.append(s);
  }

  if (a.nextSteps?.length) {
    const s = section('Next steps');
    const list = h('ol');
    for (const step of a.nextSteps) list.append(appendInline(h('li'), step));
    s.append(list);
    body.append(s);
  }

  if (a.changeTriggers?.length) {
    const s = section('What would change it');
    const list = h('ul');
    for (const trigger of a.changeTriggers) {
      const li = h('li');
      appendInline(li, trigger.condition);
      li.append(' → ', h('strong', undefined, labels[trigger.wouldMoveTo] ?? trigger.wouldMoveTo));
      list.append(li);
    }
    s.append(list);
    body.append(s);
  }

  if (a.runnerUp) {
    const s = section('Runner-up');
    const p = h('p');
    p.append(h('strong', undefined, labels[a.runnerUp.verdict] ?? a.runnerUp.verdict), ': ');
    appendInline(p, a.runnerUp.why);
    s.append(p);
    body.append(s);
  }

  if (a.assumptions?.length) {
    const s = section('Assumptions', 'assumptions');
    const list = h('ul');
    for (const assumption of a.assumptions) {
      const li = h('li');
      li.append(h('span', 'fact', `${assumption.label ?? humanize(assumption.fact)}: `));
      appendInline(li, assumption.assumed);
      list.append(li);
    }
    s.append(list);
    body.append(s);
  }

  const sources = sourcesList(a.citations);
  if (sources) body.append(sources);

  const actions = [...(message.actions ?? [])];
  if (!actions.some((action) => action.value === EXPORT)) actions.unshift({ label: 'Export ADR', value: EXPORT });
  body.append(quickReplies(actions, handlers, 'actions'));
}

function renderAdr(message, body, { onDownload }) {
  body.classList.add('card', 'adr');
  body.append(h('p', 'eyebrow', 'Architecture decision record'));
  body.append(h('h2', 'adr-title', message.title));
  const row = h('div', 'adr-row');
  row.append(h('code', 'filename', message.filename));
  const button = h('button', 'button primary', 'Download ADR');
  button.type = 'button';
  button.addEventListener('click', () => onDownload(message));
  row.append(button);
  body.append(row);
  const preview = h('details', 'adr-preview');
  preview.append(h('summary', undefined, 'Preview the Markdown'));
  preview.append(h('pre', undefined, message.markdown));
  body.append(preview);
}

/** One transcript line as an <article>. */
export function renderLine(line, handlers) {
  const article = h('article', `msg from-${line.from}`);
  article.dataset.seq = String(line.seq);
  const who = h('p', 'visually-hidden', line.from === 'user' ? 'You said:' : 'Archie said:');
  article.append(who);
  const body = h('div', 'bubble');
  article.append(body);
  if (line.from === 'user') {
    const feedback = feedbackFor(line.text);
    if (feedback) body.append(thumb(feedback.path), ` ${feedback.text}`);
    else body.textContent = line.text;
    return article;
  }
  const message = line.message ?? { type: 'text', text: '' };
  article.dataset.type = message.type;
  if (message.type === 'question') renderQuestion(message, body, handlers);
  else if (message.type === 'recommendation') renderRecommendation(message, body, handlers);
  else if (message.type === 'adr') renderAdr(message, body, handlers);
  else {
    if (message.generated) body.append(generatedBadge());
    body.append(renderMarkdown(message.text));
    const sources = sourcesList(message.citations);
    if (sources) body.append(sources);
    if (message.quickReplies?.length) body.append(quickReplies(message.quickReplies, handlers));
  }
  return article;
}

/** A turn that failed, said in the conversation (role=alert, so screen readers announce it). */
export function renderNotice(text) {
  const article = h('article', 'msg from-archie notice');
  article.setAttribute('role', 'alert');
  article.append(h('p', 'visually-hidden', 'Archie said:'));
  article.append(h('div', 'bubble', text));
  return article;
}
