/**
 * Literal strings of which every match of a pattern contains at least one: when a text holds none of
 * them, the pattern cannot match it and need not run. Worked out from the pattern's source, for the
 * plain syntax the lexicon uses (literals, classes, groups, alternation, quantifiers, assertions);
 * anything else (backreferences, \u escapes, case-insensitive or Unicode flags) gets no literals.
 */

type Node = { kind: 'char'; ch: string } | { kind: 'other' } | { kind: 'group'; alts: Item[][] };
interface Item {
  node: Node;
  min: number;
  max: number;
}

class Unsupported extends Error {}

const LITERAL_ESCAPE = /[^A-Za-z0-9_]/;
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

function parse(source: string): Item[][] {
  let pos = 0;
  const alternation = (): Item[][] => {
    const alts: Item[][] = [sequence()];
    while (source[pos] === '|') {
      pos++;
      alts.push(sequence());
    }
    return alts;
  };
  const sequence = (): Item[] => {
    const items: Item[] = [];
    while (pos < source.length && source[pos] !== '|' && source[pos] !== ')') {
      const node = atom();
      items.push({ node, ...quantifier(node) });
    }
    return items;
  };
  const atom = (): Node => {
    const c = source[pos]!;
    if (c === '(') {
      pos++;
      let zeroWidth = false;
      if (source.startsWith('?:', pos)) pos += 2;
      else if (source.startsWith('?=', pos) || source.startsWith('?!', pos)) {
        pos += 2;
        zeroWidth = true;
      } else if (source.startsWith('?<=', pos) || source.startsWith('?<!', pos)) {
        pos += 3;
        zeroWidth = true;
      } else if (source[pos] === '?') throw new Unsupported('group syntax'); // named groups and the rest
      const alts = alternation();
      if (source[pos] !== ')') throw new Unsupported('unclosed group');
      pos++;
      // An assertion reads text outside the match: it demands nothing of the match itself.
      return zeroWidth ? { kind: 'other' } : { kind: 'group', alts };
    }
    if (c === '[') {
      pos++;
      if (source[pos] === ']') throw new Unsupported('empty class');
      while (pos < source.length && source[pos] !== ']') pos += source[pos] === '\\' ? 2 : 1;
      if (source[pos] !== ']') throw new Unsupported('unclosed class');
      pos++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = source[pos + 1];
      pos += 2;
      if (e === undefined) throw new Unsupported('trailing escape');
      if ('bBwWsSdD'.includes(e)) return { kind: 'other' };
      if (CONTROL[e]) return { kind: 'char', ch: CONTROL[e] };
      if (LITERAL_ESCAPE.test(e)) return { kind: 'char', ch: e };
      throw new Unsupported(`escape \\${e}`);
    }
    if ('*+?)|'.includes(c) || /^\{\d+(?:,\d*)?\}/.test(source.slice(pos))) throw new Unsupported('bad quantifier');
    pos++;
    if (c === '^' || c === '$' || c === '.') return { kind: 'other' };
    return { kind: 'char', ch: c };
  };
  const quantifier = (node: Node): { min: number; max: number } => {
    let min = 1;
    let max = 1;
    const c = source[pos];
    if (c === '?' || c === '*' || c === '+') {
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Number.POSITIVE_INFINITY;
      pos++;
    } else {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(pos));
      if (!m) return { min: node.kind === 'other' ? 0 : 1, max: 1 };
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY) : min;
      pos += m[0].length;
    }
    if (source[pos] === '?') pos++; // lazy: the same strings
    const next = source[pos];
    if (next !== undefined && '*+?{'.includes(next)) throw new Unsupported('double quantifier');
    return { min: node.kind === 'other' ? 0 : min, max };
  };
  const alts = alternation();
  if (pos !== source.length) throw new Unsupported('unbalanced )');
  return alts;
}

/** The better of two requirements: longer shortest literal (fewer false alarms), then fewer literals. */
function better(a: Set<string>, b: Set<string>): Set<string> {
  const shortest = (s: Set<string>) => Math.min(...[...s].map((x) => x.length));
  const d = shortest(a) - shortest(b);
  return d > 0 || (d === 0 && a.size <= b.size) ? a : b;
}

/** Literals one of which every string matched by the sequence contains, or undefined when none are known. */
function sequenceNeeds(items: Item[]): Set<string> | undefined {
  let best: Set<string> | undefined;
  const offer = (s: Set<string>) => {
    best = best ? better(best, s) : s;
  };
  let run = '';
  const flush = () => {
    if (run) offer(new Set([run]));
    run = '';
  };
  for (const { node, min, max } of items) {
    // Consecutive single characters that each occur exactly once are one literal run.
    if (node.kind === 'char' && min === 1 && max === 1) {
      run += node.ch;
      continue;
    }
    if (node.kind === 'char' && min >= 1) {
      // A repeated character ("b+"): its first copy follows the run, its last copy precedes what comes next.
      run += node.ch;
      flush();
      run = node.ch;
      continue;
    }
    flush();
    if (min === 0) continue;
    if (node.kind === 'group') {
      const needs = alternationNeeds(node.alts);
      if (needs) offer(needs);
    }
  }
  flush();
  return best;
}

function alternationNeeds(alts: Item[][]): Set<string> | undefined {
  const out = new Set<string>();
  for (const alt of alts) {
    const needs = sequenceNeeds(alt);
    if (!needs) return undefined;
    for (const s of needs) out.add(s);
  }
  return out;
}

/** Literals one of which every match of `pattern` contains; undefined when they cannot be worked out. */
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  if (/[iuvmsy]/.test(pattern.flags)) return undefined;
  try {
    const needs = alternationNeeds(parse(pattern.source));
    if (!needs) return undefined;
    // A literal containing another one adds nothing: the shorter is present whenever the longer is.
    const list = [...needs];
    return list.filter((s, i) => !list.some((o, j) => j !== i && s.includes(o) && (o !== s || j < i)));
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}
