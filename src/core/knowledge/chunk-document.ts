/**
 * Splits a knowledge document into passages: one per `##` section, and long sections further split at
 * sentence boundaries into passages of roughly 120-180 words, so a hit points at a readable paragraph.
 */
import type { KnowledgeDoc, Passage } from './knowledge.js';
import { countWords, splitSentences } from './split-sentences.js';

export interface ChunkOptions {
  /** A section longer than this is split. */
  maxWords: number;
  /** A split-off passage is not ended before this many words (unless the section ends). */
  minWords: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxWords: 180, minWords: 120 };

interface Section {
  heading?: string;
  units: string[];
}

/** Chunks one document; passage ids are `<docId>#<n>` numbered from 1 in reading order. */
export function chunkDocument(doc: KnowledgeDoc, options: Partial<ChunkOptions> = {}): Passage[] {
  const opts = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const passages: Passage[] = [];
  for (const section of splitSections(doc.body)) {
    for (const text of chunkSection(section.units, opts)) {
      passages.push({
        id: `${doc.id}#${passages.length + 1}`,
        docId: doc.id,
        title: doc.title,
        url: doc.url,
        ...(section.heading ? { heading: section.heading } : {}),
        text,
        tags: doc.tags,
      });
    }
  }
  return passages;
}

/** Splits Markdown at `##` headings into plain-text units (paragraphs and list items). */
function splitSections(body: string): Section[] {
  const sections: Section[] = [];
  let current: Section = { units: [] };
  let unit = '';
  const endUnit = () => {
    if (unit.trim()) current.units.push(stripInlineMarkdown(unit.trim()));
    unit = '';
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^##\s+(.+?)\s*#*$/.exec(line);
    if (heading) {
      endUnit();
      if (current.units.length > 0 || current.heading) sections.push(current);
      current = { heading: stripInlineMarkdown(heading[1]!), units: [] };
    } else if (!line || /^(-{3,}|\*{3,}|```.*)$/.test(line)) {
      endUnit();
    } else if (/^(#{1}|#{3,6})\s+/.test(line) || /^([-*+]|\d+[.)])\s+/.test(line) || line.startsWith('>')) {
      // A sub-heading, list item or quote starts a unit of its own.
      endUnit();
      unit = line.replace(/^(#{1,6}|[-*+]|\d+[.)]|>)\s*/, '');
    } else {
      unit = unit ? `${unit} ${line}` : line;
    }
  }
  endUnit();
  if (current.units.length > 0) sections.push(current);
  return sections.filter((s) => s.units.length > 0);
}

function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Groups a section's sentences into balanced passages; units stay on their own lines. */
function chunkSection(units: string[], opts: ChunkOptions): string[] {
  const sentences: { text: string; words: number; endsUnit: boolean }[] = [];
  for (const unit of units) {
    const parts = splitSentences(unit).flatMap((s) => splitOverlong(s, opts.maxWords));
    parts.forEach((text, i) => {
      sentences.push({ text, words: countWords(text), endsUnit: i === parts.length - 1 });
    });
  }
  const total = sentences.reduce((sum, s) => sum + s.words, 0);
  if (total <= opts.maxWords) return [join(sentences)];
  // Aim for equal-sized passages rather than a full one followed by a stub.
  const target = Math.max(opts.minWords, total / Math.ceil(total / opts.maxWords));
  const chunks: string[] = [];
  let group: typeof sentences = [];
  let words = 0;
  let remaining = total;
  for (const sentence of sentences) {
    const wouldOverflow = words + sentence.words > opts.maxWords;
    if (group.length > 0 && (words >= target || (wouldOverflow && words >= opts.minWords / 2))) {
      // Do not leave a stub too small to be a passage: let the last group run a little long instead.
      if (remaining >= opts.minWords / 2 || wouldOverflow) {
        chunks.push(join(group));
        group = [];
        words = 0;
      }
    }
    group.push(sentence);
    words += sentence.words;
    remaining -= sentence.words;
  }
  if (group.length > 0) chunks.push(join(group));
  return chunks;
}

function join(sentences: { text: string; endsUnit: boolean }[]): string {
  return sentences
    .map((s, i) => s.text + (i === sentences.length - 1 ? '' : s.endsUnit ? '\n' : ' '))
    .join('')
    .trim();
}

/** A run-on "sentence" (e.g. a long list without full stops) is cut at word boundaries. */
function splitOverlong(sentence: string, maxWords: number): string[] {
  const words = sentence.split(/\s+/);
  if (words.length <= maxWords) return [sentence];
  const pieces: string[] = [];
  const size = Math.ceil(words.length / Math.ceil(words.length / maxWords));
  for (let i = 0; i < words.length; i += size) pieces.push(words.slice(i, i + size).join(' '));
  return pieces;
}
