/**
 * Whose headcount a count is. A description often gives the organisation's size and, in passing, the size
 * of a sub-group ("45 engineers … one ops person", "infra team (8 people)", "one new team of 5", "ML folks
 * (2 people)"). The organisation's figure describes the team Archie advises; a sub-group's figure must not
 * replace it, whatever the order. Vague counts ("several squads") yield to precise ones.
 */
import type { Quantity } from './numbers.js';

/** 2: stated as the whole organisation; 1: plain; 0: a sub-group, or a vague count. */
export type HeadcountRank = 0 | 1 | 2;

// Groups inside an organisation: a count qualified by one of these is about that group only.
const QUALIFIER = String.raw`ml|ai|data|ops|infra(?:structure)?|platform|ml platform|sre|devops|qa|security|design|research|front-?end|back-?end|full-?stack|mobile|new|another|separate|dedicated`;
const QUALIFIED_GROUP_OF = new RegExp(
  String.raw`\b(?:${QUALIFIER})\s+(?:[a-z]+\s+)?(?:team|squad|group|crew|pod|org)\s+(?:of|is|are|has|have)\s+(?:just\s+|only\s+|about\s+)?$`,
);
const QUALIFIED_PEOPLE = new RegExp(String.raw`^\s*(?:${QUALIFIER})\s+[a-z]+`);
// "infra team (8 people)": a short aside that annotates the group named just before it.
const ASIDE_OPEN = /\(\s*$/;
const ASIDE_CLOSE = /^\s*-?\s*[a-z]+\s*\)/;
const SENTENCE_START = /^\W*$/;
const ORG_MARKER =
  /(?:\b(?:we're|we are|we're now|we are now|we have|we've got|there are|total(?: of)?|in total|overall|org(?:ani[sz]ation)? of|company of|headcount(?: is| of)?)\s*)$/;
const VAGUE = /^(?:several|a few|a couple|a handful|a pair|some|many|dozens|hundreds|a number)\b/;

// Groups that do not build the system: their size is never the team's, even when it is the only count given.
const OTHER_GROUP =
  'platform|infra(?:structure)?|sre|devops|ops|qa|security|design|research|legal|sales|support|marketing|it';
const OTHER_GROUP_BEFORE = new RegExp(
  String.raw`\b(?:${OTHER_GROUP})\s+(?:team|squad|group|crew|org|department|folks)\s+(?:of|is|are|has|have|consists of)\s+(?:just\s+|only\s+|about\s+|around\s+)?$`,
);
const OTHER_GROUP_AFTER = new RegExp(
  String.raw`^\s*(?:[a-z]+\s+)?(?:people|folks|engineers|devs|members)?\s*(?:on|in|from) (?:the|our|their) (?:[a-z]+ )?(?:${OTHER_GROUP}|mobile|data|ml|other|another) (?:team|squad|group|org|department)\b`,
);

/** True when a count is the size of another group (the platform team, folks on the mobile team), not the builders. */
export function countsAnotherGroup(text: string, q: Quantity): boolean {
  return (
    OTHER_GROUP_BEFORE.test(text.slice(Math.max(0, q.start - 40), q.start)) ||
    OTHER_GROUP_AFTER.test(text.slice(q.end, q.end + 50))
  );
}

/**
 * Rank of a headcount at `q` in normalised `text`; `original` is the user's words for the quantity
 * (normalisation turns "several" into a digit, so vagueness is read there).
 */
export function headcountRank(text: string, q: Quantity, original: string): HeadcountRank {
  if (VAGUE.test(original.trim().toLowerCase())) return 0;
  const before = text.slice(Math.max(0, q.start - 40), q.start);
  const after = text.slice(q.end, q.end + 40);
  if (ASIDE_OPEN.test(before) && ASIDE_CLOSE.test(after)) return 0;
  if (QUALIFIED_GROUP_OF.test(before)) return 0;
  if (QUALIFIED_PEOPLE.test(after) && !ORG_MARKER.test(before)) return 0;
  return ORG_MARKER.test(before) || SENTENCE_START.test(before) ? 2 : 1;
}
