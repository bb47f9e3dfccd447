import fc from 'fast-check';
import { KeySet } from '../../../src/core/kernel/keySet';

describe('KeySet', () => {
  it.each([
    ['a customer number seen before', ['K-10001', 'K-10002'], 'K-10001', true],
    ['the same text built anew', ['K-10001'], ['K-', '10001'].join(''), true],
    ['another case', ['info@mueller.de'], 'INFO@mueller.de', false],
    ['a longer key with the same start', ['10001'], '100010', false],
    ['a key with an umlaut', ['Müller'], 'Müller', true],
    ['the empty key', [''], '', true],
    ['nothing added', [], 'K-10001', false],
    ['a key longer than 8 units', ['DE-4711-0815-A'], 'DE-4711-0815-A', true],
    ['a long key differing in its last unit', ['DE-4711-0815-A'], 'DE-4711-0815-B', false],
    ['a key with a unit above 255', ['€-100'], '€-100', true],
    ['a key differing only above 255', ['€-100'], '₤-100', false],
    ['a zero unit at the end', ['K1'], 'K1\u0000', false],
  ])('has: %s', (_case, keys, probe, expected) => {
    expect(KeySet.of(keys).has(probe)).toBe(expected);
  });

  it.each([0, 5_000])('add says whether the key was new, also after the table grew (room for %p)', (room) => {
    const set = new KeySet(room);
    const keys = Array.from({ length: 5_000 }, (_, i) => `P${100_000 + i}`);
    expect(keys.map((key) => set.add(key)).every(Boolean)).toBe(true);
    expect(keys.map((key) => set.add(`${key}`)).some(Boolean)).toBe(false);
    expect(keys.every((key) => set.has(key))).toBe(true);
    expect(set.has('P99999')).toBe(false);
  });

  it('indexOf numbers the keys in the order they were first added, also after the table grew', () => {
    const set = new KeySet();
    const keys = Array.from({ length: 3_000 }, (_, i) => (i % 3 === 0 ? `Kunde ${i} – Übersee` : `K-${i}`));
    keys.forEach((key) => set.add(key));
    keys.forEach((key) => set.add(` ${key}`.slice(1)));
    expect(keys.map((key) => set.indexOf(key))).toEqual(keys.map((_, i) => i));
    expect(set.indexOf('K-3000')).toBe(-1);
    expect(set.indexOf('k-1')).toBe(-1);
  });

  it('answers like a built-in Set for any sequence of adds and lookups', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('K-1', 'K-10', 'Ä', '\u0000', 'a\u00e4'),
    );
    const operation = fc.tuple(fc.constantFrom('add' as const, 'has' as const), key);
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), (operations) => {
        const expected = new Set<string>();
        const actual = new KeySet();
        for (const [op, k] of operations) {
          const want = op === 'add' ? !expected.has(k) && Boolean(expected.add(k)) : expected.has(k);
          expect(op === 'add' ? actual.add(k) : actual.has(k)).toBe(want);
          expect(actual.indexOf(k)).toBe([...expected].indexOf(k));
        }
      }),
    );
  });
});

describe('KeySet.prepare', () => {
  it('writes a large table a megabyte per step and leaves the set empty and working', () => {
    const set = new KeySet(300_000);
    const steps = [...set.prepare()];
    expect(steps.length).toBeGreaterThan(5);
    expect(set.has('K-1')).toBe(false);
    expect([set.code('K-1'), set.code('K-2'), set.code('K-1')]).toEqual([0, 1, 0]);
  });
});
