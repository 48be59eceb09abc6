/**
 * Renders the verdict as an Adaptive Card: verdict, confidence, summary, reasons with linked sources,
 * risks, next steps, what would change the answer, and the Export ADR / Re-assess / Why? / 👍 / 👎 buttons.
 */

import type { Citation } from '../../core/assessment/assessment.js';
import { VERDICT_LABELS } from '../../core/assessment/assessment.js';
import { INLINE_SOURCES_PER_SYNTHESIS, linkableCitations } from '../../core/knowledge/cite.js';
import { type OutMessage, type QuickReply, RECOMMENDATION_ACTIONS } from '../../core/message.js';
import { citationsNotInline } from '../../core/render/citations-not-inline.js';
import { attachment, card, heading, link, submitAction, textBlock } from './adaptive-card.js';
import { aiEntity } from './ai-entity.js';
import type { TeamsActivity } from './teams-activity.js';

type RecommendationMessage = Extract<OutMessage, { type: 'recommendation' }>;

export function renderRecommendation(message: RecommendationMessage): TeamsActivity {
  const a = message.assessment;
  const verdict = VERDICT_LABELS[a.verdict];
  const body: Record<string, unknown>[] = [
    textBlock('Recommendation', { isSubtle: true, size: 'Small' }),
    textBlock(verdict, { size: 'Large', weight: 'Bolder', spacing: 'None' }),
    {
      type: 'FactSet',
      facts: [
        { title: 'Confidence', value: `${Math.round(a.confidence * 100)}%` },
        ...(a.extractedServices.length > 0 ? [{ title: 'Extract', value: a.extractedServices.join(', ') }] : []),
        ...(a.runnerUp ? [{ title: 'Also acceptable', value: VERDICT_LABELS[a.runnerUp.verdict] }] : []),
      ],
    },
    textBlock(message.summary),
  ];
  if (a.reasons.length > 0) {
    body.push(heading('Why'));
    body.push(textBlock(a.reasons.map((r) => `- ${r.text}${sources(r.citations)}`).join('\n')));
  }
  if (a.risks.length > 0) {
    body.push(heading('Risks'));
    body.push(textBlock(a.risks.map((r) => `- **${r.risk}** — ${r.mitigation}${sources(r.citations)}`).join('\n')));
  }
  if (a.nextSteps.length > 0) {
    body.push(heading('Next steps'));
    body.push(textBlock(a.nextSteps.map((s, i) => `${i + 1}. ${s}`).join('\n')));
  }
  if (a.changeTriggers.length > 0) {
    body.push(heading('What would change this'));
    body.push(textBlock(a.changeTriggers.map((t) => `- ${t.condition} → ${VERDICT_LABELS[t.wouldMoveTo]}`).join('\n')));
  }
  const more = citationsNotInline(a);
  if (more.length > 0) {
    body.push(heading('More sources'));
    body.push(
      textBlock(
        linkableCitations(more)
          .map((c) => `- ${link(c.title, c.url)}`)
          .join('\n'),
        { size: 'Small' },
      ),
    );
  }
  return {
    type: 'message',
    summary: `Recommendation: ${verdict}`,
    attachments: [attachment(card(body, withStandardActions(message.actions).map(submitAction)))],
    ...(message.generated ? { entities: [aiEntity(linkableCitations(a.citations))] } : {}),
  };
}

function sources(citations: Citation[]): string {
  const links = linkableCitations(citations, { sourcesPerSynthesis: INLINE_SOURCES_PER_SYNTHESIS });
  return links.length > 0 ? ` (${links.map((c) => link(c.title, c.url)).join(', ')})` : '';
}

/** The consultant's own buttons first, then any standard one it left out; the standard five always fit. */
function withStandardActions(actions: QuickReply[]): QuickReply[] {
  const missing = RECOMMENDATION_ACTIONS.filter((s) => !actions.some((a) => a.value === s.value));
  const own = actions.slice(0, Math.max(0, 6 - missing.length));
  return [...own, ...missing];
}
