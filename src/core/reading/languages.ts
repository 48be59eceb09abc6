/** Programming languages named directly or through their frameworks (Django → Python, Rails → Ruby). */

const LANGUAGES: [string, RegExp][] = [
  ['Python', /\b(?:python|django|fastapi|flask|pytorch|pandas|celery|jupyter|streamlit)\b/],
  ['TypeScript', /\b(?:typescript|ts|next\.js|nestjs|deno)\b/],
  // "Node" is the runtime only as such ("a Node backend"), not a GPU node pool.
  [
    'JavaScript',
    /\b(?:javascript|node(?:\.js|js)|node (?:backend|app|service|server|api|stack|monolith)|express\.js)\b/,
  ],
  ['Go', /\bgolang\b|\b(?:in|and|with|written in|using) go\b|\bgo (?:services?|backend|binary|code)\b/],
  ['Java', /\b(?:java(?!script)|spring boot|jvm)\b/],
  ['Kotlin', /\bkotlin\b/],
  ['Rust', /\brust\b/],
  ['C#', /(?:\bc#|\.net\b|\bdotnet\b|\basp\.net\b)/],
  ['Ruby', /\b(?:ruby|rails)\b/],
  ['PHP', /\b(?:php|laravel|symfony)\b/],
  ['Scala', /\bscala\b/],
  ['Elixir', /\b(?:elixir|phoenix)\b/],
  // "llama.cpp" is a product, not a language choice.
  ['C++', /\bc\+\+|(?<![\w.])cpp\b/],
  ['Swift', /\bswift\b/],
];

/** A language and where it is named in the text. */
export interface LanguageMention {
  name: string;
  index: number;
}

/** Languages mentioned in normalised text, where they are named; `original` catches capitalised "Go". */
export function findLanguageMentions(text: string, original: string): LanguageMention[] {
  const found: LanguageMention[] = [];
  for (const [name, re] of LANGUAGES) {
    const m = re.exec(text);
    // "written in go": the language is the last word of its match.
    if (m) found.push({ name, index: m.index + (name === 'Go' ? Math.max(0, m[0].lastIndexOf('go')) : 0) });
  }
  if (!found.some((l) => l.name === 'Go') && findLanguages(text, original).includes('Go'))
    found.push({ name: 'Go', index: Math.max(0, text.search(/\bgo\b/)) });
  return found;
}

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
