import fc from 'fast-check';
import { cyrb53, stableId } from '../../../src/core/kernel/stableHash';

/** bryc's cyrb53 as published, one seed per pass: the oracle for the one-pass stableId. */
const referenceCyrb53 = (str: string, seed: number): number => {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0, ch; i < str.length; i++) {
    ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
};

const twoPassStableId = (text: string): string => {
  const part = (seed: number): string =>
    (referenceCyrb53(text, seed) % 36 ** 6).toString(36).padStart(6, '0');
  return (part(1) + part(2)).toUpperCase();
};

/** Member keys as they come: ASCII ids, umlauts, accents, emoji (surrogate pairs), lone surrogates, control chars. */
const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'äöüßÄÖÜéèçñ@.|:-K0123 \u0000😀'.split('')), maxLength: 40 }),
);

describe('cyrb53', () => {
  it('gives a 53-bit integer that depends on text and seed', () => {
    const hash = cyrb53('c:K-1001');
    expect(Number.isSafeInteger(hash)).toBe(true);
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(cyrb53('c:K-1001')).toBe(hash);
    expect(cyrb53('c:K-1002')).not.toBe(hash);
    expect(cyrb53('c:K-1001', 1)).not.toBe(hash);
  });

  it('is the published cyrb53 for any text and seed', () => {
    fc.assert(
      fc.property(anyText, fc.integer(), (text, seed) => {
        expect(cyrb53(text, seed)).toBe(referenceCyrb53(text, seed));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stableId', () => {
  it('equals two separate cyrb53 passes (seeds 1 and 2) for any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(stableId(text)).toBe(twoPassStableId(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['', 'a', 'K-ABC\u0000c:K-1001', 'K-ABC\u0000e:jörg.müller@müller-söhne.de', '😀 \uD800 x'])(
    'equals two separate cyrb53 passes for %p',
    (text) => expect(stableId(text)).toBe(twoPassStableId(text)),
  );

  it.each(['', 'a', 'c:K-1001', 'e:anna.schmidt@schmidt-bau.de', 'n:jörg müller|müller & söhne'])(
    'is 12 upper-case base-36 characters for %p',
    (text) => {
      expect(stableId(text)).toMatch(/^[0-9A-Z]{12}$/);
      expect(stableId(text)).toBe(stableId(text));
    },
  );

  it('has no collision among 300,000 similar keys', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 300_000; i++) ids.add(stableId(`K-ABC\u0000c:${i}`));
    expect(ids.size).toBe(300_000);
  });
});
