/**
 * The organisation around the team vs the team that owns the system. "A 40,000-employee group with dozens
 * of platform teams elsewhere, but this pilot is four developers": Archie advises the team that builds and
 * runs this system, so team counts, headcounts and a platform team stated about the wider company are not
 * facts about that team.
 */

// Wording that places a clause in the wider organisation, not in the team that owns this system.
const WIDER =
  /\b(?:elsewhere|in the (?:wider|broader|parent|larger|rest of the) (?:org|organi[sz]ation|company|group|business|enterprise)|across the (?:company|group|org|organi[sz]ation|enterprise|business)|(?:company|org|group|enterprise)-?wide|in other (?:units|divisions|departments|business units|bus|parts of the (?:company|org|organi[sz]ation|business))|(?:the|our) (?:parent |wider |broader |holding |mother )?(?:company|group|corporation|enterprise) (?:as a whole )?(?:has|have|runs|employs)|(?:in|at) (?:the )?(?:group|corporate|head office|hq) level)\b/;
const CLAUSE_END = /[;:()]|\bbut\b/;

/** Facts that describe a team; stated about the wider organisation they describe someone else. */
export const TEAM_SHAPE_KEYS = new Set(['teams', 'engineers', 'platformTeam']);

/** True when the clause holding a term ending at `end` (from `clauseFrom`) is about the wider organisation. */
export function aboutWiderOrg(text: string, clauseFrom: number, end: number): boolean {
  const rest = text.slice(end, end + 80);
  const stop = rest.search(CLAUSE_END);
  return WIDER.test(text.slice(clauseFrom, stop === -1 ? end + rest.length : end + stop));
}
