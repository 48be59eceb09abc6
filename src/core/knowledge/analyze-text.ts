/**
 * Text analysis shared by indexing, querying and answer composition, so a word is reduced the same way
 * everywhere: lower-case, stop words dropped, a light plural/verb stemmer (no dictionary needed).
 */

/** Words too common to say anything about a question's topic (includes question scaffolding). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
  between both but by can could did do does doing done down during each either etc few for from further get
  gets getting go goes going gone got had has have having he her here hers him his how however i if in into is it its itself just know let
  like made make makes many me might more most much must my no nor not now of off on once only or other our ours out over own per
  please same shall she should so some such tell than that the their theirs them then there these they
  thing things think this those through to too under until up upon us very via want was way we went were what whats when where whether which
  while who whom whose why will with within without would yes yet you your yours
  i'm im i've ive i'd i'll we're we've we'd we'll you're you've they're they've it's that's let's
  explain describe`.split(/\s+/),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Splits text into raw lower-case word tokens (keeps "1.5", "don't", "gpu"). */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/’/g, "'"));
}

/** Reduces a word to a crude stem so "services"/"service" and "scaling"/"scaled"/"scale" meet. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '').replace(/'/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  // British and American spellings meet: "organisation"/"organization", "analyse"/"analyze".
  w = w.replace(/([^aeiou][aeiou][a-z]*?)is(ation|e|ed|es|ing)$/, '$1iz$2').replace(/ys(e|ed|es|ing)$/, 'yz$1');
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let stripped = false;
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      stripped = true;
      break;
    }
  }
  // "splitting" -> "splitt" -> "split"; "scaled" -> "scal" and "scale" -> "scal" meet below.
  if (stripped && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/** MiniSearch `processTerm`: null drops the term (stop words, single letters). */
export function processTerm(term: string): string | null {
  const lower = term.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  if (STOP_WORDS.has(lower)) return null;
  return stem(lower);
}

/** The distinct content terms of a text, stemmed, in first-seen order. */
export function contentTerms(text: string): string[] {
  const seen = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) seen.add(term);
  }
  return [...seen];
}
