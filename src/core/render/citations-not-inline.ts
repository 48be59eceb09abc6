import type { Assessment, Citation } from '../assessment/assessment.js';

/**
 * The assessment's sources that no reason or risk links beside itself: chat cards link sources inline and
 * list only these at the end, so no source appears twice.
 */
export function citationsNotInline(a: Assessment): Citation[] {
  const linked = new Set([...a.reasons, ...a.risks].flatMap((x) => x.citations.map((c) => c.url)));
  return a.citations.filter((c) => !linked.has(c.url));
}
