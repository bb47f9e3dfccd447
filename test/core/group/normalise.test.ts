import {
  firstNamesCompatible,
  lastNamesCompatible,
  normaliseCompany,
  normaliseEmail,
  normaliseName,
  normaliseStreet,
} from '../../../src/core/group/normalise';

describe('normaliseName', () => {
  it.each([
    ['Anna', 'anna'],
    ['  Anna   Lena ', 'anna lena'],
    ['Jürgen', 'juergen'],
    ['Juergen', 'juergen'],
    ['Ju\u0308rgen', 'juergen'],
    ['Groß', 'gross'],
    ['Müller-Lüdenscheidt', 'mueller luedenscheidt'],
    ['Dr. Anna', 'anna'],
    ['Prof. Dr. Anna', 'anna'],
    ['Dipl.-Ing. Hans', 'hans'],
    ['Schmidt, M.A.', 'schmidt'],
    ['Dr Anna', 'anna'],
    ['A.', 'a'],
    ['José', 'jose'],
    ['-', ''],
    ['', ''],
  ])('%p → %p', (text, expected) => {
    expect(normaliseName(text)).toBe(expected);
  });
});

describe('normaliseCompany', () => {
  it.each([
    ['Bäckerei Größe GmbH', 'baeckerei groesse gmbh'],
    ['BAECKEREI  GROESSE GMBH', 'baeckerei groesse gmbh'],
    ['Praxis Dr. Weber', 'praxis dr weber'],
    ['Müller & Söhne KG', 'mueller soehne kg'],
  ])('%p → %p', (text, expected) => {
    expect(normaliseCompany(text)).toBe(expected);
  });
});

describe('normaliseEmail', () => {
  it.each<[string, string | null]>([
    [' Anna@Alpha.DE ', 'anna@alpha.de'],
    ['-', null],
    ['keine', null],
  ])('%p → %p', (text, expected) => {
    expect(normaliseEmail(text)).toBe(expected);
  });
});

describe('normaliseStreet', () => {
  it.each([
    ['Hauptstraße 5', 'hauptstr5'],
    ['Hauptstr. 5', 'hauptstr5'],
    ['Hauptstrasse 5 a', 'hauptstr5a'],
    ['Königsbrücker Straße 12', 'koenigsbrueckerstr12'],
  ])('%p → %p', (text, expected) => {
    expect(normaliseStreet(text)).toBe(expected);
  });
});

describe('name compatibility', () => {
  it.each([
    ['anna', 'anna', true],
    ['anna', 'a', true],
    ['hans', 'hans peter', true],
    ['anna', '', true],
    ['anna', 'bernd', false],
    ['anna', 'anne', false],
    ['a', 'b', false],
  ])('first names %p and %p: %p', (a, b, expected) => {
    expect(firstNamesCompatible(a, b)).toBe(expected);
    expect(firstNamesCompatible(b, a)).toBe(expected);
  });

  it.each([
    ['schmidt', 'schmidt', true],
    ['schmidt', 'schmidt meier', true],
    ['schmidt', 'schmitt', false],
  ])('last names %p and %p: %p', (a, b, expected) => {
    expect(lastNamesCompatible(a, b)).toBe(expected);
  });
});
