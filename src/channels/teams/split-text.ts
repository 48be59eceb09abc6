/** Splits long text so each piece fits one Teams message (about 28 KB of payload per activity). */

/** Default budget per message, in UTF-8 bytes, leaving room for the activity envelope. */
export const TEAMS_TEXT_BYTES = 26_000;

/** Splits at paragraph, then line, then word boundaries; never returns an empty piece. */
export function splitText(text: string, maxBytes = TEAMS_TEXT_BYTES): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (Buffer.byteLength(rest, 'utf8') > maxBytes) {
    const window = prefixWithin(rest, maxBytes);
    const cut = bestCut(window);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces.filter((p, i) => p.length > 0 || i === 0);
}

/** The longest prefix (whole code points) that fits in maxBytes. */
function prefixWithin(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}

function bestCut(window: string): number {
  const min = Math.floor(window.length / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= min) return at + sep.length;
  }
  return window.length;
}
