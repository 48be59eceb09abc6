/**
 * What `archie chat` prints for each of Archie's messages. A recommendation is compact first (verdict,
 * confidence, the top reasons, what would change it) and fits a terminal screen; `more` prints the rest.
 * Option numbers come from a menu that keeps its numbers while a verdict stands (see `nextMenu`).
 */
import { type Assessment, VERDICT_LABELS } from '../../core/assessment/assessment.js';
import { linkableCitations } from '../../core/knowledge/cite.js';
import { ACTIONS, type OutMessage, type QuickReply } from '../../core/message.js';
import { renderAssessmentMarkdown } from '../../core/render/render-markdown.js';
import type { TerminalMarkdown } from './create-terminal-markdown.js';

/** The most lines a compact verdict may take, menu included. */
export const COMPACT_VERDICT_LINES = 30;

/** Words for buttons that are only an emoji elsewhere, so every terminal font can show them. */
const SPOKEN_LABELS: Record<string, string> = {
  [ACTIONS.feedbackUp]: '👍 Helpful',
  [ACTIONS.feedbackDown]: '👎 Not helpful',
};

/** The options the user can pick by number. */
export type Menu = readonly QuickReply[];

/** The quick replies a message offers, if any. */
export function repliesOf(message: OutMessage): QuickReply[] {
  if (message.type === 'question' || message.type === 'conflict') return message.quickReplies;
  if (message.type === 'recommendation') return message.actions;
  if (message.type === 'text') return message.quickReplies ?? [];
  return [];
}

/**
 * The menu after some messages. A question, a conflict to settle or a recommendation starts a new menu. Other replies keep the
 * current menu when it already offers them, and are added after it otherwise: while a verdict stands,
 * 1 is always Export ADR and 3 always Re-assess, whatever was asked in between.
 */
export function nextMenu(current: Menu, messages: readonly OutMessage[]): Menu {
  let menu = current;
  for (const message of messages) {
    const replies = repliesOf(message);
    if (message.type === 'question' || message.type === 'conflict' || message.type === 'recommendation') menu = replies;
    else if (replies.length) {
      const standing = menu.some((r) => r.value === ACTIONS.reassess);
      const added = replies.filter((r) => !menu.some((m) => m.value === r.value));
      menu = standing ? [...menu, ...added] : replies;
    }
  }
  return menu;
}

/** The menu as text: one line when it fits the width, else one numbered option per line. */
export function renderMenu(menu: Menu, width: number, number: (n: string) => string = (n) => n): string {
  const labels = menu.map((r) => SPOKEN_LABELS[r.value] ?? r.label);
  const inline = labels.map((l, i) => `${i + 1} ${l}`).join(' · ');
  if (inline.length <= width) return labels.map((l, i) => `${number(String(i + 1))} ${l}`).join(' · ');
  return labels.map((l, i) => `  ${number(`${i + 1}.`)} ${l}`).join('\n');
}

const label = (a: Assessment) => VERDICT_LABELS[a.verdict];
const short = (verdict: keyof typeof VERDICT_LABELS) => VERDICT_LABELS[verdict].split(':')[0];
const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** The compact verdict as Markdown with at most `reasons` reasons and `triggers` triggers. */
function compactMarkdown(a: Assessment, reasons: number, triggers: number): string {
  const out = [`## ${label(a)} · ${percent(a.confidence)} confidence`];
  if (a.extractedServices.length) out.push('', `Extract only: ${a.extractedServices.join('; ')}.`);
  if (a.reasons.length) out.push('', '**Why**', ...a.reasons.slice(0, reasons).map((r) => `- ${r.text}`));
  if (a.changeTriggers.length) {
    out.push(
      '',
      '**What would change it**',
      ...a.changeTriggers.slice(0, triggers).map((t) => `- ${t.condition} → ${short(t.wouldMoveTo)}`),
    );
  }
  const assumed = a.assumptions.length;
  out.push(
    '',
    `${assumed ? `I assumed ${assumed} fact${assumed === 1 ? '' : 's'} you didn’t give. ` : ''}Type **why** for the reasoning, **more** for risks, next steps, assumptions and sources.`,
  );
  return out.join('\n');
}

const lineCount = (text: string) => text.split('\n').length;

/**
 * The compact verdict and its menu, within COMPACT_VERDICT_LINES at this width: up to three reasons and
 * three triggers, fewer when they would not fit (the last ones go first; one of each always stays).
 */
export function compactRecommendation(a: Assessment, menuText: string, render: TerminalMarkdown): string {
  let reasons = Math.min(3, a.reasons.length);
  let triggers = Math.min(3, a.changeTriggers.length);
  for (;;) {
    const text = `${render(compactMarkdown(a, reasons, triggers))}\n\n${menuText}`;
    if (lineCount(text) <= COMPACT_VERDICT_LINES) return text;
    if (triggers > 1 && triggers >= reasons) triggers--;
    else if (reasons > 1) reasons--;
    else return text;
  }
}

/** Everything about a recommendation: the summary, reasons with sources, risks, next steps, assumptions (render it without inline URLs: Sources lists them). */
export function fullRecommendation(message: Extract<OutMessage, { type: 'recommendation' }>): string {
  const note = message.generated ? '\n\n_Summary written by a model; the verdict comes from the rules engine._' : '';
  return `${renderAssessmentMarkdown(message.assessment, message.summary)}${note}`;
}

/** One message as Markdown for the terminal (a recommendation is rendered by `compactRecommendation`). */
export function messageMarkdown(message: Exclude<OutMessage, { type: 'recommendation' }>): string {
  switch (message.type) {
    case 'text': {
      const parts = [message.text];
      if (message.generated) parts.push('_(AI generated)_');
      if (message.citations?.length) {
        parts.push(
          ['Sources:', ...linkableCitations(message.citations).map((c) => `- [${c.title}](${c.url})`)].join('\n'),
        );
      }
      return parts.join('\n\n');
    }
    case 'question': {
      const { done, total } = message.progress;
      const head = total > 0 ? `**Question ${Math.min(done + 1, total)} of ${total}.** ` : '';
      return `${head}${message.text}`;
    }
    case 'conflict':
      return message.text;
    case 'adr':
      return `**${message.title}**`;
  }
}
