import {
  cleanSheetName,
  tableNameFor,
  transliterate,
  truncate,
  uniqueSheetName,
} from '../../../src/core/workbook/sheetNames';

describe('cleanSheetName', () => {
  it.each([
    ['Newsletter November 2010', 'Newsletter November 2010'],
    ['Q1/Q2: Kunden [alt]?', 'Q1 Q2 Kunden alt'],
    ['Rabatt*Aktion\\2026', 'Rabatt Aktion 2026'],
    ["'Herbst'", 'Herbst'],
    ["''", 'Kampagne'],
    ['   ', 'Kampagne'],
    ['Zeile\nzwei\tTab', 'Zeile zwei Tab'],
    ['History', 'History 1'],
    ['history', 'history 1'],
    ['Frühjahrsaktion für Bestandskunden 2026', 'Frühjahrsaktion für'],
    ['Sonderangebote für inaktive Kunden', 'Sonderangebote für inaktive'],
    ['Rabattaktionfürbestandskundeninganzdeutschland', 'Rabattaktionfürbestandskundenin'],
    ["Ein Name der genau hier endet' und weiter", 'Ein Name der genau hier endet'],
    ['Kampagne1 😀😀😀😀😀😀😀😀😀😀😀😀😀', 'Kampagne1 😀😀😀😀😀😀😀😀😀😀'],
  ])('%p → %p', (text, expected) => {
    const name = cleanSheetName(text);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('uses the given fallback for a blank name', () => {
    expect(cleanSheetName('[]', 'Zielgruppe')).toBe('Zielgruppe');
  });
});

describe('uniqueSheetName', () => {
  it.each([
    ['a free name', 'Herbst', ['Kontakte', 'Kunden'], [], 'Herbst'],
    ['a user sheet with that name', 'Kontakte', ['Kontakte'], [], 'Kontakte (2)'],
    ['a user sheet differing in case', 'kontakte', ['Kontakte', 'kontakte (2)'], [], 'kontakte (3)'],
    ['its own sheet', 'Herbst', ['herbst'], ['Herbst'], 'Herbst'],
    [
      'its own numbered sheet from the last run',
      'Kontakte',
      ['Kontakte', 'Kontakte (2)'],
      ['Kontakte (2)'],
      'Kontakte (2)',
    ],
    [
      'a long name',
      'Frühjahrsaktion für Bestandskunden',
      ['Frühjahrsaktion für'],
      [],
      'Frühjahrsaktion für (2)',
    ],
    ['a name to clean', 'Q1/Q2', ['Q1 Q2'], [], 'Q1 Q2 (2)'],
  ])('with %s', (_, desired, existing, owned, expected) => {
    expect(uniqueSheetName(desired, existing, owned)).toBe(expected);
  });

  it('counts past ten within 31 characters', () => {
    const base = 'A'.repeat(31);
    const numbered = (n: number): string => `${'A'.repeat(31 - ` (${n})`.length)} (${n})`;
    const existing = [base, ...Array.from({ length: 9 }, (_, i) => numbered(i + 2))];
    const name = uniqueSheetName(base, existing, []);
    expect(name).toBe(`${'A'.repeat(26)} (11)`);
    expect(name).toHaveLength(31);
  });
});

describe('tableNameFor', () => {
  it.each([
    ['Newsletter November 2010', [], 'Newsletter_November_2010'],
    ['Frühjahrsaktion Köln/Düsseldorf', [], 'Fruehjahrsaktion_Koeln_Duesseldorf'],
    ['Straße & Söhne', [], 'Strasse_Soehne'],
    ['Café Crème', [], 'Cafe_Creme'],
    ['2026 Herbst', [], 'Kampagne_2026_Herbst'],
    ['A1', [], 'A1_'],
    ['ABC123', [], 'ABC123_'],
    ['R1C1', [], 'R1C1_'],
    ['r', [], 'r_'],
    ['C', [], 'C_'],
    ['ABCD123', [], 'ABCD123'],
    ['   ', [], 'Kampagne'],
    ['v1.2 Test', [], 'v1.2_Test'],
    ['Herbst', ['herbst'], 'Herbst_2'],
    ['Herbst', ['Herbst', 'Herbst_2'], 'Herbst_3'],
  ])('%p with %p → %p', (text, existing, expected) => {
    expect(tableNameFor(text, existing)).toBe(expected);
  });

  it('stays within 255 characters, also when numbered', () => {
    const long = 'x'.repeat(300);
    expect(tableNameFor(long, [])).toHaveLength(255);
    const numbered = tableNameFor(long, ['x'.repeat(255)]);
    expect(numbered).toHaveLength(255);
    expect(numbered.endsWith('_2')).toBe(true);
  });
});

describe('helpers', () => {
  it('transliterates umlauts the German way and drops other accents', () => {
    expect(transliterate('Ärger über Öl, Straße, Ça va, €')).toBe('Aerger ueber Oel, Strasse, Ca va, EUR');
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('abc', 5)).toBe('abc');
  });
});
