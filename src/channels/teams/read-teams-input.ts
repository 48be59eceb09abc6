/**
 * What the user said in a Teams activity: typed text (with the @mention already stripped), an
 * Action.Submit button (`value.archie`), or an Action.Execute invoke (`value.action.data.archie`).
 */
import type { Activity } from '@microsoft/agents-activity';
import type { UserInput } from '../../core/message.js';
import { SUBMIT_KEY } from './adaptive-card.js';
import { readCheckinForm } from './checkin-card.js';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export function conversationKind(activity: Activity): ConversationKind {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  if (type === 'personal') return 'personal';
  return activity.conversation?.isGroup ? 'groupChat' : 'personal';
}

/** True when the message @mentions the bot (Teams only delivers group messages that do, but be sure). */
export function mentionsBot(activity: Activity): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type?.toLowerCase() === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

/** The button value and label from an Action.Submit or Action.Execute payload. */
export function readCardValue(value: unknown): { value: string; label?: string } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const data = (v.action as { data?: unknown } | undefined)?.data ?? v;
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Record<string, unknown>;
  const choice = d[SUBMIT_KEY];
  if (typeof choice !== 'string' || choice.length === 0) return undefined;
  return { value: choice, ...(typeof d.label === 'string' ? { label: d.label } : {}) };
}

/** Text with any leftover `<at>…</at>` mention markup and HTML entities cleaned up. */
export function cleanText(text: string | undefined): string {
  return decodeEntities((text ?? '').replace(/<at>[^<]*<\/at>/gi, '')).trim();
}

/** The HTML entities Teams puts in message text (named ones it uses, and numeric ones). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * A Graph chatMessage body (HTML) as the words people read: paragraphs and line breaks kept, tags dropped,
 * `<at id="n">` mentions shown as "@Name" except those `isBot` says name an app (Archie among them).
 */
export function messageHtmlToText(html: string, isBot: (mentionId: number) => boolean): string {
  return decodeEntities(
    html
      .replace(/<at id="(\d+)">([^<]*)<\/at>/gi, (_m, id: string, name: string) =>
        isBot(Number(id)) ? '' : `@${name}`,
      )
      .replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** The user's input in a message activity, or undefined when there is nothing to answer. */
export function readMessageInput(activity: Activity): UserInput | undefined {
  const form = readCheckinForm(activity.value);
  if (form) return { type: 'text', text: form };
  const card = readCardValue(activity.value);
  if (card) return { type: 'choice', value: card.value, ...(card.label ? { label: card.label } : {}) };
  const text = cleanText(activity.text);
  return text ? { type: 'text', text } : undefined;
}
