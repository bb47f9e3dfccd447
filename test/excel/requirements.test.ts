import { versionAtLeast } from '../../src/excel/requirements';

describe('versionAtLeast', () => {
  it.each([
    ['1.7', '1.7', true],
    ['1.8', '1.7', true],
    ['1.10', '1.7', true],
    ['1.10', '1.9', true],
    ['2', '1.7', true],
    ['1.6', '1.7', false],
    ['1.1', '1.7', false],
    ['1', '1.7', false],
    ['', '1.7', false],
    ['alt', '1.7', false],
  ])('%s against %s: %s', (version, minimum, expected) => {
    expect(versionAtLeast(version, minimum)).toBe(expected);
  });
});
