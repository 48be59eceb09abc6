/**
 * Parts that scale differently from the rest: "retrieval needs way more memory than the rest of the app,
 * so it scales independently", "retrieval and generation have totally different scaling needs", "the fleet
 * of embedding workers we keep scaling up", "split the embedding step into its own worker pool". The
 * parts are the components named in the clause that says so (or, when it names none, earlier in the
 * sentence: "Retrieval needs more memory…, so *it* scales independently"), never the one it is compared
 * with ("than the rest", "than inference").
 */
import type { TermRule } from './lexicon.js';

const SCALING = new RegExp(
  [
    String.raw`scal(?:es?|ing) (?:up |out )?(?:independently|separately|on (?:its|their) own|differently)`,
    String.raw`(?:different|separate|independent|very different|totally different|completely different) (?:scaling|load|hardware|resource|compute) (?:needs|profiles?|requirements|characteristics|patterns|curves?)`,
    String.raw`needs? (?:way |much |far |a lot |10x |\d+x )?(?:more|less) (?:memory|ram|cpu|gpus?|compute|machines|replicas|instances|nodes) than`,
    String.raw`(?:keep|kept|keeps|have to keep|constantly) scaling (?:it |them )?(?:up|out)`,
    String.raw`needs? gpus? (?:while|whereas|but|and) (?:the )?[\w -]{0,25}(?:runs?|is|are|sits?) on (?:tiny |small |cheap |plain )?cpus?`,
    String.raw`(?:its|their) own (?:worker pool|node pool|gpu pool|autoscal\w+|scaling group)`,
    String.raw`autoscal\w+ (?:separately|independently|on (?:its|their) own)`,
  ].join('|'),
  'g',
);
const DENIED = /\b(?:don't|doesn't|do not|does not|never|not|no)\s+(?:\w+\s+){0,2}$/;

export interface ScalingMention {
  component: string;
  start: number;
  end: number;
}

/** Components said to scale differently in normalised `text`, with the words that say so. */
export function scalingMentions(text: string, componentRules: readonly TermRule[], clauseFrom: (i: number) => number) {
  const out: ScalingMention[] = [];
  for (const m of text.matchAll(SCALING)) {
    const from = clauseFrom(m.index);
    if (DENIED.test(text.slice(from, m.index))) continue;
    const named: { component: string; at: number }[] = [];
    for (const rule of componentRules) {
      for (const c of text.slice(0, m.index + m[0].length).matchAll(rule.pattern)) {
        if (/\bthan (?:the |our )?$/.test(text.slice(Math.max(0, c.index - 10), c.index))) continue;
        const component = (rule.yes[0]?.value as string[] | undefined)?.[0];
        if (component) named.push({ component, at: c.index });
      }
    }
    const inClause = named.filter((n) => n.at >= from);
    for (const n of inClause.length ? inClause : named)
      out.push({ component: n.component, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
