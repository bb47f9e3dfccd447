import fc from 'fast-check';
import Papa from 'papaparse';
import type { CsvDelimiter } from '../../../src/core/outputs/csv';
import { csvChunks, csvField, toCsv } from '../../../src/core/outputs/csv';
import { targetGroupTable } from '../../../src/core/outputs/targetTable';
import type { CellValue, TableData } from '../../../src/core/kernel/sheetTable';
import { makeGroup, makeMember } from './memberBuilders';

const table = (headers: string[], rows: CellValue[][]): TableData => ({ headers, rows, textColumns: [] });

/** The lines after the BOM, split at CRLF (no field of ours contains a line break). */
const lines = (csv: string): string[] => csv.slice(1).split('\r\n');

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, separates with ";" and ends lines with CRLF', () => {
    const csv = toCsv(
      table(
        ['Vorname', 'Nachname', 'Ort'],
        [
          ['Jörg', 'Weiß', 'Köln'],
          ['Ännchen', 'Groß', 'Gießen'],
        ],
      ),
    );
    expect(csv).toBe('\uFEFFVorname;Nachname;Ort\r\nJörg;Weiß;Köln\r\nÄnnchen;Groß;Gießen');
  });

  it.each<[CsvDelimiter, string]>([
    [';', '\uFEFFFirma;PLZ\r\n"Müller & Söhne; GmbH";01067'],
    [',', '\uFEFFFirma,PLZ\r\nMüller & Söhne; GmbH,01067'],
    ['\t', '\uFEFFFirma\tPLZ\r\nMüller & Söhne; GmbH\t01067'],
  ])('quotes only fields that contain the delimiter %p', (delimiter, expected) => {
    expect(toCsv(table(['Firma', 'PLZ'], [['Müller & Söhne; GmbH', '01067']]), { delimiter })).toBe(expected);
  });

  it.each([
    ['a description with "quotes"', '"a description with ""quotes"""'],
    ['Zeile 1\nZeile 2', 'Zeile 1 Zeile 2'],
    ['Zeile 1\r\nZeile 2\rZeile 3', 'Zeile 1 Zeile 2 Zeile 3'],
    [' führendes Leerzeichen', '" führendes Leerzeichen"'],
    ['01067', '01067'],
    ['', ''],
  ])('writes the field %p as %p', (value, expected) => {
    expect(lines(toCsv(table(['Feld'], [[value]])))[1]).toBe(expected);
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['=Müller', "'=Müller"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["+'\\\\srv\\x\\[a.xlsx]S'!A1", "'+'\\\\srv\\x\\[a.xlsx]S'!A1"],
    ['\r\n=1+1', "' =1+1"],
    ['\t=1+1', "'\t=1+1"],
  ])('neutralises what a spreadsheet would execute: %p as %p', (value, expected) => {
    expect(lines(toCsv(table(['Feld'], [[value]])))[1]).toBe(expected);
  });

  it.each([
    '@home GmbH',
    '+Plus Bau',
    '-Minus AG',
    '-Rabatt-',
    '\tTabulator',
    '-',
    '+',
    '+49 221 1234-56',
    '+49 (0)221 / 123 45',
    '-12,50',
  ])('leaves %p as it is: Word would print an apostrophe, and no spreadsheet runs it', (value) => {
    const field = lines(toCsv(table(['Feld'], [[value]])))[1];
    expect(Papa.parse<string[]>(field, { delimiter: ';' }).data[0][0]).toBe(value);
  });

  it('quotes every value of the quoted columns, so that no reader guesses a number', () => {
    const quotedTable: TableData = {
      headers: ['KundenNr', 'Firma', 'PLZ', 'Telefon'],
      rows: [
        ['00417', 'Bau "Nord" GmbH', '01067', '+49 351 1234'],
        ['', 'Süd AG', '09599', ''],
      ],
      textColumns: [0, 1, 2, 3],
      quotedColumns: [0, 2, 3],
    };
    expect(lines(toCsv(quotedTable))).toEqual([
      'KundenNr;Firma;PLZ;Telefon',
      '"00417";"Bau ""Nord"" GmbH";"01067";"+49 351 1234"',
      ';Süd AG;"09599";',
    ]);
  });

  it.each<['de' | 'en', CellValue[], string]>([
    ['de', [new Date(Date.UTC(2026, 0, 5)), 1234.5, true, false, null], '05.01.2026;1234,5;WAHR;FALSCH;'],
    ['en', [new Date(Date.UTC(2026, 0, 5)), 1234.5, true, false, null], '2026-01-05;1234.5;TRUE;FALSE;'],
    ['de', [new Date(Number.NaN), -3, 0, 'x', 'y'], ';-3;0;x;y'],
  ])('formats dates, numbers and booleans in %p', (language, row, expected) => {
    expect(lines(toCsv(table(['A', 'B', 'C', 'D', 'E'], [row]), { language }))[1]).toBe(expected);
  });

  it('pads short rows to the header width and cuts longer ones', () => {
    const csv = toCsv(table(['A', 'B', 'C'], [['1'], ['1', '2', '3', '4']]));
    expect(lines(csv)).toEqual(['A;B;C', '1;;', '1;2;3']);
  });

  it('applies the guard to headers as well', () => {
    expect(lines(toCsv(table(['=cmd', 'Ort'], [])))).toEqual(["'=cmd;Ort"]);
  });
});

/** The documented transformations, stated independently of the implementation. */
const expectedField = (value: string): string => {
  const flat = value.replace(/\r\n|\r|\n/g, ' ');
  const start = flat.replace(/^[ \t]+/, '').charAt(0);
  const executes = start === '=' || ('+-@'.includes(start) && start !== '' && /[(|!]/.test(flat));
  const plainNumber = /^[0-9 +()/\-.,]+$/.test(flat) && /[0-9]/.test(flat);
  return executes && !plainNumber ? `'${flat}` : flat;
};

const csvText = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      'a',
      'ä',
      'ß',
      ' ',
      ';',
      ',',
      '\t',
      '"',
      "'",
      '\n',
      '\r',
      '=',
      '+',
      '-',
      '@',
      '1',
      '(',
      '|',
      '!',
      '/',
      '\uFEFF',
    ),
  }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    'Müller & Söhne; GmbH',
    '+49 221 123456',
    '=SUMME(A1:A9)',
    '@Home',
    '+Plus Bau',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    'Notiz\r\nzweite Zeile',
    '01067',
  ),
);

describe('csvChunks', () => {
  it('gives the text of toCsv in pieces, every line whole, for a file written as it is made', () => {
    const rows = Array.from({ length: 2_345 }, (_, n) => [
      `Kunde ${n}`,
      `0${n}`,
      n % 7 === 0 ? 'Müller; Söhne' : '',
    ]);
    const data = table(['Firma', 'Kundennr', 'Notiz'], rows);
    const pieces = [...csvChunks(data)];

    expect(pieces.length).toBeGreaterThan(2);
    const written = lines(pieces.join(''));
    for (const n of [0, 999, 1_000, 1_001, 2_344])
      expect(written[n + 1]).toBe(lines(toCsv(table(data.headers, [rows[n]])))[1]);
    expect(pieces.slice(1).every((piece) => piece.startsWith('\r\n') && !piece.endsWith('\r\n'))).toBe(true);
    expect(written).toHaveLength(2_346);
  });
});

describe('toCsv round trip (property)', () => {
  it('gives back the same fields when parsed with papaparse, modulo line breaks and the formula guard', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            // Headers are never blank in our tables (an all-blank one-column CSV would be an empty file).
            headers: fc.array(
              csvText.filter((text) => text !== ''),
              { minLength: width, maxLength: width },
            ),
            rows: fc.array(fc.array(csvText, { minLength: width, maxLength: width }), { maxLength: 6 }),
            delimiter: fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
          }),
        ),
        ({ headers, rows, delimiter }) => {
          const csv = toCsv(table(headers, rows), { delimiter });
          expect(csv.startsWith('\uFEFF')).toBe(true);
          const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter, newline: '\r\n' });
          expect(parsed.errors).toEqual([]);
          expect(parsed.data).toEqual([headers, ...rows].map((row) => row.map(expectedField)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is byte for byte what papaparse writes for the whole table (only plain fields are joined outside it)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((width) =>
          fc.record({
            headers: fc.array(csvText, { minLength: width, maxLength: width }),
            rows: fc.array(fc.array(csvText, { minLength: width, maxLength: width }), { maxLength: 6 }),
            delimiter: fc.constantFrom<CsvDelimiter>(';', ',', '\t'),
          }),
        ),
        ({ headers, rows, delimiter }) => {
          const fields = [headers, ...rows].map((row) => row.map(csvField));
          const unparsed = Papa.unparse(fields, {
            delimiter,
            newline: '\r\n',
            quotes: false,
            quoteChar: '"',
            escapeChar: '"',
          });
          expect(toCsv(table(headers, rows), { delimiter })).toBe(`\uFEFF${unparsed}`);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('target group as CSV for Word mail merge', () => {
  it('writes a realistic member exactly', () => {
    const group = makeGroup([
      makeMember({
        contactId: '000417',
        customerId: '10002',
        salutation: 'Herr',
        title: 'Dr.',
        firstName: 'Jörg',
        lastName: '=Müller',
        company: 'Müller & Söhne; GmbH',
        street: 'Königsallee 5',
        postalCode: '01067',
        city: 'Dresden',
        country: 'Deutschland',
        email: 'j.mueller@mueller-soehne.de',
        phone: '+49 351 4711-0',
        mobile: '',
        extra: { 'Notiz Vertrieb': 'Ruft zurück\r\nnach 14 Uhr', Größe: '@groß' },
      }),
    ]);
    const csv = toCsv(targetGroupTable(group, { type: 'letter' }, ['Kontakte: Ort = Dresden']));
    expect(lines(csv)).toEqual([
      'KontaktNr;KundenNr;Anrede;Titel;Vorname;Nachname;Briefanrede;Anschrift1;Anschrift2;Anschrift3;Anschrift4;Anschrift5;Anschrift6;Firma;Strasse;PLZ;Ort;Land;EMail;Telefon;Mobil;Quelle;NotizVertrieb;Groesse',
      '"000417";"10002";Herr;Dr.;Jörg;\'=Müller;Sehr geehrter Herr Dr. =Müller,;"Müller & Söhne; GmbH";Herrn Dr. Jörg =Müller;Königsallee 5;01067 Dresden;;;"Müller & Söhne; GmbH";Königsallee 5;"01067";Dresden;Deutschland;j.mueller@mueller-soehne.de;"+49 351 4711-0";;Kontakte: Ort = Dresden;Ruft zurück nach 14 Uhr;@groß',
    ]);
  });

  it.each(['@home GmbH', '+Plus Bau', '-Minus AG'])(
    'writes the firm %p unchanged into the Firma column and the address line',
    (company) => {
      const csv = toCsv(targetGroupTable(makeGroup([makeMember({ company })]), { type: 'letter' }, []));
      const [headers, row] = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
      expect(row[headers.indexOf('Firma')]).toBe(company);
      expect(row[headers.indexOf('Anschrift1')]).toBe(company);
    },
  );
});
