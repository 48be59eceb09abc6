/**
 * Someone's own words repeated in a reply Archie posts under its name (the question it answers in a channel,
 * a schedule it could not read) must not turn into links: `[Your session expired, sign in](https://evil…)`
 * would otherwise show as a live link from Archie. Every link target and bare address becomes inline code,
 * which none of the renderers (Slack mrkdwn, Teams cards, the web page, the terminal) turns into a link; a
 * link's text stays as plain words beside it. A credential in the words is removed first: a slash
 * command is private until Archie repeats it in the channel.
 */
import { redactSecrets } from '../redact-secrets.js';

/** A Markdown link `[text](target)`, or a bare address (scheme://… or www.…). */
const LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)|\b[a-z][a-z0-9+.-]*:\/\/[^\s<>]+|\bwww\.[^\s<>]+/gi;

const code = (text: string) => `\`${text}\``;

export function quoteUserText(text: string): string {
  // Backticks go first: a code span the person opened could otherwise pair with ours and free an address.
  return redactSecrets(text)
    .replace(/`/g, "'")
    .replace(LINK, (whole, label: string | undefined, target: string | undefined) =>
      label !== undefined ? `${label.trim()} (${code(target ?? '')})` : code(whole),
    );
}
