/**
 * Evidence for reasons: each reason names what it rests on, the team's own words in quotes or the answer
 * they gave, taken from the facts' provenance. The engine stays pure over the profile; the consultant adds
 * the evidence wherever it has the provenance (a conversation, a one-shot assessment).
 */
import type { Assessment, Reason } from '../assessment/assessment.js';
import type { FactKey, Provenance, TeamProfile } from '../profile/profile.js';
import { describeFact } from './describe-profile.js';

const MAX_QUOTE = 120;
const MAX_QUOTES = 3;

/** "you said “…”" for a stated fact, "you answered …" for an answer, undefined when nothing was recorded. */
function evidenceFor(key: FactKey, provenance: Provenance, profile: TeamProfile): string | undefined {
  const record = provenance[key];
  if (!record) return undefined;
  const words = record.evidence?.replace(/\s+/g, ' ').trim();
  if (!words) {
    // A button answer has no words of its own: the answer, as the fact it set.
    const answer =
      record.source === 'answered' || record.source === 'corrected' ? describeFact(profile, key) : undefined;
    return answer ? `you answered: ${answer}` : undefined;
  }
  const quote = words.length > MAX_QUOTE ? `${words.slice(0, MAX_QUOTE - 1).trimEnd()}…` : words;
  return record.source === 'answered' ? `you answered “${quote}”` : `you said “${quote}”`;
}

/** The reason with what it rests on appended to its text ("… (you said “we're 9 engineers”)"). */
export function reasonWithEvidence(reason: Reason, provenance: Provenance, profile: TeamProfile): Reason {
  if (reason.evidence) return reason;
  const evidence = [
    ...new Set((reason.facts ?? []).map((k) => evidenceFor(k, provenance, profile)).filter(Boolean)),
  ].slice(0, MAX_QUOTES) as string[];
  if (!evidence.length) return { ...reason, evidence };
  return { ...reason, evidence, text: `${reason.text} (${evidence.join('; ')})` };
}

/** The assessment with every reason's evidence. */
export function withEvidence(a: Assessment, provenance: Provenance, profile: TeamProfile): Assessment {
  return { ...a, reasons: a.reasons.map((r) => reasonWithEvidence(r, provenance, profile)) };
}
