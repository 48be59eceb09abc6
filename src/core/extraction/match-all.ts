/**
 * Every match of a global pattern, as `[...text.matchAll(pattern)]` returns them, without the copy of the
 * pattern that `String.prototype.matchAll` makes on every call: the extractor runs ~50 rules over every
 * sentence of every message, and those copies cost more than the matching itself.
 */
export function matchAll(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError('matchAll needs a global pattern'); // as String.prototype.matchAll
  const from = pattern.lastIndex;
  const out: RegExpExecArray[] = [];
  try {
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      out.push(m);
      // An empty match would match again at the same place: step over it, as matchAll does.
      if (m[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern);
    }
  } finally {
    pattern.lastIndex = from; // matchAll leaves the pattern untouched; so does this.
  }
  return out;
}

function advance(text: string, index: number, pattern: RegExp): number {
  // `v` (unicodeSets) is Unicode mode too; read from the flags (the lib target predates the property).
  const unicode = pattern.unicode || pattern.flags.includes('v');
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff ? index + 2 : index + 1;
}
