import { cyrb53, stableId } from '../../src/core/stableHash';

describe('cyrb53', () => {
  it('gives a 53-bit integer that depends on text and seed', () => {
    const hash = cyrb53('c:K-1001');
    expect(Number.isSafeInteger(hash)).toBe(true);
    expect(hash).toBeGreaterThanOrEqual(0);
    expect(cyrb53('c:K-1001')).toBe(hash);
    expect(cyrb53('c:K-1002')).not.toBe(hash);
    expect(cyrb53('c:K-1001', 1)).not.toBe(hash);
  });
});

describe('stableId', () => {
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
