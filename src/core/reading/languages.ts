/** Programming languages named directly or through their frameworks (Django → Python, Rails → Ruby). */

const LANGUAGES: [string, RegExp][] = [
  ['Python', /\b(?:python|django|fastapi|flask|pytorch|pandas|celery|jupyter)\b/],
  ['TypeScript', /\b(?:typescript|ts|next\.js|nestjs|deno)\b/],
  ['JavaScript', /\b(?:javascript|node(?:\.js|js)?|express\.js)\b/],
  ['Go', /\bgolang\b|\b(?:in|and|with|written in|using) go\b|\bgo (?:services?|backend|binary|code)\b/],
  ['Java', /\b(?:java(?!script)|spring boot|jvm)\b/],
  ['Kotlin', /\bkotlin\b/],
  ['Rust', /\brust\b/],
  ['C#', /(?:\bc#|\.net\b|\bdotnet\b|\basp\.net\b)/],
  ['Ruby', /\b(?:ruby|rails)\b/],
  ['PHP', /\b(?:php|laravel|symfony)\b/],
  ['Scala', /\bscala\b/],
  ['Elixir', /\b(?:elixir|phoenix)\b/],
  ['C++', /\bc\+\+|\bcpp\b/],
  ['Swift', /\bswift\b/],
];

/** Languages mentioned in normalised text; `original` catches capitalised "Go". */
export function findLanguages(text: string, original: string): string[] {
  const found = LANGUAGES.filter(([, re]) => re.test(text)).map(([name]) => name);
  // "Go" alone is only the language when capitalised mid-sentence ("services in Python and Go").
  if (
    !found.includes('Go') &&
    /(?<=\S\s+)\bGo\b(?!\s+(?:ahead|live|to|with|back|through|for|over|micro-?services?|monolith\w*|modular|hybrid|serverless|all[- ]in))/.test(
      original,
    )
  )
    found.push('Go');
  return found;
}
