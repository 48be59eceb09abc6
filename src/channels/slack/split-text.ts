/** Splits text into chunks of at most `max` characters, preferring paragraph, line, then word breaks. */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be positive');
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    // A break right after the window (the next character is a space) keeps the whole window.
    const cut = /\s/.test(rest[max]!) ? max : bestBreak(rest.slice(0, max));
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks.filter((c, i) => c.length > 0 || i === 0);
}

function bestBreak(window: string): number {
  const min = Math.floor(window.length / 2);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(separator);
    if (at >= min) return at + separator.length;
  }
  return window.length;
}
