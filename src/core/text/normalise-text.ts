/**
 * The one normalisation every reader of user text starts from: Unicode NFKC (full-width letters, ligatures
 * and compatibility forms become plain ones), invisible format characters removed (zero-width spaces and
 * joiners, bidi controls, soft hyphens: `\p{Cf}`), control characters as spaces, typographic quotes as plain
 * ones. "I\u200Bgnore" and "Ｉｇｎｏｒｅ" both read as "Ignore", so no filter can be slipped past.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** The text as every reader sees it (and as evidence quotes it). */
export function normaliseText(raw: string): string {
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(CONTROL, ' ')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"');
}
