/** The ADR as code-block snippets: the fallback when Slack refuses the file upload. */
import type { OutMessage } from '../../core/message.js';
import { sections } from './block-builders.js';
import { packBlocks, type SlackMessage } from './slack-message.js';
import { splitText } from './split-text.js';

type AdrMessage = Extract<OutMessage, { type: 'adr' }>;

// 3,000 per section minus the two ``` fences and their newlines.
const SNIPPET_CHARS = 2_990;

export function renderAdrSnippet(message: AdrMessage): SlackMessage[] {
  const blocks = [
    ...sections(`*${message.title}* (\`${message.filename}\`)`),
    ...splitText(message.markdown.replace(/```/g, "'''"), SNIPPET_CHARS).flatMap((chunk) =>
      sections(`\`\`\`${chunk}\`\`\``),
    ),
  ];
  return packBlocks(blocks, message.title);
}
