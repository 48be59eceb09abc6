/**
 * Markdown for a terminal: marked parses it, marked-terminal renders it (ADR 0042), and every line is
 * wrapped to the terminal's width with list items continuing under their text. Links are shown as text
 * ("title (url)"), never as escape sequences a terminal may not understand. Colour only when asked
 * (a TTY without NO_COLOR); otherwise plain text with no escape codes at all.
 */
import { stripVTControlCharacters, styleText } from 'node:util';
import { Marked, type Tokens } from 'marked';
import { markedTerminal } from 'marked-terminal';
import wrapAnsi from 'wrap-ansi';

export interface TerminalMarkdownOptions {
  /** Columns to wrap at (the terminal's width; 80 when unknown). */
  width: number;
  color: boolean;
}

export interface RenderOptions {
  /**
   * Print each link's URL after its text (default). Off where the same URLs are listed under Sources
   * right after, so a paragraph is not half addresses; a list item that is only a link (a source) still
   * shows its URL.
   */
  linkUrls?: boolean;
}

/** Renders Markdown for the terminal; the result has no blank lines around it and no trailing newline. */
export type TerminalMarkdown = (markdown: string, options?: RenderOptions) => string;

type Style = (text: string) => string;
const plain: Style = (text) => text;
const styled =
  (...formats: Parameters<typeof styleText>[0][]): Style =>
  (text) =>
    formats.reduce((out, format) => styleText(format, out), text);

/** The narrowest width we wrap to: below it, wrapping hurts more than long lines. */
const MIN_WIDTH = 30;
/** A list item that is only a link: `- [title](url)` or `1. [title](url)`. */
const LINK_ITEM = /^(\s*(?:[-*+]|\d+\.)\s+)\[([^\]\n]+)\]\((\S+)\)\s*$/gm;
/** A list marker (or indentation) that continuation lines line up under. */
const HANGING = /^(\s*(?:[*•-]|\d+\.)\s+|\s+)/;

export function createTerminalMarkdown(options: TerminalMarkdownOptions): TerminalMarkdown {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width) || 80);
  const style = (s: Style) => (options.color ? s : plain);
  const bold = style(styled('bold'));
  let linkUrls = true;
  const marked = new Marked(
    markedTerminal({
      width,
      reflowText: false,
      showSectionPrefix: false,
      emoji: false,
      tab: 2,
      heading: bold,
      firstHeading: style(styled('bold', 'underline')),
      strong: bold,
      em: style(styled('italic')),
      code: style(styled('yellow')),
      codespan: style(styled('yellow')),
      blockquote: style(styled('gray', 'italic')),
      del: style(styled('strikethrough')),
      link: style(styled('blue')),
      href: style(styled('underline')),
      html: plain,
      hr: plain,
      listitem: plain,
      paragraph: plain,
      table: plain,
      text: plain,
    }),
    {
      renderer: {
        // marked-terminal drops the inline formatting of tight list items (its issues #304 and #371).
        text(token: Tokens.Text | Tokens.Escape) {
          return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
        },
        // Links as readable text everywhere; the URL is kept so it can be copied.
        link(token: Tokens.Link) {
          const text = this.parser.parseInline(token.tokens);
          const href = style(styled('underline'))(token.href);
          if (stripVTControlCharacters(text) === token.href) return href;
          return linkUrls ? `${text} (${href})` : text;
        },
      },
    },
  );
  return (markdown, renderOptions = {}) => {
    linkUrls = renderOptions.linkUrls ?? true;
    const source = linkUrls ? markdown : markdown.replace(LINK_ITEM, '$1$2: <$3>');
    const rendered = (marked.parse(source, { async: false }) as string)
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\s+$/g, '');
    const lines = rendered.split('\n').map((line) => wrapLine(line.replace(/^(\s*)\* /, '$1• '), width));
    const out = lines.join('\n');
    return options.color ? out : stripVTControlCharacters(out);
  };
}

/** Wraps one rendered line to `width`, continuing under the text after its list marker or indent. */
function wrapLine(line: string, width: number): string {
  if (stripVTControlCharacters(line).length <= width) return line;
  // Indents and list markers are never styled, so the visible prefix is also the raw one.
  const found = HANGING.exec(line)?.[1] ?? '';
  const indent = found.length < width / 2 ? found : '';
  // Words longer than a line (URLs) stay whole, so they can still be copied.
  const wrapped = wrapAnsi(line.slice(indent.length), width - indent.length, { hard: false, trim: true });
  const pad = ' '.repeat(indent.length);
  return wrapped
    .split('\n')
    .map((part, i) => (i === 0 ? indent : pad) + part)
    .join('\n');
}
