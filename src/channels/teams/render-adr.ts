/**
 * Renders an exported ADR. Bots cannot attach arbitrary files in Teams chats and channels without
 * OneDrive file-consent, so the ADR arrives as Markdown text under its file name, ready to paste.
 */
import type { OutMessage } from '../../core/message.js';
import { splitText } from './split-text.js';
import type { TeamsActivity } from './teams-activity.js';

type AdrMessage = Extract<OutMessage, { type: 'adr' }>;

export function renderAdr(message: AdrMessage): TeamsActivity[] {
  const header = `**${message.title}** — save as \`${message.filename}\`\n\n`;
  return splitText(`${header}${message.markdown}`).map((text) => ({ type: 'message', text, textFormat: 'markdown' }));
}
