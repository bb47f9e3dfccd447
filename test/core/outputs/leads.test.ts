import fc from 'fast-check';
import type { LeadsMergeResult } from '../../../src/core/outputs/leads';
import { LEAD_HEADERS, leadIdFor, mergeLeads } from '../../../src/core/outputs/leads';
import type { CellValue, SheetTable, TableData } from '../../../src/core/kernel/sheetTable';
import type { Member } from '../../../src/core/group/targetGroupModel';
import { makeMember } from './memberBuilders';

const CAMPAIGN = { id: 'K-ABC123', name: 'Frühjahrsaktion 2026' };
const OTHER = { id: 'K-XYZ789', name: 'Newsletter November' };
const T1 = '2026-03-01T09:00:00.000Z';
const T2 = '2026-03-15T14:30:00.000Z';
const DE = LEAD_HEADERS.de;

const anna = makeMember({
  contactId: 'K-1',
  firstName: 'Anna',
  lastName: 'Schmidt',
  email: 'anna@schmidt-bau.de',
});
const jorg = makeMember({
  contactId: 'K-2',
  salutation: 'Herr',
  firstName: 'Jörg',
  lastName: 'Müller',
  company: 'Müller & Söhne; GmbH',
  email: 'j.mueller@mueller-soehne.de',
  phone: '',
  mobile: '+49 171 2345678',
  customerId: '10002',
});
const eva = makeMember({
  contactId: 'K-3',
  firstName: 'Eva',
  lastName: 'Groß',
  email: 'eva@gross.de',
  customerId: '',
});

const asSheet = (table: TableData, name = 'Leads'): SheetTable => ({
  name,
  rows: [table.headers, ...table.rows],
});

const cell = (table: TableData, leadId: string, header: string): CellValue => {
  const column = table.headers.indexOf(header);
  const row = table.rows.find((r) => r[table.headers.indexOf(DE.leadId)] === leadId);
  if (column < 0 || !row) throw new Error(`no ${header} for ${leadId}`);
  return row[column];
};

const counts = ({ created, updated, unchanged, notInGroup }: LeadsMergeResult) => ({
  created,
  updated,
  unchanged,
  notInGroup,
});

/** A sheet as people leave it after a week of work; `edit` changes cells by German header. */
const editSheet = (table: TableData, edits: Record<string, Record<string, CellValue>>): SheetTable => {
  const idColumn = table.headers.indexOf(DE.leadId);
  const rows = table.rows.map((row) => {
    const changes = edits[String(row[idColumn])] ?? {};
    return row.map((value, i) => (table.headers[i] in changes ? changes[table.headers[i]] : value));
  });
  return asSheet({ ...table, rows });
};

describe('mergeLeads on a new Leads sheet', () => {
  const result = mergeLeads(null, CAMPAIGN, [anna, jorg], T1, 'de');

  it('writes the German columns and one lead per member with status "Neu"', () => {
    expect(result.table.headers).toEqual([
      'Lead-ID',
      'Kampagne',
      'KampagnenID',
      'Vorname',
      'Nachname',
      'Firma',
      'EMail',
      'Telefon',
      'KundenNr',
      'Status',
      'Zuständig',
      'Wiedervorlage',
      'Notiz',
      'Erstellt',
      'Aktualisiert',
    ]);
    const jorgId = leadIdFor(CAMPAIGN.id, jorg.key);
    expect(result.table.rows[1]).toEqual([
      jorgId,
      'Frühjahrsaktion 2026',
      'K-ABC123',
      'Jörg',
      'Müller',
      'Müller & Söhne; GmbH',
      'j.mueller@mueller-soehne.de',
      '+49 171 2345678',
      '10002',
      'Neu',
      null,
      null,
      null,
      new Date(T1),
      new Date(T1),
    ]);
    expect(counts(result)).toEqual({ created: 2, updated: 0, unchanged: 0, notInGroup: 0 });
    expect(result.problems).toEqual([]);
  });

  it('marks text columns as text and leaves the date columns as dates', () => {
    const textHeaders = result.table.textColumns.map((i) => result.table.headers[i]);
    expect(textHeaders).toEqual([
      'Lead-ID',
      'Kampagne',
      'KampagnenID',
      'Vorname',
      'Nachname',
      'Firma',
      'EMail',
      'Telefon',
      'KundenNr',
      'Status',
      'Zuständig',
      'Notiz',
    ]);
  });

  it('writes English columns and statuses for an English campaign', () => {
    const english = mergeLeads(null, CAMPAIGN, [anna], T1, 'en');
    expect(english.table.headers.slice(0, 3)).toEqual(['Lead ID', 'Campaign', 'Campaign ID']);
    expect(
      cell(
        { ...english.table, headers: english.table.headers.map((h) => (h === 'Lead ID' ? DE.leadId : h)) },
        leadIdFor(CAMPAIGN.id, anna.key),
        'Status',
      ),
    ).toBe('New');
  });

  it('treats a blank existing sheet like a missing one', () => {
    const blank = mergeLeads({ name: 'Leads', rows: [[null, ''], []] }, CAMPAIGN, [anna], T1, 'de');
    expect(blank.table.headers[0]).toBe('Lead-ID');
    expect(blank.created).toBe(1);
  });

  it('rejects a timestamp that is not one (a bug in the caller)', () => {
    expect(() => mergeLeads(null, CAMPAIGN, [anna], 'gestern', 'de')).toThrow(RangeError);
  });
});

describe('lead ids', () => {
  it('are short, stable and differ per campaign and per person', () => {
    const id = leadIdFor(CAMPAIGN.id, anna.key);
    expect(id).toMatch(/^L-[0-9A-Z]{12}$/);
    expect(leadIdFor(CAMPAIGN.id, anna.key)).toBe(id);
    expect(leadIdFor(OTHER.id, anna.key)).not.toBe(id);
    expect(leadIdFor(CAMPAIGN.id, jorg.key)).not.toBe(id);
  });

  it('do not collide over 200,000 people', () => {
    const ids = new Set(Array.from({ length: 200_000 }, (_, i) => leadIdFor(CAMPAIGN.id, `c:${i}`)));
    expect(ids.size).toBe(200_000);
  });
});

describe('mergeLeads on a sheet people have worked with', () => {
  const first = mergeLeads(null, CAMPAIGN, [anna, jorg, eva], T1, 'de').table;
  const otherCampaign = mergeLeads(null, OTHER, [anna], T1, 'de').table;
  const [annaId, jorgId, evaId] = [anna, jorg, eva].map((m) => leadIdFor(CAMPAIGN.id, m.key));
  const followUp = new Date(Date.UTC(2026, 3, 2));

  /**
   * People sorted the rows, inserted a "Priorität" column after "Firma" (numbers) and a "Region" column at the end,
   * left a blank row, added their own row without Lead-ID, and set status, owner, follow-up and a two-line note.
   */
  const worked = (): SheetTable => {
    const edited = editSheet(first, {
      [annaId]: {
        Status: 'Kontaktiert',
        Zuständig: 'Herr Weber',
        Wiedervorlage: followUp,
        Notiz: 'Rückruf\nam Montag',
      },
      [jorgId]: { Status: 'Gewonnen' },
    });
    const [header, ...rows] = edited.rows;
    const firma = header.indexOf('Firma');
    const withColumns = (row: CellValue[], priority: CellValue, region: CellValue): CellValue[] => [
      ...row.slice(0, firma + 1),
      priority,
      ...row.slice(firma + 1),
      region,
    ];
    const otherRow = otherCampaign.rows[0];
    return {
      name: 'Leads',
      rows: [
        withColumns(header, 'Priorität', 'Region'),
        withColumns(rows[2], 3, 'Nord'), // Eva
        withColumns(otherRow, 1, 'Süd'),
        [],
        withColumns(rows[0], 1, 'West'), // Anna
        withColumns(['', 'Messe Köln', '', 'Karl', 'Klein', ...Array(10).fill(null)], 2, 'Ost'),
        withColumns(rows[1], 2, null), // Jörg
      ],
    };
  };

  it('keeps every edit, every user column and the order people gave the rows', () => {
    const sheet = worked();
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 3, notInGroup: 0 });
    expect(result.table.headers).toEqual(sheet.rows[0]);
    expect(result.table.rows).toEqual(sheet.rows.filter((row) => row.length > 0).slice(1));
    expect(cell(result.table, annaId, 'Wiedervorlage')).toBeInstanceOf(Date);
    expect(cell(result.table, annaId, 'Priorität')).toBe(1);
  });

  it.each<[string, CellValue, 'updated' | 'unchanged']>([
    ['the same text', 'Müller & Söhne; GmbH', 'unchanged'],
    ['padded with spaces', '  Müller & Söhne; GmbH ', 'unchanged'],
    ['padded with a no-break space and a tab', '\u00A0Müller & Söhne; GmbH\t', 'unchanged'],
    ['another firm', 'Müller & Söhne GmbH', 'updated'],
    ['a number', 10002, 'updated'],
  ])('counts a Firma cell holding %s (%p) as %s', (_, firma, expected) => {
    const sheet = editSheet(first, { [jorgId]: { Firma: firma } });
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(counts(result)).toEqual({
      created: 0,
      updated: expected === 'updated' ? 1 : 0,
      unchanged: expected === 'updated' ? 2 : 3,
      notInGroup: 0,
    });
    expect(cell(result.table, jorgId, 'Firma')).toBe(expected === 'updated' ? jorg.recipient.company : firma);
  });

  it.each<[string, CellValue[]]>([
    ['spaces', ['  ', ' ']],
    ['no-break spaces and tabs', ['\u00A0', '\t', '\u2003']],
    ['nulls and empty text', [null, '']],
  ])('skips a row of %s as blank', (_, cells) => {
    const [header, ...rows] = asSheet(first).rows;
    const result = mergeLeads(
      { name: 'Leads', rows: [header, cells, ...rows] },
      CAMPAIGN,
      [anna, jorg, eva],
      T2,
      'de',
    );
    expect(result.table.rows).toHaveLength(3);
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 3, notInGroup: 0 });
  });

  it('updates changed contact details and the Aktualisiert date only for that lead', () => {
    const moved = {
      ...anna,
      recipient: { ...anna.recipient, email: 'anna.schmidt@neu.de', company: 'Schmidt Bau AG' },
    };
    const result = mergeLeads(worked(), CAMPAIGN, [moved, jorg, eva], T2, 'de');
    expect(counts(result)).toEqual({ created: 0, updated: 1, unchanged: 2, notInGroup: 0 });
    expect(cell(result.table, annaId, 'EMail')).toBe('anna.schmidt@neu.de');
    expect(cell(result.table, annaId, 'Firma')).toBe('Schmidt Bau AG');
    expect(cell(result.table, annaId, 'Aktualisiert')).toEqual(new Date(T2));
    expect(cell(result.table, annaId, 'Erstellt')).toEqual(new Date(T1));
    expect(cell(result.table, annaId, 'Status')).toBe('Kontaktiert');
    expect(cell(result.table, annaId, 'Notiz')).toBe('Rückruf\nam Montag');
    expect(cell(result.table, jorgId, 'Aktualisiert')).toEqual(new Date(T1));
  });

  it('appends new members at the end and keeps leads whose person left the group', () => {
    const newcomer = makeMember({
      contactId: 'K-4',
      firstName: 'Lars',
      lastName: 'Öztürk',
      email: 'lars@oeztuerk.de',
    });
    const result = mergeLeads(worked(), CAMPAIGN, [anna, newcomer], T2, 'de');
    expect(counts(result)).toEqual({ created: 1, updated: 0, unchanged: 1, notInGroup: 2 });
    const ids = result.table.rows.map((row) => row[0]);
    expect(ids).toEqual([
      evaId,
      otherCampaign.rows[0][0],
      annaId,
      '',
      jorgId,
      leadIdFor(CAMPAIGN.id, newcomer.key),
    ]);
    expect(cell(result.table, jorgId, 'Status')).toBe('Gewonnen');
    const last = result.table.rows.at(-1)!;
    expect(last[result.table.headers.indexOf('Priorität')]).toBeNull();
    expect(last[result.table.headers.indexOf('Status')]).toBe('Neu');
  });

  it('shows a renamed campaign with its new name and keeps its leads', () => {
    const result = mergeLeads(
      worked(),
      { ...CAMPAIGN, name: 'Frühjahr 2026 (verlängert)' },
      [anna, jorg, eva],
      T2,
      'de',
    );
    expect(counts(result)).toEqual({ created: 0, updated: 3, unchanged: 0, notInGroup: 0 });
    expect(cell(result.table, evaId, 'Kampagne')).toBe('Frühjahr 2026 (verlängert)');
    expect(cell(result.table, otherCampaign.rows[0][0] as string, 'Kampagne')).toBe('Newsletter November');
  });

  it('never erases a detail people entered when the source has none', () => {
    const sheet = editSheet(first, { [evaId]: { KundenNr: '10077', Telefon: '0221 55555' } });
    const withoutPhone = { ...eva, recipient: { ...eva.recipient, phone: '', mobile: '' } };
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, withoutPhone], T2, 'de');
    expect(cell(result.table, evaId, 'KundenNr')).toBe('10077');
    expect(cell(result.table, evaId, 'Telefon')).toBe('0221 55555');
  });

  it('compares values as text, so a customer number Excel stored as a number is unchanged', () => {
    const sheet = editSheet(first, { [jorgId]: { KundenNr: 10002 } });
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 3, notInGroup: 0 });
    expect(cell(result.table, jorgId, 'KundenNr')).toBe(10002);
  });

  it('keeps a copied lead row, updates only the first and reports the duplicate', () => {
    const sheet = asSheet(first);
    sheet.rows.push([...sheet.rows[1]]);
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(result.table.rows).toHaveLength(4);
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 3, notInGroup: 0 });
    expect(result.problems).toEqual([
      { code: 'duplicateId', severity: 'warning', sheet: 'Leads', row: 5, column: 'Lead-ID', value: annaId },
    ]);
  });

  it('finds the header below a title row and reports sheet rows with the sheet offset', () => {
    const sheet = asSheet(first);
    sheet.rows.unshift(['Leads Frühjahr – bitte nicht umbenennen'], []);
    sheet.rows.push([...sheet.rows[3]]);
    const result = mergeLeads({ ...sheet, startRow: 3 }, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(result.table.headers).toEqual(first.headers);
    expect(result.problems.map((p) => p.row)).toEqual([9]);
  });

  it('appends standard columns people deleted and still counts leads of the campaign by name', () => {
    const campaignIdColumn = first.headers.indexOf('KampagnenID');
    const without = (row: CellValue[]) => row.filter((_, i) => i !== campaignIdColumn);
    const sheet: SheetTable = { name: 'Leads', rows: [without(first.headers), ...first.rows.map(without)] };
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg], T2, 'de');
    expect(result.table.headers.at(-1)).toBe('KampagnenID');
    expect(counts(result)).toEqual({ created: 0, updated: 2, unchanged: 0, notInGroup: 1 });
    expect(cell(result.table, annaId, 'KampagnenID')).toBe(CAMPAIGN.id);
    expect(cell(result.table, evaId, 'KampagnenID')).toBeNull();
  });

  it('gives blank and repeated headers a name, and drops columns with neither header nor values', () => {
    const sheet = asSheet(first);
    sheet.rows[0] = [...sheet.rows[0], '', 'Notiz', ''];
    sheet.rows[1] = [...sheet.rows[1], 'ohne Überschrift', 'zweite Notiz', null];
    const result = mergeLeads(sheet, CAMPAIGN, [anna, jorg, eva], T2, 'de');
    expect(result.table.headers.slice(-2)).toEqual(['Spalte16', 'Notiz (2)']);
    expect(cell(result.table, annaId, 'Notiz (2)')).toBe('zweite Notiz');
    expect(cell(result.table, annaId, 'Notiz')).toBeNull();
  });

  it('never takes a column people added for a standard one the sheet already has', () => {
    const sheet = asSheet(first);
    sheet.rows = sheet.rows.map((row, i) => [i === 0 ? 'Mail' : 'verschickt am 02.03.', ...row]);
    const moved = { ...anna, recipient: { ...anna.recipient, email: 'anna.schmidt@neu.de' } };
    const result = mergeLeads(sheet, CAMPAIGN, [moved, jorg, eva], T2, 'de');
    expect(cell(result.table, annaId, 'Mail')).toBe('verschickt am 02.03.');
    expect(cell(result.table, annaId, 'EMail')).toBe('anna.schmidt@neu.de');
  });

  it('marks user columns holding only text as text, numeric ones not', () => {
    const result = mergeLeads(worked(), CAMPAIGN, [anna, jorg, eva], T2, 'de');
    const textHeaders = result.table.textColumns.map((i) => result.table.headers[i]);
    expect(textHeaders).toContain('Region');
    expect(textHeaders).not.toContain('Priorität');
    expect(textHeaders).not.toContain('Wiedervorlage');
  });
});

describe('mergeLeads with headers in the other language', () => {
  const english = mergeLeads(null, CAMPAIGN, [anna], T1, 'en').table;

  it('recognises an English sheet in a German campaign and keeps it English', () => {
    const customized: SheetTable = {
      name: 'Leads',
      rows: [
        english.headers.map((h) => (h === 'Follow-up' ? 'Follow up date' : h)).filter((h) => h !== 'Note'),
        ...english.rows.map((row) => row.filter((_, i) => english.headers[i] !== 'Note')),
      ],
    };
    const result = mergeLeads(customized, CAMPAIGN, [anna, jorg], T2, 'de');
    expect(result.table.headers.at(-1)).toBe('Note');
    expect(result.table.headers).toContain('Follow up date');
    expect(result.table.rows[1][result.table.headers.indexOf('Status')]).toBe('New');
    expect(counts(result)).toEqual({ created: 1, updated: 0, unchanged: 1, notInGroup: 0 });
  });

  it('names a blank header of an English sheet "Column…"', () => {
    const sheet: SheetTable = {
      name: 'Leads',
      rows: [
        [...english.headers, ''],
        [...english.rows[0], 'VIP'],
      ],
    };
    const result = mergeLeads(sheet, CAMPAIGN, [anna], T2, 'de');
    expect(result.table.headers.at(-1)).toBe('Column16');
    expect(result.table.rows[0].at(-1)).toBe('VIP');
  });

  it.each([
    ['lead id', 'e-mail', 'Customer-No', 'Verantwortlich'],
    ['LEAD_ID', 'Mail', 'Kundennummer', 'Assigned to'],
  ])('matches header variants %p, %p, %p, %p', (leadId, email, customerNo, owner) => {
    const sheet: SheetTable = {
      name: 'Leads',
      rows: [
        [leadId, email, customerNo, owner],
        [leadIdFor(CAMPAIGN.id, anna.key), 'alt@example.de', '10001', 'Frau Berg'],
      ],
    };
    const result = mergeLeads(sheet, CAMPAIGN, [anna], T2, 'de');
    expect(result.table.headers.slice(0, 4)).toEqual([leadId, email, customerNo, owner]);
    expect(result.table.rows[0].slice(0, 4)).toEqual([
      leadIdFor(CAMPAIGN.id, anna.key),
      anna.recipient.email,
      '10001',
      'Frau Berg',
    ]);
    expect(result.updated).toBe(1);
  });
});

describe('mergeLeads on a sheet it cannot read', () => {
  it('reports an error and gives the content back untouched', () => {
    const sheet: SheetTable = {
      name: 'Leads',
      rows: [
        ['Name', 'Telefon'],
        ['Meier', '+49 30 1234'],
      ],
    };
    const result = mergeLeads(sheet, CAMPAIGN, [anna], T2, 'de');
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'headerNotFound',
        severity: 'error',
        sheet: 'Leads',
        column: 'Lead-ID',
      }),
    ]);
    expect(result.table.headers).toEqual(['Name', 'Telefon']);
    expect(result.table.rows).toEqual([['Meier', '+49 30 1234']]);
    expect(result.created).toBe(0);
  });
});

describe('mergeLeads at scale', () => {
  // Its speed is measured by `npm run bench` (leads merge re-run); here only what it does with 100,000 leads.
  it('re-merges 100,000 unchanged leads without touching one', () => {
    const members: Member[] = Array.from({ length: 100_000 }, (_, i) =>
      makeMember({ contactId: `K-${i}`, lastName: `Nachname ${i}`, email: `p${i}@example.de` }),
    );
    const sheet = asSheet(mergeLeads(null, CAMPAIGN, members, T1, 'de').table);
    const result = mergeLeads(sheet, CAMPAIGN, members, T2, 'de');
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 100_000, notInGroup: 0 });
    expect(result.table.rows).toEqual(sheet.rows.slice(1));
  }, 120_000);
});

const STATUS = ['Neu', 'Kontaktiert', 'Qualifiziert', 'Gewonnen', 'Verloren'];
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
);
const personEdit = fc.record({
  Status: fc.constantFrom(...STATUS),
  Zuständig: fc.oneof(fc.constant(null), fc.string()),
  Wiedervorlage: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true }), fc.string()),
  Notiz: fc.oneof(fc.constant(null), fc.string()),
  Eigene: anyCell,
});

const standardEdits = ({ Eigene: _, ...standard }: Record<string, CellValue>): Record<string, CellValue> =>
  standard;

describe('mergeLeads (property)', () => {
  it('keeps every edit, keeps the number of leads for an unchanged group and is idempotent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 25 }),
        fc.array(personEdit, { minLength: 25, maxLength: 25 }),
        fc.integer({ min: 0, max: 15 }),
        fc.array(fc.nat(), { minLength: 26, maxLength: 26 }),
        (ids, edits, userColumnAt, order) => {
          const members = ids.map((id) => makeMember({ contactId: `K-${id}`, lastName: `Name ${id}` }));
          const first = mergeLeads(null, CAMPAIGN, members, T1, 'de').table;
          const edited = editSheet(
            first,
            Object.fromEntries(first.rows.map((row, i) => [String(row[0]), standardEdits(edits[i])])),
          );
          // People add their own column somewhere, fill it, and sort the rows their way.
          const [header, ...rows] = edited.rows;
          const insert = <T>(row: T[], value: T): T[] => [
            ...row.slice(0, userColumnAt),
            value,
            ...row.slice(userColumnAt),
          ];
          const shuffled = rows
            .map((row, i) => ({ row: insert(row, edits[i].Eigene), sortKey: order[i] }))
            .sort((a, b) => a.sortKey - b.sortKey)
            .map(({ row }) => row);
          const sheet: SheetTable = {
            name: 'Leads',
            rows: [insert(header, 'Eigene' as CellValue), ...shuffled],
          };

          const second = mergeLeads(sheet, CAMPAIGN, members, T2, 'de');
          expect(counts(second)).toEqual({
            created: 0,
            updated: 0,
            unchanged: members.length,
            notInGroup: 0,
          });
          expect(second.table.headers).toEqual(sheet.rows[0]);
          expect(second.table.rows).toEqual(shuffled);

          const third = mergeLeads(asSheet(second.table), CAMPAIGN, members, T2, 'de');
          expect(third.created + third.updated).toBe(0);
          expect(third.table).toEqual(second.table);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('mergeLeads when people turn out to be one, or come apart again', () => {
  const annaAgain = makeMember({
    contactId: 'K-9',
    firstName: 'Anna',
    lastName: 'Schmidt',
    email: 'anna@schmidt-bau.de',
  });
  const annaId = leadIdFor(CAMPAIGN.id, anna.key);
  const againId = leadIdFor(CAMPAIGN.id, annaAgain.key);
  const MERGED = 'Zusammengeführt in';
  const merged = (member: Member, ...keys: string[]): Member => ({ ...member, mergedKeys: keys });
  const worked = (): SheetTable =>
    editSheet(mergeLeads(null, CAMPAIGN, [anna, annaAgain, eva], T1, 'de').table, {
      [againId]: { Status: 'Qualifiziert', Notiz: 'Rückruf zugesagt' },
    });

  it('keeps one lead per person: the others keep their rows and point to it, none is created', () => {
    const result = mergeLeads(worked(), CAMPAIGN, [merged(anna, annaAgain.key), eva], T2, 'de');
    expect(counts(result)).toEqual({ created: 0, updated: 0, unchanged: 2, notInGroup: 0 });
    expect(result.merged).toBe(1);
    expect(result.table.rows).toHaveLength(3);
    expect(result.table.headers[result.table.headers.length - 1]).toBe(MERGED);
    expect(cell(result.table, againId, MERGED)).toBe(annaId);
    expect(cell(result.table, againId, 'Notiz')).toBe('Rückruf zugesagt');
    expect(cell(result.table, annaId, MERGED)).toBeNull();
  });

  it('a merged person without a lead of their own keeps the lead one of their rows had', () => {
    const sheet = asSheet(mergeLeads(null, CAMPAIGN, [annaAgain], T1, 'de').table);
    const result = mergeLeads(sheet, CAMPAIGN, [merged(anna, annaAgain.key)], T2, 'de');
    expect(result.created).toBe(0);
    expect(result.merged).toBe(0);
    expect(result.table.rows.map((row) => row[0])).toEqual([againId]);
    expect(result.table.headers).not.toContain(MERGED);
  });

  it('when they come apart again, each finds their own lead and the mark goes', () => {
    const once = mergeLeads(worked(), CAMPAIGN, [merged(anna, annaAgain.key), eva], T2, 'de');
    const apart = mergeLeads(asSheet(once.table), CAMPAIGN, [anna, annaAgain, eva], T2, 'de');
    expect(counts(apart)).toEqual({ created: 0, updated: 1, unchanged: 2, notInGroup: 0 });
    expect(apart.merged).toBe(0);
    expect(cell(apart.table, againId, MERGED)).toBeNull();
    expect(cell(apart.table, againId, 'Status')).toBe('Qualifiziert');
  });

  it('the mark column is English on an English sheet', () => {
    const english = asSheet(mergeLeads(null, CAMPAIGN, [anna, annaAgain], T1, 'en').table);
    const result = mergeLeads(english, CAMPAIGN, [merged(anna, annaAgain.key)], T2, 'en');
    expect(result.table.headers).toContain('Merged into');
  });
});
