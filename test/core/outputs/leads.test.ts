import fc from 'fast-check';
import type { LeadsMergeInput, LeadsMergeResult } from '../../../src/core/outputs/leads';
import { leadIdFor, mergeLeads } from '../../../src/core/outputs/leads';
import { parseLeadRecords } from '../../../src/core/outputs/leadRecords';
import { LEAD_HEADERS } from '../../../src/core/outputs/leadsSheet';
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
const [annaId, jorgId, evaId] = [anna, jorg, eva].map((m) => leadIdFor(CAMPAIGN.id, m.key));

const merge = (
  existing: SheetTable | null,
  members: Member[],
  more: Partial<LeadsMergeInput> = {},
): LeadsMergeResult => mergeLeads({ existing, campaign: CAMPAIGN, members, now: T2, lang: 'de', ...more });

const asSheet = (table: TableData, name = 'Leads'): SheetTable => ({
  name,
  rows: [table.headers, ...table.rows],
});

/** The sheet after the merge's result was written, as an adapter writes it: cells in place, rows below. */
const applied = (existing: SheetTable | null, result: LeadsMergeResult): SheetTable => {
  if (result.table) return asSheet(result.table);
  const top = (existing!.startRow ?? 1) - 1;
  const left = (existing!.startColumn ?? 1) - 1;
  const rows = existing!.rows.map((row) => [...row]);
  for (const { row, column, value } of result.update!.cells) rows[row - top][column - left] = value;
  for (const row of result.update!.append.rows) rows.push([...row]);
  return { ...existing!, rows };
};

const cell = (sheet: SheetTable, leadId: string, header: string): CellValue => {
  const headerRow = sheet.rows.find((row) => row.includes(DE.leadId) || row.includes('Lead ID'))!;
  const idColumn = headerRow.findIndex((h) => h === DE.leadId || h === 'Lead ID');
  const column = headerRow.indexOf(header);
  const row = sheet.rows.find((r) => r[idColumn] === leadId);
  if (column < 0 || !row) throw new Error(`no ${header} for ${leadId}`);
  return row[column] ?? null;
};

const counts = ({ created, updated, unchanged, notInGroup, keptByHand, deleted }: LeadsMergeResult) => ({
  created,
  updated,
  unchanged,
  notInGroup,
  keptByHand,
  deleted,
});

const none = { created: 0, updated: 0, unchanged: 0, notInGroup: 0, keptByHand: 0, deleted: 0 };

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
  const result = mergeLeads({
    existing: null,
    campaign: CAMPAIGN,
    members: [anna, jorg],
    now: T1,
    lang: 'de',
  });

  it('writes the German columns and one lead per member with status "Neu"', () => {
    expect(result.table!.headers).toEqual([
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
    expect(result.table!.rows[1]).toEqual([
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
    expect(result.update).toBeNull();
    expect(counts(result)).toEqual({ ...none, created: 2 });
    expect(result.problems).toEqual([]);
  });

  it('remembers each lead it created, with a fingerprint of each copied field and not the data itself', () => {
    expect(result.record.campaignName).toBe(CAMPAIGN.name);
    expect(result.record.rows).toHaveLength(2 * 36);
    expect(result.record.rows).toContain(annaId.slice(2));
    expect(result.record.rows).not.toContain('Schmidt');
  });

  it('marks text columns as text and leaves the date columns as dates', () => {
    const textHeaders = result.table!.textColumns.map((i) => result.table!.headers[i]);
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
    const english = mergeLeads({ existing: null, campaign: CAMPAIGN, members: [anna], now: T1, lang: 'en' });
    expect(english.table!.headers.slice(0, 3)).toEqual(['Lead ID', 'Campaign', 'Campaign ID']);
    expect(cell(applied(null, english), annaId, 'Status')).toBe('New');
  });

  it('treats a blank existing sheet like a missing one', () => {
    const blank = merge({ name: 'Leads', rows: [[null, ''], []] }, [anna]);
    expect(blank.table!.headers[0]).toBe('Lead-ID');
    expect(blank.created).toBe(1);
  });

  it('rejects a timestamp that is not one (a bug in the caller)', () => {
    expect(() => merge(null, [anna], { now: 'gestern' })).toThrow(RangeError);
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
  const firstRun = mergeLeads({
    existing: null,
    campaign: CAMPAIGN,
    members: [anna, jorg, eva],
    now: T1,
    lang: 'de',
  });
  const first = firstRun.table!;
  const previous = firstRun.record;
  const otherCampaign = mergeLeads({
    existing: null,
    campaign: OTHER,
    members: [anna],
    now: T1,
    lang: 'de',
  }).table!;
  const followUp = new Date(Date.UTC(2026, 3, 2));
  const rerun = (sheet: SheetTable, members: Member[], more: Partial<LeadsMergeInput> = {}) =>
    merge(sheet, members, { previous, ...more });

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

  it('writes nothing when nothing changed: every edit, user column, blank row and the order stay', () => {
    const sheet = worked();
    const result = rerun(sheet, [anna, jorg, eva]);
    expect(counts(result)).toEqual({ ...none, unchanged: 3 });
    expect(result.update).toEqual({ cells: [], append: expect.objectContaining({ rows: [] }) });
    expect(parseLeadRecords(result.record.rows)).toEqual(parseLeadRecords(previous.rows));
  });

  it.each<[string, CellValue, number]>([
    ['the same text', 'Müller & Söhne; GmbH', 0],
    ['padded with spaces', '  Müller & Söhne; GmbH ', 0],
    ['padded with a no-break space and a tab', '\u00A0Müller & Söhne; GmbH\t', 0],
    ['another firm typed by a person', 'Müller & Söhne GmbH', 1],
    ['a number typed by a person', 10002, 1],
  ])('keeps a Firma cell holding %s (%p) and counts %p field kept by hand', (_, firma, kept) => {
    const sheet = editSheet(first, { [jorgId]: { Firma: firma } });
    const result = rerun(sheet, [anna, jorg, eva]);
    expect(counts(result)).toEqual({ ...none, unchanged: 3, keptByHand: kept });
    expect(result.update!.cells).toEqual([]);
    expect(cell(applied(sheet, result), jorgId, 'Firma')).toBe(firma);
  });

  describe('three-way merge of a copied field', () => {
    const moved = (company: string) => ({ ...jorg, recipient: { ...jorg.recipient, company } });

    it('updates a field nobody touched from the source, with the Aktualisiert date, and nothing else', () => {
      const sheet = worked();
      const result = rerun(sheet, [anna, moved('Müller Holding AG'), eva]);
      expect(counts(result)).toEqual({ ...none, updated: 1, unchanged: 2 });
      const firma = sheet.rows[0].indexOf('Firma');
      const updated = sheet.rows[0].indexOf('Aktualisiert');
      expect(result.update!.cells).toEqual([
        { row: 6, column: firma, value: 'Müller Holding AG' },
        { row: 6, column: updated, value: new Date(T2) },
      ]);
      expect(cell(applied(sheet, result), jorgId, 'Status')).toBe('Gewonnen');
    });

    it('keeps a field a person changed when the source did not change, and counts it', () => {
      const sheet = editSheet(first, { [annaId]: { EMail: 'anna.privat@example.de' } });
      const result = rerun(sheet, [anna, jorg, eva]);
      expect(counts(result)).toEqual({ ...none, unchanged: 3, keptByHand: 1 });
      expect(result.conflicts).toEqual([]);
    });

    it('keeps the person’s value where both changed and lists the conflict with its sheet row', () => {
      const sheet = editSheet(first, { [jorgId]: { Firma: 'Müller und Söhne' } });
      const result = rerun(sheet, [anna, moved('Müller Holding AG'), eva]);
      expect(result.update!.cells).toEqual([]);
      expect(cell(applied(sheet, result), jorgId, 'Firma')).toBe('Müller und Söhne');
      expect(result.conflicts).toEqual([{ leadId: jorgId, field: 'company', row: 3 }]);
      expect(result.keptByHand).toBe(1);
    });

    it('reports a conflict once: the next run keeps the person’s value quietly', () => {
      const sheet = editSheet(first, { [jorgId]: { Firma: 'Müller und Söhne' } });
      const members = [anna, moved('Müller Holding AG'), eva];
      const once = rerun(sheet, members);
      const twice = merge(sheet, members, { previous: once.record });
      expect(twice.conflicts).toEqual([]);
      expect(twice.keptByHand).toBe(1);
      expect(twice.update!.cells).toEqual([]);
    });

    it('keeps a difference on a lead an older version wrote (no fingerprint): it may be a correction', () => {
      const sheet = editSheet(first, { [jorgId]: { Firma: 'Müller und Söhne' } });
      const result = merge(sheet, [anna, moved('Müller Holding AG'), eva]);
      expect(result.update!.cells).toEqual([]);
      expect(result.keptByHand).toBe(1);
    });

    it('never erases a detail people entered when the source has none', () => {
      const sheet = editSheet(first, { [evaId]: { KundenNr: '10077', Telefon: '0221 55555' } });
      const withoutPhone = { ...eva, recipient: { ...eva.recipient, phone: '', mobile: '' } };
      const result = rerun(sheet, [anna, jorg, withoutPhone]);
      expect(result.update!.cells).toEqual([]);
      expect(counts(result)).toEqual({ ...none, unchanged: 3 });
    });

    it('compares values as text, so a customer number Excel stored as a number is unchanged', () => {
      const sheet = editSheet(first, { [jorgId]: { KundenNr: 10002 } });
      expect(counts(rerun(sheet, [anna, jorg, eva]))).toEqual({ ...none, unchanged: 3 });
    });
  });

  it.each<[string, CellValue[]]>([
    ['spaces', ['  ', ' ']],
    ['no-break spaces and tabs', ['\u00A0', '\t', '\u2003']],
    ['nulls and empty text', [null, '']],
  ])('skips a row of %s and leaves it where it is', (_, cells) => {
    const [header, ...rows] = asSheet(first).rows;
    const sheet = { name: 'Leads', rows: [header, cells, ...rows] };
    const result = rerun(sheet, [anna, jorg, eva]);
    expect(applied(sheet, result).rows).toEqual(sheet.rows);
    expect(counts(result)).toEqual({ ...none, unchanged: 3 });
  });

  it('appends new members below the last row, laid out like the header, and keeps leads of people who left', () => {
    const newcomer = makeMember({
      contactId: 'K-4',
      firstName: 'Lars',
      lastName: 'Öztürk',
      email: 'lars@oeztuerk.de',
    });
    const sheet = worked();
    const result = rerun(sheet, [anna, newcomer]);
    expect(counts(result)).toEqual({ ...none, created: 1, unchanged: 1, notInGroup: 2 });
    const after = applied(sheet, result);
    expect(after.rows.slice(0, -1)).toEqual(sheet.rows);
    const [row] = result.update!.append.rows;
    const header = sheet.rows[0];
    expect(row).toHaveLength(header.length);
    expect(row[header.indexOf('Lead-ID')]).toBe(leadIdFor(CAMPAIGN.id, newcomer.key));
    expect(row[header.indexOf('Priorität')]).toBeNull();
    expect(row[header.indexOf('Status')]).toBe('Neu');
    const textHeaders = result.update!.append.textColumns.map((i) => header[i]);
    expect(textHeaders).toContain('EMail');
    expect(textHeaders).not.toContain('Priorität');
    expect(textHeaders).not.toContain('Erstellt');
  });

  it('shows a renamed campaign with its new name on its own leads only', () => {
    const sheet = worked();
    const renamed = { ...CAMPAIGN, name: 'Frühjahr 2026 (verlängert)' };
    const result = rerun(sheet, [anna, jorg, eva], { campaign: renamed });
    expect(counts(result)).toEqual({ ...none, updated: 3 });
    const after = applied(sheet, result);
    expect(cell(after, evaId, 'Kampagne')).toBe('Frühjahr 2026 (verlängert)');
    expect(cell(after, otherCampaign.rows[0][0] as string, 'Kampagne')).toBe('Newsletter November');
    expect(result.record.campaignName).toBe(renamed.name);
  });

  it('keeps a copied lead row, updates only the first and reports the duplicate', () => {
    const sheet = asSheet(first);
    sheet.rows.push([...sheet.rows[1]]);
    const result = rerun(sheet, [anna, jorg, eva]);
    expect(counts(result)).toEqual({ ...none, unchanged: 3 });
    expect(result.problems).toEqual([
      { code: 'duplicateId', severity: 'warning', sheet: 'Leads', row: 5, column: 'Lead-ID', value: annaId },
    ]);
  });

  it('finds the header below a title row and writes and reports in sheet rows', () => {
    const sheet = asSheet(first);
    sheet.rows.unshift(['Leads Frühjahr – bitte nicht umbenennen'], []);
    sheet.rows.push([...sheet.rows[3]]);
    const movedAnna = { ...anna, recipient: { ...anna.recipient, lastName: 'Schmidt-Berg' } };
    const result = rerun({ ...sheet, startRow: 3 }, [movedAnna, jorg, eva]);
    expect(result.problems.map((p) => p.row)).toEqual([9]);
    // Anna's lead is the fourth row read, on sheet row 6 (index 5)
    expect(result.update!.cells[0]).toEqual({
      row: 5,
      column: first.headers.indexOf('Nachname'),
      value: 'Schmidt-Berg',
    });
  });

  it('respects a standard column people deleted and still counts leads of the campaign by name', () => {
    const campaignIdColumn = first.headers.indexOf('KampagnenID');
    const without = (row: CellValue[]) => row.filter((_, i) => i !== campaignIdColumn);
    const sheet: SheetTable = { name: 'Leads', rows: [without(first.headers), ...first.rows.map(without)] };
    const result = rerun(sheet, [anna, jorg]);
    expect(counts(result)).toEqual({ ...none, unchanged: 2, notInGroup: 1 });
    expect(result.update!.cells).toEqual([]);
  });

  it('never takes a column people added for a standard one the sheet already has', () => {
    const sheet = asSheet(first);
    sheet.rows = sheet.rows.map((row, i) => [i === 0 ? 'Mail' : 'verschickt am 02.03.', ...row]);
    const moved = { ...anna, recipient: { ...anna.recipient, email: 'anna.schmidt@neu.de' } };
    const after = applied(sheet, rerun(sheet, [moved, jorg, eva]));
    expect(cell(after, annaId, 'Mail')).toBe('verschickt am 02.03.');
    expect(cell(after, annaId, 'EMail')).toBe('anna.schmidt@neu.de');
  });

  describe('a lead people deleted', () => {
    const withoutJorg = (): SheetTable => {
      const sheet = asSheet(first);
      return { ...sheet, rows: sheet.rows.filter((row) => row[0] !== jorgId) };
    };

    it('stays deleted, is counted and stays remembered', () => {
      const result = rerun(withoutJorg(), [anna, jorg, eva]);
      expect(counts(result)).toEqual({ ...none, unchanged: 2, deleted: 1 });
      expect(result.update!.append.rows).toEqual([]);
      expect(result.record.rows).toContain(jorgId.slice(2));
      const later = merge(withoutJorg(), [anna, jorg, eva], { previous: result.record });
      expect(later.deleted).toBe(1);
    });

    it('stays deleted also while its person is out of the group', () => {
      const out = rerun(withoutJorg(), [anna, eva]);
      const back = merge(withoutJorg(), [anna, jorg, eva], { previous: out.record });
      expect(back.created).toBe(0);
      expect(back.deleted).toBe(1);
    });

    it('is created again when the user asks for it', () => {
      const result = rerun(withoutJorg(), [anna, jorg, eva], { recreateDeleted: true });
      expect(counts(result)).toEqual({ ...none, created: 1, unchanged: 2 });
      expect(result.update!.append.rows[0][0]).toBe(jorgId);
    });
  });
});

describe('mergeLeads with headers in the other language', () => {
  const english = mergeLeads({
    existing: null,
    campaign: CAMPAIGN,
    members: [anna],
    now: T1,
    lang: 'en',
  }).table!;

  it('recognises an English sheet in a German campaign and adds English leads', () => {
    const customized: SheetTable = {
      name: 'Leads',
      rows: [
        english.headers.map((h) => (h === 'Follow-up' ? 'Follow up date' : h)).filter((h) => h !== 'Note'),
        ...english.rows.map((row) => row.filter((_, i) => english.headers[i] !== 'Note')),
      ],
    };
    const result = merge(customized, [anna, jorg]);
    const [row] = result.update!.append.rows;
    expect(row[customized.rows[0].indexOf('Status')]).toBe('New');
    expect(row).toHaveLength(customized.rows[0].length);
    expect(counts(result)).toEqual({ ...none, created: 1, unchanged: 1 });
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
    const result = merge(sheet, [anna]);
    // without a fingerprint the different e-mail may be a person's: it stays, and the header was understood
    expect(result.keptByHand).toBe(1);
    expect(result.unchanged).toBe(1);
  });
});

describe('mergeLeads on a sheet it cannot read', () => {
  it('reports an error and changes nothing', () => {
    const sheet: SheetTable = {
      name: 'Leads',
      rows: [
        ['Name', 'Telefon'],
        ['Meier', '+49 30 1234'],
      ],
    };
    const result = merge(sheet, [anna]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'headerNotFound',
        severity: 'error',
        sheet: 'Leads',
        column: 'Lead-ID',
      }),
    ]);
    expect(result.table).toBeNull();
    expect(result.update).toBeNull();
    expect(result.created).toBe(0);
  });
});

describe('mergeLeads at scale', () => {
  // Its speed is measured by `npm run bench` (leads merge re-run); here only what it does with 100,000 leads.
  it('re-merges 100,000 unchanged leads without touching one', () => {
    const members: Member[] = Array.from({ length: 100_000 }, (_, i) =>
      makeMember({ contactId: `K-${i}`, lastName: `Nachname ${i}`, email: `p${i}@example.de` }),
    );
    const first = mergeLeads({ existing: null, campaign: CAMPAIGN, members, now: T1, lang: 'de' });
    const result = merge(asSheet(first.table!), members, { previous: first.record });
    expect(counts(result)).toEqual({ ...none, unchanged: 100_000 });
    expect(result.update!.cells).toEqual([]);
    expect(result.update!.append.rows).toEqual([]);
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
          const firstRun = mergeLeads({ existing: null, campaign: CAMPAIGN, members, now: T1, lang: 'de' });
          const first = firstRun.table!;
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

          const second = merge(sheet, members, { previous: firstRun.record });
          expect(counts(second)).toEqual({ ...none, unchanged: members.length });
          expect(applied(sheet, second)).toEqual(sheet);

          const third = merge(applied(sheet, second), members, { previous: second.record });
          expect(third.created + third.updated).toBe(0);
          expect(third.update!.cells).toEqual([]);
          expect(third.record).toEqual(second.record);
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
  const againId = leadIdFor(CAMPAIGN.id, annaAgain.key);
  const MERGED = 'Zusammengeführt in';
  const merged = (member: Member, ...keys: string[]): Member => ({ ...member, mergedKeys: keys });
  const firstRun = mergeLeads({
    existing: null,
    campaign: CAMPAIGN,
    members: [anna, annaAgain, eva],
    now: T1,
    lang: 'de',
  });
  const previous = firstRun.record;
  const worked = (): SheetTable =>
    editSheet(firstRun.table!, { [againId]: { Status: 'Qualifiziert', Notiz: 'Rückruf zugesagt' } });

  it('keeps one lead per person: the others keep their rows and point to it, none is created', () => {
    const sheet = worked();
    const result = merge(sheet, [merged(anna, annaAgain.key), eva], { previous });
    expect(counts(result)).toEqual({ ...none, unchanged: 2 });
    expect(result.merged).toBe(1);
    expect(result.update!.append.rows).toEqual([]);
    const after = applied(sheet, result);
    expect(after.rows).toHaveLength(4);
    expect(after.rows[0][after.rows[0].length - 1]).toBe(MERGED);
    expect(cell(after, againId, MERGED)).toBe(annaId);
    expect(cell(after, againId, 'Notiz')).toBe('Rückruf zugesagt');
    expect(cell(after, annaId, MERGED)).toBeNull();
  });

  it('a merged person without a lead of their own keeps the lead one of their rows had', () => {
    const own = mergeLeads({ existing: null, campaign: CAMPAIGN, members: [annaAgain], now: T1, lang: 'de' });
    const sheet = asSheet(own.table!);
    const result = merge(sheet, [merged(anna, annaAgain.key)], { previous: own.record });
    expect(result.created).toBe(0);
    expect(result.merged).toBe(0);
    const after = applied(sheet, result);
    expect(after.rows.slice(1).map((row) => row[0])).toEqual([againId]);
    expect(after.rows[0]).not.toContain(MERGED);
  });

  it('when they come apart again, each finds their own lead and the mark goes', () => {
    const sheet = worked();
    const onceResult = merge(sheet, [merged(anna, annaAgain.key), eva], { previous });
    const once = applied(sheet, onceResult);
    const apart = merge(once, [anna, annaAgain, eva], { previous: onceResult.record });
    expect(counts(apart)).toEqual({ ...none, updated: 1, unchanged: 2 });
    expect(apart.merged).toBe(0);
    const after = applied(once, apart);
    expect(cell(after, againId, MERGED)).toBeNull();
    expect(cell(after, againId, 'Status')).toBe('Qualifiziert');
  });

  it('the mark column is English on an English sheet', () => {
    const first = mergeLeads({
      existing: null,
      campaign: CAMPAIGN,
      members: [anna, annaAgain],
      now: T1,
      lang: 'en',
    });
    const english = asSheet(first.table!);
    const result = merge(english, [merged(anna, annaAgain.key)], { lang: 'en', previous: first.record });
    expect(applied(english, result).rows[0]).toContain('Merged into');
  });
});
