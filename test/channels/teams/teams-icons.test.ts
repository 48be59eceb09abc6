import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { colorIcon, outlineIcon } from '../../../scripts/make-teams-icons.js';

/** Decodes our own unfiltered RGBA PNGs back to pixels. */
function pixels(png: Buffer): { width: number; height: number; rgba: (x: number, y: number) => number[] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  return {
    width,
    height,
    rgba: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)],
  };
}

describe('Teams icons', () => {
  it('the committed icons are what the script draws', () => {
    expect(readFileSync('teams/color.png').equals(colorIcon())).toBe(true);
    expect(readFileSync('teams/outline.png').equals(outlineIcon())).toBe(true);
  });

  it('outline is 32x32, only white or fully transparent', () => {
    const icon = pixels(outlineIcon());
    expect([icon.width, icon.height]).toEqual([32, 32]);
    const seen = new Set<string>();
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) seen.add(icon.rgba(x, y).join(','));
    expect([...seen].sort()).toEqual(['0,0,0,0', '255,255,255,255']);
  });

  it('colour icon is 192x192 and opaque in the middle', () => {
    const icon = pixels(colorIcon());
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(icon.rgba(96, 96)[3]).toBe(255);
  });
});
