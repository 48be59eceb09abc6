/**
 * A team given as a list of people that includes the speaker: "it's me, my co-founder and two contractors"
 * (4), "me and a contractor" (2), "myself plus 3 freelancers" (4). Each person or group of people who build
 * is counted; roles that do not build (a designer, a PM) are left out, since `engineers` counts builders.
 * Only a list with the speaker in it describes this team: "two contractors and a designer" alone does not.
 */
import type { Spotted } from './special-quantities.js';

const BUILDER = String.raw`(?:co-?founders?|cofounders?|business partners?|partners?|contractors?|freelancers?|friends?|colleagues?|engineers?|devs?|developers?|interns?|cto|data scientists?|ml engineers?)`;
const OTHER_ROLE = String.raw`(?:(?:product |ux |ui )?designers?|pms?|product managers?|product owners?|project managers?|(?:a )?ceo|sales ?(?:person|people)?|marketers?)`;
const ME = String.raw`(?:me|myself|i)`;
const ONE = String.raw`(?:my|a|an|one|our|1)\s+(?:other\s+|part-time\s+|full-time\s+|freelance\s+|remote\s+)*`;
const MANY = String.raw`(\d+)\s+(?:other\s+|part-time\s+|full-time\s+|freelance\s+|remote\s+)*`;
const ITEM = String.raw`(?:${ME}|${ONE}${BUILDER}|${MANY}${BUILDER}|${ONE}${OTHER_ROLE}|${MANY}${OTHER_ROLE})`;
const SEP = String.raw`\s*(?:,\s*(?:and\s+|plus\s+|&\s+)?|\s+and\s+|\s*&\s*|\s+plus\s+|\s*\+\s*)`;
const LIST = new RegExp(String.raw`\b${ITEM}(?:${SEP}${ITEM})+\b`, 'g');
const ITEM_ONE = new RegExp(`^(?:${ITEM})$`);

/** The headcount of a list of people that includes the speaker. */
export function peopleList(text: string): Spotted[] {
  const out: Spotted[] = [];
  for (const m of text.matchAll(LIST)) {
    const items = m[0].split(new RegExp(SEP)).map((s) => s.trim());
    if (!items.some((i) => new RegExp(`^${ME}$`).test(i))) continue;
    let count = 0;
    for (const item of items) {
      if (!ITEM_ONE.test(item) || new RegExp(`${OTHER_ROLE}$`).test(item)) continue;
      const many = /^(\d+)\s/.exec(item);
      count += many ? Number(many[1]) : 1;
    }
    if (count >= 2 && count <= 50)
      out.push({
        proposal: { key: 'engineers', value: count, priority: 2 },
        start: m.index,
        end: m.index + m[0].length,
      });
  }
  return out;
}
