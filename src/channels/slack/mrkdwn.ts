/** Slack mrkdwn helpers: escaping user and model text, and source links. */
import type { Citation } from '../../core/assessment/assessment.js';
import { INLINE_SOURCES_PER_SYNTHESIS, linkableCitations } from '../../core/knowledge/cite.js';

/** Escapes the three characters Slack treats as control sequences in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A source link `<url|title>`; titles lose the characters that would break the link. */
export function sourceLink(citation: Citation): string {
  const title = citation.title.replace(/[|<>]/g, ' ').trim() || citation.url;
  if (!/^https?:\/\//.test(citation.url)) return escapeMrkdwn(title);
  return `<${citation.url.replace(/[|<>\s]/g, encodeURIComponent)}|${escapeMrkdwn(title)}>`;
}

/**
 * "Sources: <a|A> · <b|B>" for a list of citations, de-duplicated by url; a synthesis whose page has no
 * public address is replaced by the public sources it rests on.
 */
export function sourcesLine(citations: Citation[], label = 'Sources'): string | undefined {
  const unique = linkableCitations(citations);
  return unique.length > 0 ? `${label}: ${unique.map(sourceLink).join(' · ')}` : undefined;
}

/** " (<a|A>, <b|B>)" beside a sentence, or nothing; a synthesis without a public page shows a few of its sources. */
export function inlineSources(citations: Citation[]): string {
  const links = linkableCitations(citations, { sourcesPerSynthesis: INLINE_SOURCES_PER_SYNTHESIS });
  return links.length > 0 ? ` (${links.map(sourceLink).join(', ')})` : '';
}

/**
 * Converts the core's light Markdown (**bold**, [title](url), # headings, `code`) to Slack mrkdwn, escaping
 * everything else so user or model text can never inject mentions or links.
 */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, title: string, url: string) => `<${url}|${title}>`)
    .replace(/\*\*([^*\n]+)\*\*/g, '*$1*')
    .replace(/__([^_\n]+)__/g, '*$1*')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*');
}

/**
 * A Slack message's text as a person reads it: `<@U…>` mentions become `@name` (`names` maps user ids;
 * Archie's own mention is dropped), `<#C…|general>` becomes `#general`, links show their label or URL, and
 * the three escaped characters come back.
 */
export function readableText(text: string, names: ReadonlyMap<string, string>, botUserId?: string): string {
  return text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, label?: string) =>
      id === botUserId ? '' : (names.get(id) ?? (label ? `@${label}` : `@${id}`)),
    )
    .replace(/<#[CG][A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|([^>]*))?>/g, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** User ids mentioned in a Slack message's text (`<@U…>`). */
export function mentionedUsers(text: string): string[] {
  return [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].map((m) => m[1]!);
}
