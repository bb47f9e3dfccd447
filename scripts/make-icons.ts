/**
 * Draws the add-in's icons (target rings in Office blue) as PNGs into assets/: icon-16/32/64/80.png.
 * Deterministic, no image library: rows of RGBA pixels, deflated with node's zlib. `npx tsx scripts/make-icons.ts`
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80] as const;
const OFFICE_BLUE = [0x00, 0x78, 0xd4] as const;
/** Rings as [inner, outer] radius in fractions of the icon's size; the last one is the filled bullseye. */
const RINGS: [number, number][] = [
  [0.36, 0.48],
  [0.18, 0.28],
  [0, 0.1],
];
const SUBSAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** Share of the pixel covered by a ring, by sampling it on a grid (anti-aliased edges). */
function coverage(size: number, x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUBSAMPLES; sy += 1) {
    for (let sx = 0; sx < SUBSAMPLES; sx += 1) {
      const dx = (x + (sx + 0.5) / SUBSAMPLES) / size - 0.5;
      const dy = (y + (sy + 0.5) / SUBSAMPLES) / size - 0.5;
      const distance = Math.hypot(dx, dy);
      if (RINGS.some(([inner, outer]) => distance >= inner && distance <= outer)) inside += 1;
    }
  }
  return inside / SUBSAMPLES ** 2;
}

export function iconPng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bit, RGBA, deflate, no filter method, no interlace
  const raw = Buffer.alloc(size * (1 + 4 * size));
  for (let y = 0; y < size; y += 1) {
    const row = y * (1 + 4 * size); // each row starts with filter type 0
    for (let x = 0; x < size; x += 1) {
      raw.set([...OFFICE_BLUE, Math.round(255 * coverage(size, x, y))], row + 1 + 4 * x);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1]?.endsWith('make-icons.ts')) {
  for (const size of ICON_SIZES) writeFileSync(join('assets', `icon-${size}.png`), iconPng(size));
  console.log(`assets/icon-{${ICON_SIZES.join(',')}}.png geschrieben`);
}
