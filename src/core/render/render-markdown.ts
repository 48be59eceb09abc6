/** Renders channel-neutral messages as Markdown for the terminal, the CLI and exported files. */
import { type Assessment, type Citation, VERDICT_LABELS } from '../assessment/assessment.js';
import { INLINE_SOURCES_PER_SYNTHESIS, linkableCitations } from '../knowledge/cite.js';
import type { OutMessage, QuickReply } from '../message.js';
import { factLabel } from '../profile/fact-labels.js';

/** `[title](url)` links for citations, comma-separated. */
export function citationLinks(citations: readonly Citation[]): string {
  return linkableCitations(citations, { sourcesPerSynthesis: INLINE_SOURCES_PER_SYNTHESIS })
    .map((c) => `[${c.title}](${c.url})`)
    .join(', ');
}

const withCites = (text: string, citations: readonly Citation[]) =>
  citationLinks(citations) ? `${text} (${citationLinks(citations)})` : text;

/** The full recommendation: verdict, confidence, reasons with citations, risks, triggers, next steps, sources. */
export function renderAssessmentMarkdown(assessment: Assessment, summary?: string): string {
  const a = assessment;
  const out: string[] = [
    `## Recommendation: ${VERDICT_LABELS[a.verdict]} (confidence ${Math.round(a.confidence * 100)}%)`,
  ];
  if (summary) out.push('', summary);
  if (a.extractedServices.length) {
    out.push('', '### Services whose boundary pays for itself', ...a.extractedServices.map((s) => `- ${s}`));
  }
  if (a.reasons.length) out.push('', '### Why', ...a.reasons.map((r) => `- ${withCites(r.text, r.citations)}`));
  if (a.risks.length) {
    out.push(
      '',
      '### Risks and mitigations',
      ...a.risks.map((r) => `- **${r.risk}** ${withCites(r.mitigation, r.citations)}`),
    );
  }
  if (a.changeTriggers.length) {
    out.push(
      '',
      '### What would change this',
      ...a.changeTriggers.map((t) => `- ${t.condition} → ${VERDICT_LABELS[t.wouldMoveTo]}`),
    );
  }
  if (a.runnerUp) out.push('', `**Runner-up:** ${VERDICT_LABELS[a.runnerUp.verdict]}: ${a.runnerUp.why}`);
  if (a.nextSteps.length) out.push('', '### Next steps', ...a.nextSteps.map((s, i) => `${i + 1}. ${s}`));
  if (a.assumptions.length) {
    out.push(
      '',
      '### Assumptions (tell me if any is wrong)',
      ...a.assumptions.map((x) => `- ${factLabel(x.fact)}: ${x.assumed}`),
    );
  }
  const sources = linkableCitations(a.citations);
  if (sources.length) out.push('', '### Sources', ...sources.map((c, i) => `${i + 1}. [${c.title}](${c.url})`));
  return out.join('\n');
}

/** Quick replies as a numbered list (the terminal lets you type the number). */
export function renderQuickReplies(replies: readonly QuickReply[]): string {
  return replies.map((r, i) => `  ${i + 1}. ${r.label}`).join('\n');
}

/** One message as Markdown. */
export function renderMarkdown(message: OutMessage): string {
  switch (message.type) {
    case 'text': {
      const parts = [message.generated ? `${message.text}\n\n_(AI generated)_` : message.text];
      if (message.citations?.length) {
        parts.push(
          ['Sources:', ...linkableCitations(message.citations).map((c) => `- [${c.title}](${c.url})`)].join('\n'),
        );
      }
      if (message.quickReplies?.length) parts.push(renderQuickReplies(message.quickReplies));
      return parts.join('\n\n');
    }
    case 'question': {
      const { done, total } = message.progress;
      const head = total > 0 ? `**Question ${Math.min(done + 1, total)} of ${total}.** ` : '';
      return `${head}${message.text}\n\n${renderQuickReplies(message.quickReplies)}`;
    }
    case 'recommendation': {
      const body = renderAssessmentMarkdown(message.assessment, message.summary);
      return `${body}${message.generated ? '\n\n_(Summary AI generated; the verdict comes from the rules engine.)_' : ''}\n\n${renderQuickReplies(message.actions)}`;
    }
    case 'conflict':
      return `${message.text}\n\n${renderQuickReplies(message.quickReplies)}`;
    case 'adr':
      return `ADR ready: ${message.filename}\n\n${message.markdown}`;
  }
}
