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
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

const BASE36_6 = 36 ** 6;

/**
 * 12 base-36 characters (≈ 62 bits) from two independently seeded 53-bit hashes, 31 bits of each.
 * Birthday bound: with n ids the chance of any collision is about n² / (2 · 36¹²) = n² / 9.5·10¹⁸;
 * for n = 1,000,000 that is about 1 in 9.5 million. (10 characters of one hash would give 1 in 7,300: too close.)
 */
export const stableId = (text: string): string => {
  const part = (seed: number): string => (cyrb53(text, seed) % BASE36_6).toString(36).padStart(6, '0');
  return (part(1) + part(2)).toUpperCase();
};
