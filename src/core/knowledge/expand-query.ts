/**
 * A small domain thesaurus: the words a team types for what the sources call by another name ("one app"
 * is a monolith, "split it up" is decomposition). Expansions are searched at reduced weight, so they can
 * bring in a document that never uses the user's words without outranking one that does.
 */

const THESAURUS: readonly [RegExp, string][] = [
  [/\b(single|one)\s+(big\s+)?(app|application|codebase|deployable|process|binary|unit)\b/i, 'monolith'],
  [
    /\b(split(ting)?|break(ing)?|carv(e|ing))\s+(\w+\s+)?(up|apart|out)\b|\bdecompos/i,
    'decomposition extract microservices',
  ],
  [/\bservices\b/i, 'microservices'],
  [/\b(brand[- ]new|greenfield|from scratch|new (product|project|system)|start-?up)\b/i, 'new greenfield start'],
  [/\b(chat-?bot|assistant|copilot)s?\b/i, 'rag assistant agent'],
  [/\b(safety|moderation|jailbreaks?|content filter)\b/i, 'guardrails'],
  [/\b(bills?|spend(ing)?|expensive|pricey)\b/i, 'cost'],
  [/\b(headcount|how many (engineers|developers|people))\b/i, 'team size engineers'],
  [/\bk8s\b/i, 'kubernetes'],
  [/\bserverless\b/i, 'lambda functions'],
  [/\b(llms?|language models?)\b/i, 'model inference'],
];

/** Extra words to search for alongside `query`, or '' when the thesaurus has nothing to add. */
export function expandQuery(query: string): string {
  const extra = new Set<string>();
  for (const [pattern, words] of THESAURUS) {
    if (pattern.test(query)) for (const w of words.split(' ')) extra.add(w);
  }
  const lower = query.toLowerCase();
  return [...extra].filter((w) => !lower.includes(w)).join(' ');
}
