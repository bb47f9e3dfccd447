/** The final avalanche of cyrb53 over its two 32-bit lanes, giving a 53-bit integer. */
const finish53 = (lane1: number, lane2: number): number => {
  const h1 = Math.imul(lane1 ^ (lane1 >>> 16), 2246822507) ^ Math.imul(lane2 ^ (lane2 >>> 13), 3266489909);
  const h2 = Math.imul(lane2 ^ (lane2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

/**
 * cyrb53: a fast, well-mixed 53-bit string hash (public domain, bryc). Not cryptographic; used for stable ids that
 * must come out the same on every machine and in every run, without randomness in the pure core.
 */
export const cyrb53 = (text: string, seed = 0): number => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return finish53(h1, h2);
};

const BASE36_6 = 36 ** 6;
const base36Part = (hash: number): string => (hash % BASE36_6).toString(36).padStart(6, '0');

/**
 * 12 base-36 characters (≈ 62 bits) from two independently seeded 53-bit hashes, 31 bits of each:
 * cyrb53(text, 1) and cyrb53(text, 2), computed in one pass over the text (lead ids hash every member).
 * Birthday bound: with n ids the chance of any collision is about n² / (2 · 36¹²) = n² / 9.5·10¹⁸;
 * for n = 1,000,000 that is about 1 in 9.5 million. (10 characters of one hash would give 1 in 7,300: too close.)
 */
export const stableId = (text: string): string => {
  let a1 = 0xdeadbeef ^ 1;
  let a2 = 0x41c6ce57 ^ 1;
  let b1 = 0xdeadbeef ^ 2;
  let b2 = 0x41c6ce57 ^ 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a1 = Math.imul(a1 ^ code, 2654435761);
    a2 = Math.imul(a2 ^ code, 1597334677);
    b1 = Math.imul(b1 ^ code, 2654435761);
    b2 = Math.imul(b2 ^ code, 1597334677);
  }
  return (base36Part(finish53(a1, a2)) + base36Part(finish53(b1, b2))).toUpperCase();
};
