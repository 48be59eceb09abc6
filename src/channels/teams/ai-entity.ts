/**
 * Teams' "AI generated" label and citation pills: a schema.org Message entity on model-written messages.
 * See https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bot-messages-ai-generated-content
 */
import type { Citation } from '../../core/assessment/assessment.js';

/** Teams limits the citation abstract to 160 characters. */
const ABSTRACT_MAX = 160;

/** The entity that marks a message as AI generated and lists its sources as numbered citations. */
export function aiEntity(citations: Citation[] = []): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    citation: citations.map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: c.title,
        url: c.url,
        abstract: truncate(`${c.title} (${c.url})`, ABSTRACT_MAX),
      },
    })),
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
