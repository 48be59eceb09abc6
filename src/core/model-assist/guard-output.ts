/**
 * Validators for model text before a user sees it: citations must point at passages we supplied, URLs
 * must be in the knowledge base, the system prompt must not be echoed, and an explanation must not
 * recommend a verdict other than the engine's.
 */
import type { Verdict } from '../assessment/assessment.js';
import type { Passage } from '../knowledge/knowledge.js';
import { sentenceTexts } from '../text/split-sentences.js';

const CITATION = /\[\s*(p\d+(?:\s*[,;]\s*p\d+)*)\s*\]/gi;
const URL = /\bhttps?:\/\/[^\s<>()\]"'`]+/gi;

/** Normalises a URL for comparison (scheme, host case, trailing slash and punctuation). */
export function normaliseUrl(url: string): string {
  return url
    .replace(/[.,;:!?]+$/, '')
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

/** Labels ([p1], [p2], …) cited in `text`, in order of first use. */
export function citedLabels(text: string): string[] {
  const labels: string[] = [];
  for (const m of text.matchAll(CITATION)) {
    for (const label of (m[1] as string).split(/[,;]/)) {
      const l = label.trim().toLowerCase();
      if (!labels.includes(l)) labels.push(l);
    }
  }
  return labels;
}

/** URLs written in `text`. */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(URL)].map((m) => m[0]);
}

/** Citation labels not among `known`, and URLs not in `allowedUrls`. */
export function unknownReferences(
  text: string,
  known: ReadonlyMap<string, Passage>,
  allowedUrls: ReadonlySet<string>,
): { labels: string[]; urls: string[] } {
  return {
    labels: citedLabels(text).filter((l) => !known.has(l)),
    urls: urlsIn(text).filter((u) => !allowedUrls.has(normaliseUrl(u))),
  };
}

/** Removes citations to unknown labels and URLs outside the knowledge base, keeping the prose. */
export function stripUnknownReferences(
  text: string,
  known: ReadonlyMap<string, Passage>,
  allowedUrls: ReadonlySet<string>,
): string {
  return text
    .replace(CITATION, (_m, inner: string) => {
      const kept = inner
        .split(/[,;]/)
        .map((l) => l.trim().toLowerCase())
        .filter((l) => known.has(l));
      return kept.length ? `[${kept.join(', ')}]` : '';
    })
    .replace(URL, (u) => (allowedUrls.has(normaliseUrl(u)) ? u : ''))
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([.,;:])/g, '$1')
    .trim();
}

/** A leak detector built from the secret parts of the prompts: a canary and every 8-word run. */
export function createLeakDetector(secretTexts: readonly string[], canary?: string): (text: string) => boolean {
  const SHINGLE = 8;
  const shingles = new Set<string>();
  for (const secret of secretTexts) {
    const words = wordsOf(secret.replace(/\{\{[^}]*\}\}/g, ' '));
    for (let i = 0; i + SHINGLE <= words.length; i++) shingles.add(words.slice(i, i + SHINGLE).join(' '));
  }
  const whole = secretTexts.map((t) => ` ${wordsOf(t).join(' ')} `);
  return (text) => {
    if (canary && text.includes(canary)) return true;
    // A short sentence copied verbatim from a prompt is a leak even below the shingle length.
    for (const sentence of text.split(/(?<=[.!?:;])\s+|\n+/)) {
      const w = wordsOf(sentence);
      if (w.length >= 5 && whole.some((t) => t.includes(` ${w.join(' ')} `))) return true;
    }
    const words = wordsOf(text);
    for (let i = 0; i + SHINGLE <= words.length; i++)
      if (shingles.has(words.slice(i, i + SHINGLE).join(' '))) return true;
    return /<\/?user_data>|\bsystem prompt\s*:/i.test(text);
  };
}

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

interface Mention {
  verdict: Verdict;
  index: number;
  end: number;
}

/** Verdict mentions in order ("modular monolith" is not also "monolith"; "distributed monolith" is a pain). */
export function verdictMentions(sentence: string): Mention[] {
  let s = sentence.toLowerCase().replace(/distributed[\s-]+monolith\w*/g, (m) => ' '.repeat(m.length));
  const found: Mention[] = [];
  const take = (re: RegExp, verdict: Verdict) => {
    s = s.replace(re, (m, ...rest) => {
      const index = rest[rest.length - 2] as number;
      found.push({ verdict, index, end: index + m.length });
      return ' '.repeat(m.length);
    });
  };
  take(/\bmodular[\s-]+monolith\w*/g, 'modular-monolith');
  take(/\bhybrid\b|\bmonolith(ic)? core\b/g, 'hybrid');
  take(/\bmicro[\s-]?services?\b/g, 'microservices');
  take(/\bmonolith\w*/g, 'monolith');
  return found.sort((a, b) => a.index - b.index);
}

/** Cues that introduce a recommendation: the verdict follows ("we recommend X", "go with X"). */
const FORWARD =
  /\b(recommend(s|ed|ation)?( is)?|suggest(s|ed|ion)?|advise[sd]?|verdict( is)?|should (go with|use|adopt|move to|build|choose|be|start with|stay with|stay|migrate to|split into)|go(ing)? with|opt for|choose|pick|switch to|migrate to|best (fit|choice|option|path) (is|would be)|the (right|best) (answer|choice|way forward) is|we propose)\b/gi;
/** Cues that follow the verdict they endorse ("X is the best fit", "X is recommended"). */
const BACKWARD =
  /\b(is|are|would be|remains?) (the )?(recommended|best|right|ideal|better|winning|clear) ?(choice|fit|option|answer|path|architecture|approach|way to go)?\b|\bis recommended\b|\bwins\b/gi;
const NEGATION =
  /\b(not|n't|never|no|rather than|instead of|avoid\w*|against|unless|if|would (change|move|become|shift)|runner[\s-]up|alternative|later|until|once|premature\w*|too early)\b/i;

/** True when `text` recommends a verdict other than `verdict` (mentioning alternatives is fine). */
export function recommendsOtherVerdict(text: string, verdict: Verdict): boolean {
  return sentenceTexts(text).some((sentence) => {
    const mentions = verdictMentions(sentence);
    if (!mentions.some((m) => m.verdict !== verdict)) return false;
    for (const cue of sentence.matchAll(FORWARD)) {
      const at = cue.index ?? 0;
      const next = mentions.find((m) => m.index >= at + cue[0].length && m.index - at < 90);
      const window = sentence.slice(Math.max(0, at - 25), next?.index ?? at);
      if (next && next.verdict !== verdict && !NEGATION.test(window)) return true;
    }
    for (const cue of sentence.matchAll(BACKWARD)) {
      const at = cue.index ?? 0;
      const prev = [...mentions].reverse().find((m) => m.end <= at && at - m.end < 60);
      const window = sentence.slice(Math.max(0, (prev?.index ?? at) - 25), at + cue[0].length);
      if (prev && prev.verdict !== verdict && !NEGATION.test(window)) return true;
    }
    return false;
  });
}

/** True when the engine's verdict is named somewhere in `text`. */
export function namesVerdict(text: string, verdict: Verdict): boolean {
  return verdictMentions(text).some((m) => m.verdict === verdict);
}
