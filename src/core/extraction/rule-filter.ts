/**
 * A quick "may this rule match?" per sentence. Each rule comes with literals one of which every match
 * contains (requiredLiterals). A sentence is read once into a table of the character triples it holds;
 * a literal can only be in the sentence when its rarest triple is (rarest by English letter frequency),
 * and only then is the literal itself looked for. A rule none of whose literals is present cannot match
 * and is skipped. Rules with a literal shorter than three characters always run.
 */

// Letters from most to least frequent in English text; anything else counts as rarer than all of them.
const FREQUENT = 'etaoinshrdlcumwfgypbvkjxqz';
const rarity = (code: number) => {
  const i = FREQUENT.indexOf(String.fromCharCode(code));
  return i === -1 ? FREQUENT.length : i;
};
const SLOTS = 1 << 16;
// Triples share slots (a collision only lets a rule run that could have been skipped).
const tripleKey = (a: number, b: number, c: number) => (a * 1_000_003 + b * 8_191 + c) & (SLOTS - 1);

interface RuleLiterals {
  literals: string[];
  keys: Int32Array;
}

export class RuleFilter {
  /** Per rule, its literals and their keys; undefined when the rule must always run. */
  private readonly rules: (RuleLiterals | undefined)[];
  /** stamp[key] === current when the sentence being read holds a triple with that key. */
  private readonly stamp = new Uint32Array(SLOTS);
  private current = 0;
  private text = '';

  constructor(literalsPerRule: readonly (readonly string[] | undefined)[]) {
    this.rules = literalsPerRule.map((literals) => {
      if (!literals || literals.some((l) => l.length < 3)) return undefined;
      return { literals: [...literals], keys: Int32Array.from(literals, rarestTriple) };
    });
  }

  /** Reads the triples of the next sentence (lower-cased, as the rules see it). */
  read(text: string): void {
    this.text = text;
    this.current = this.current === 0xffffffff ? 1 : this.current + 1;
    if (this.current === 1) this.stamp.fill(0);
    const { stamp, current } = this;
    for (let i = 2; i < text.length; i++) {
      stamp[tripleKey(text.charCodeAt(i - 2), text.charCodeAt(i - 1), text.charCodeAt(i))] = current;
    }
  }

  /** False only when rule `index` cannot match the last sentence read. */
  mayMatch(index: number): boolean {
    const rule = this.rules[index];
    if (!rule) return true;
    const { keys, literals } = rule;
    for (let i = 0; i < keys.length; i++) {
      if (this.stamp[keys[i]!] === this.current && this.text.includes(literals[i]!)) return true;
    }
    return false;
  }
}

/** The key of the literal's rarest character triple (the literal has at least three characters). */
function rarestTriple(literal: string): number {
  let best = 0;
  let bestScore = -1;
  for (let i = 2; i < literal.length; i++) {
    const a = literal.charCodeAt(i - 2);
    const b = literal.charCodeAt(i - 1);
    const c = literal.charCodeAt(i);
    const score = rarity(a) + rarity(b) + rarity(c);
    if (score > bestScore) {
      bestScore = score;
      best = tripleKey(a, b, c);
    }
  }
  return best;
}
