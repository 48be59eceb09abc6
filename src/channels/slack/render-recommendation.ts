/**
 * Renders the recommendation as a structured message: the verdict as a header, confidence, the summary,
 * reasons and risks with source links, next steps, what would change the verdict, assumptions, any
 * sources not linked above, and the Export ADR / Re-assess / Why? / 👍 / 👎 buttons.
 */
import { VERDICT_LABELS } from '../../core/assessment/assessment.js';
import { type OutMessage, type QuickReply, RECOMMENDATION_ACTIONS } from '../../core/message.js';
import { factLabel } from '../../core/profile/fact-labels.js';
import { citationsNotInline } from '../../core/render/citations-not-inline.js';
import { buttons, context, header, listSections, sections } from './block-builders.js';
import { escapeMrkdwn, inlineSources, sourcesLine, toMrkdwn } from './mrkdwn.js';
import { type Block, packBlocks, type SlackMessage } from './slack-message.js';

type RecommendationMessage = Extract<OutMessage, { type: 'recommendation' }>;

export function renderRecommendation(message: RecommendationMessage): SlackMessage[] {
  const a = message.assessment;
  const verdict = VERDICT_LABELS[a.verdict] ?? a.verdict;
  const cite = inlineSources;

  const blocks: Block[] = [
    header(`Recommendation: ${verdict}`),
    ...context([
      `Confidence: *${Math.round(a.confidence * 100)}%*`,
      ...(a.runnerUp ? [`Runner-up: ${VERDICT_LABELS[a.runnerUp.verdict] ?? a.runnerUp.verdict}`] : []),
      ...(message.generated ? ['_AI generated summary; the verdict comes from the rules engine_'] : []),
    ]),
    ...sections(toMrkdwn(message.summary)),
    ...(a.extractedServices.length > 0
      ? sections(`*Extract as services:* ${a.extractedServices.map(escapeMrkdwn).join(', ')}`)
      : []),
    ...listSections(
      'Why',
      a.reasons.map((r) => `• ${escapeMrkdwn(r.text)}${cite(r.citations)}`),
    ),
    ...listSections(
      'Risks',
      a.risks.map((r) => `• *${escapeMrkdwn(r.risk)}* ${escapeMrkdwn(r.mitigation)}${cite(r.citations)}`),
    ),
    ...listSections(
      'Next steps',
      a.nextSteps.map((s, i) => `${i + 1}. ${escapeMrkdwn(s)}`),
    ),
    ...listSections(
      'What would change my mind',
      a.changeTriggers.map((t) => `• ${escapeMrkdwn(t.condition)} → ${VERDICT_LABELS[t.wouldMoveTo] ?? t.wouldMoveTo}`),
    ),
    ...(a.runnerUp ? sections(`*Also acceptable:* ${escapeMrkdwn(a.runnerUp.why)}`) : []),
  ];
  const assumptions = a.assumptions.map((x) => `${factLabel(x.fact)}: ${x.assumed}`);
  const footer: Block[] = [
    ...context([
      ...(assumptions.length > 0 ? [`Assumed: ${escapeMrkdwn(assumptions.join('; '))}`] : []),
      sourcesLine(citationsNotInline(a), 'More sources') ?? '',
    ]),
    ...buttons(withStandardActions(message.actions), 'a', 'archie-rec'),
  ];
  // Keep the footer (assumptions + buttons) together at the end even when the body spills over.
  const messages = packBlocks(blocks, `Recommendation: ${verdict} (${Math.round(a.confidence * 100)}% confidence)`);
  const last = messages[messages.length - 1]!;
  if (last.blocks.length + footer.length <= 50) last.blocks.push(...footer);
  else messages.push({ text: `Recommendation: ${verdict}`, blocks: footer });
  return messages;
}

function withStandardActions(actions: QuickReply[]): QuickReply[] {
  const values = new Set(actions.map((a) => a.value));
  return [...actions, ...RECOMMENDATION_ACTIONS.filter((s) => !values.has(s.value))];
}
