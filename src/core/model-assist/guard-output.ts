/**
 * Validators for model text before a user sees it: citations must point at passages we supplied, URLs
 * must be in the knowledge base, and the system prompt must not be echoed. Whether text steers away from
 * the engine's verdict is `verdict-guard.ts`.
 */
import type { Passage } from '../knowledge/knowledge.js';

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
