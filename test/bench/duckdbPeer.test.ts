/**
 * The benchmark compares the engine with DuckDB only if both compute the same thing: on the tiny synthetic workbook
 * (blank and title rows, totals row, text dates, German money, opt-outs, broken e-mails) each selection finds the
 * same recipients, row for row, and the union the same members: same key, same rows merged into each.
 */
import { runSelection } from '../../src/core/select/selections';
import { recipientsOf } from '../../src/core/select/recipients';
import type { CellValue, SheetTable } from '../../src/core/kernel/sheetTable';
import { syntheticWorkbook } from '../../src/sample/syntheticWorkbook';
import { compareSets, ourMemberIdentities, rowIdentity } from '../../bench/agreement';
import { DuckPeer } from '../../bench/duckdbPeer';
import {
  buildGroup,
  cold,
  parseOrThrow,
  SCALES,
  SELECTION_NAMES,
  SELECTIONS,
  TODAY,
  touchEveryCell,
} from '../../bench/scenario';

describe('DuckDB peer of the benchmark', () => {
  const tables = syntheticWorkbook(SCALES.tiny);
  const data = parseOrThrow(tables);
  let peer: DuckPeer;

  beforeAll(async () => {
    peer = await DuckPeer.ingest(tables);
  });
  afterAll(() => peer.close());

  it.each(SELECTION_NAMES)('selection %s finds the same rows as the engine', async (name) => {
    const ours = recipientsOf(data, runSelection(cold(data), SELECTIONS[name], { today: TODAY }).records).map(
      rowIdentity,
    );
    expect(ours.length).toBeGreaterThan(0);
    expect(await peer.selection(name)).toBe(ours.length);
    const theirs = await peer.selectionRows(name);
    expect(compareSets(ours, theirs)).toEqual({ same: true, onlyOurs: [], onlyTheirs: [], repeated: [] });
  });

  it('the union with dedupe has the same members, with the same keys and the same rows in each', async () => {
    const group = buildGroup(data);
    const keys = await peer.union();
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(new Set(group.members.map((member) => member.key)));
    const ours = ourMemberIdentities(group);
    // Members of several rows are where a wrong dedupe would show: the data must have them.
    expect(ours.filter((identity) => identity.includes(',')).length).toBeGreaterThan(10);
    const theirs = await peer.memberIdentities();
    expect(compareSets(ours, theirs)).toEqual({ same: true, onlyOurs: [], onlyTheirs: [], repeated: [] });
    expect(group.excluded.some((exclusion) => exclusion.reason === 'optOut')).toBe(true);
    expect(group.excluded.some((exclusion) => exclusion.reason === 'invalidEmail')).toBe(true);
  });
});

const CUSTOMER_HEADERS = [
  'Kundennummer',
  'Firma',
  'Anrede',
  'Vorname',
  'Nachname',
  'Straße',
  'PLZ',
  'Ort',
  'Land',
];
const CONTACT_HEADERS = [
  'Kontakt-Nr.',
  'Kunden-Nr.',
  'Anrede',
  'Vorname',
  'Nachname',
  'Straße',
  'PLZ',
  'Ort',
];

/** customer: [no, company, first, last, e-mail, opt-out, branch]; contact: [no, customer, first, last, e-mail, opt-out]. */
const workbook = (customers: CellValue[][], contacts: CellValue[][]): SheetTable[] => [
  {
    name: 'Kunden',
    rows: [
      [...CUSTOMER_HEADERS, 'E-Mail', 'Telefon', 'Werbesperre', 'Branche'],
      ...customers.map(([no, company, first, last, email, optOut, branch]) => [
        no,
        company,
        'Herr',
        first,
        last,
        'Hauptstraße 1',
        '01067',
        'Dresden',
        'Deutschland',
        email,
        '',
        optOut,
        branch,
      ]),
    ],
  },
  {
    name: 'Ansprechpartner',
    rows: [
      [...CONTACT_HEADERS, 'E-Mail', 'Telefon', 'Mobil', 'Newsletter abgemeldet', 'Position'],
      ...contacts.map(([no, customer, first, last, email, optOut]) => [
        no,
        customer,
        'Herr',
        first,
        last,
        '',
        '',
        '',
        email,
        '',
        '',
        optOut,
        'Einkauf',
      ]),
    ],
  },
  {
    name: 'Artikel',
    rows: [
      ['Artikel-Nr.', 'Bezeichnung', 'Kategorie'],
      ['A-1001', 'Artikel 1', 'Farben'],
    ],
  },
  {
    name: 'Umsätze',
    rows: [
      ['Rechnungsdatum', 'Kunden-Nr.', 'Artikel-Nr.', 'Bezeichnung', 'Menge', 'Betrag'],
      [46_150, 'K-1', 'A-1001', 'Artikel 1', 5, 12.5],
      ['Summe', '', '', '', '', '12,50'],
    ],
  },
];

describe('DuckDB peer on the identity cascade', () => {
  it.each<[string, CellValue[][], CellValue[][]]>([
    [
      // Found as inactive customer, standing for itself: another customer number is another firm (a branch), so the
      // contact of the same name at a firm of the same name is another person and stays in.
      'an opted-out customer does not block a contact of the same name at another customer number of the same name',
      [
        ['K-1', 'Meyer Bau GmbH', 'Anna', 'Meyer', 'info@k1.de', '', 'Bau'],
        ['K-2', 'Meyer Bau GmbH', 'Ben', 'Meyer', '', 'ja', 'Bau'],
      ],
      [['P1', 'K-1', 'Ben', 'Meyer', 'ben@k1.de', '']],
    ],
    [
      "a customer standing for itself with a contact's e-mail is that contact",
      [
        ['K-1', 'Meyer Bau GmbH', 'Anna', 'Meyer', 'info@k1.de', '', 'Bau'],
        ['K-2', 'Schulz KG', 'Ben', 'Schulz', 'Ben@K1.de ', '', 'Bau'],
      ],
      [['P1', 'K-1', 'Ben', 'Meyer', 'ben@k1.de', '']],
    ],
    [
      'an opted-out contact blocks only itself, a contact with a broken e-mail is no member',
      [['K-1', 'Meyer Bau GmbH', 'Anna', 'Meyer', 'info@k1.de', '', 'Bau']],
      [
        ['P1', 'K-1', 'Ben', 'Meyer', 'ben@k1.de', 'x'],
        ['P2', 'K-1', 'Eva', 'Meyer', 'eva at k1.de', ''],
        ['P3', 'K-1', 'Jan', 'Meyer', 'jan@k1.de', ''],
      ],
    ],
  ])('%s', async (_, customers, contacts) => {
    const tables = workbook(customers, contacts);
    const group = buildGroup(parseOrThrow(tables));
    const peer = await DuckPeer.ingest(tables);
    try {
      expect(new Set(await peer.union())).toEqual(new Set(group.members.map((member) => member.key)));
      expect(new Set(await peer.memberIdentities())).toEqual(new Set(ourMemberIdentities(group)));
    } finally {
      peer.close();
    }
  });
});

describe('floor of the benchmark', () => {
  it.each([
    ['text counts its length, numbers 1, booleans and dates 2, empty cells 0', [['abc', 5, null, true]], 6],
    ['ragged and blank rows', [['Titel'], [], ['x', new Date(0)]], 8],
  ])('%s', (_, rows, expected) => {
    expect(touchEveryCell([{ name: 'Blatt', rows }])).toBe(expected);
  });
});
