/**
 * Draws the Teams app icons with no image library: `teams/color.png` (192x192, full colour) and
 * `teams/outline.png` (32x32, white on transparent), as Teams requires. Run: node bin/run-ts.js scripts/make-teams-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
type Paint = (x: number, y: number) => Rgba | undefined;

const ACCENT: Rgba = [47, 91, 234, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no interlace). */
export function encodePng(width: number, height: number, paint: Paint): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b, a] = paint(x, y) ?? CLEAR;
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Archie's mark in unit coordinates (0..1): a wide base block, a modular middle row and one extracted block. */
const BLOCKS: [number, number, number, number][] = [
  [0.2, 0.62, 0.8, 0.78],
  [0.2, 0.42, 0.48, 0.58],
  [0.52, 0.42, 0.8, 0.58],
  [0.36, 0.22, 0.64, 0.38],
];

function inBlock(u: number, v: number): boolean {
  return BLOCKS.some(([x0, y0, x1, y1]) => u >= x0 && u <= x1 && v >= y0 && v <= y1);
}

/** 192x192: white blocks on a rounded accent square. */
export function colorIcon(): Buffer {
  const size = 192;
  const radius = 36;
  return encodePng(size, size, (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - 1 - radius);
    const cy = Math.min(Math.max(y, radius), size - 1 - radius);
    if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return CLEAR;
    return inBlock((x + 0.5) / size, (y + 0.5) / size) ? WHITE : ACCENT;
  });
}

/** 32x32: the same blocks, white on transparent. */
export function outlineIcon(): Buffer {
  const size = 32;
  return encodePng(size, size, (x, y) => (inBlock((x + 0.5) / size, (y + 0.5) / size) ? WHITE : CLEAR));
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'teams');
  writeFileSync(resolve(dir, 'color.png'), colorIcon());
  writeFileSync(resolve(dir, 'outline.png'), outlineIcon());
  console.log(`Wrote ${dir}/color.png (192x192) and ${dir}/outline.png (32x32).`);
}
