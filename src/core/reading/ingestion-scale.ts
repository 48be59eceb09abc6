/**
 * How heavy a scheduled ingestion is. "Nightly re-embedding" names a schedule, not a load: re-embedding
 * 2k documents in four minutes from a cron is light work any deployable absorbs. Only scale (millions of
 * documents, hours-long jobs, jobs competing with live traffic) makes ingestion a boundary.
 */
import { findQuantities } from './numbers.js';
import { quantityProposals } from './quantity-facts.js';

// "takes 4 minutes", "runs in a few seconds", "finishes in under 10 minutes".
const SHORT_RUN =
  /\b(?:takes?|took|runs? in|finish(?:es|ed)? in|done in|completes? in|lasts?)\s+(?:about |around |~\s?|only |just |under |less than |a )?(?:\d+(?:\.\d+)?|few|couple(?: of)?) (?:seconds?|secs?|minutes?|mins?)\b/;

/** True when the sentence states a small scale for its ingestion (a small corpus or a run of minutes). */
export function isLightIngestion(text: string): boolean {
  if (SHORT_RUN.test(text)) return true;
  return findQuantities(text).some((q) =>
    quantityProposals(text, q).some((p) => p.key === 'heavyIngestion' && p.value === false),
  );
}
