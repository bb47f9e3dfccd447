import type { Language } from '../../../src/core/kernel/language';
import type { PersonData, WorkbookData } from '../../../src/core/kernel/model';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { isoToDay } from '../../../src/core/kernel/values';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import { addToBlocklist } from '../../../src/core/run/blocklistRun';
import { loadWorkbookData } from '../../../src/core/run/loadWorkbook';
import { WorkbookError } from '../../../src/core/workbook/workbookError';
import type { WorkbookPort } from '../../../src/core/workbook/workbookPort';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { XlsxWorkbook } from '../../../src/xlsx/xlsxWorkbook';
import { outputPath, readBack, useTempDir, writeWorkbook } from '../../xlsx/xlsxFixtures';
import { sheet } from '../sheetBuilders';

const TODAY = isoToDay('2026-12-02')!;
const TODAY_DATE = new Date(Date.UTC(2026, 11, 2));

const contactRows: CellValue[][] = [
  ['Kontakt-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Straße', 'PLZ', 'Ort'],
  ['K1', 'Anna', 'Lang', 'anna@lang.de', 'Hauptstr. 1', '01067', 'Dresden'],
  ['K2', 'Jan', 'Groß', '', 'Ringweg 5', '80331', 'München'],
  ['K3', 'Eva', 'Maier', 'eva@maier.de', '', '', ''],
];
const contacts = (): SheetTable =>
  sheet(
    'Kontakte',
    contactRows.map((row) => [...row]),
  );

const loaded = async (port: WorkbookPort): Promise<WorkbookData> => {
  const data = await loadWorkbookData(port);
  if (!data.ok) throw new Error(JSON.stringify(data.error));
  return data.value;
};

/** The person as the pane hands them over: the merged member's recipient. */
const recipientOf = (data: WorkbookData, contactId: string): PersonData => {
  const contact = data.contacts!.find((c) => c.contactId === contactId);
  if (!contact) throw new Error(`no contact ${contactId}`);
  return contact;
};

const block = async (port: WorkbookPort, contactId: string, lang: Language = 'de') => {
  const data = await loaded(port);
  return addToBlocklist(port, data.blocklists ?? [], recipientOf(data, contactId), TODAY, lang);
};

/** Who an invitation to everyone in the contacts would leave out, and why, after reading the workbook again. */
const excludedAfterReading = async (port: WorkbookPort) => {
  const group = buildTargetGroup(
    await loaded(port),
    { name: 'Einladung', type: 'event', selections: [{ from: 'contacts' }] },
    { today: TODAY },
  );
  return group.excluded.map((e) => [e.key, e.reason, e.carrier]);
};

const rowsOf = async (port: WorkbookPort, name: string) => (await port.readSheet(name)).rows;

describe('addToBlocklist', () => {
  it('gives a workbook without a Sperrliste one, and the person is excluded from then on', async () => {
    const workbook = new MemoryWorkbook([contacts()]);
    const result = await block(workbook, 'K1');
    expect(result).toEqual({ ok: true, value: { sheet: 'Sperrliste' } });
    expect(await rowsOf(workbook, 'Sperrliste')).toEqual([
      ['E-Mail', 'Vorname', 'Nachname', 'Straße', 'PLZ', 'Ort', 'Gesperrt seit'],
      ['anna@lang.de', 'Anna', 'Lang', 'Hauptstr. 1', '01067', 'Dresden', TODAY_DATE],
    ]);
    expect(workbook.sheets.get('Sperrliste')!.textColumns).toEqual([4]);
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K1', 'blocklist', { sheet: 'Sperrliste', row: 2 }],
    ]);
  });

  it('names a person without e-mail by name and postal address, and that excludes them', async () => {
    const workbook = new MemoryWorkbook([contacts()]);
    await block(workbook, 'K1');
    await block(workbook, 'K2');
    expect((await rowsOf(workbook, 'Sperrliste'))[2]).toEqual([
      null,
      'Jan',
      'Groß',
      'Ringweg 5',
      '80331',
      'München',
      TODAY_DATE,
    ]);
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K1', 'blocklist', { sheet: 'Sperrliste', row: 2 }],
      ['c:K2', 'blocklist', { sheet: 'Sperrliste', row: 3 }],
    ]);
  });

  it("writes into the workbook's own list in its columns, below a title row, and dates it where the list has a date column", async () => {
    const own = sheet('Werbewidersprüche', [
      ['Widersprüche nach Art. 21 DSGVO', null, null, null],
      ['Name', 'E-Mail', 'Grund', 'Widerspruch am'],
      ['Eva Maier', 'eva@maier.de', 'Anruf 3.3.', new Date(Date.UTC(2025, 2, 3))],
    ]);
    const workbook = new MemoryWorkbook([contacts(), own]);
    const result = await block(workbook, 'K1');
    expect(result).toEqual({ ok: true, value: { sheet: 'Werbewidersprüche' } });
    expect(await rowsOf(workbook, 'Werbewidersprüche')).toEqual([
      ['Widersprüche nach Art. 21 DSGVO', null, null, null],
      ['Name', 'E-Mail', 'Grund', 'Widerspruch am'],
      ['Eva Maier', 'eva@maier.de', 'Anruf 3.3.', new Date(Date.UTC(2025, 2, 3))],
      ['Anna Lang', 'anna@lang.de', null, TODAY_DATE],
    ]);
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K1', 'blocklist', { sheet: 'Werbewidersprüche', row: 4 }],
      ['c:K3', 'blocklist', { sheet: 'Werbewidersprüche', row: 3 }],
    ]);
  });

  it('writes nothing when the list could not name the person (a list by e-mail, a person without one)', async () => {
    const byEmail = sheet('Sperrliste', [
      ['E-Mail', 'Gesperrt seit'],
      ['eva@maier.de', new Date(Date.UTC(2025, 2, 3))],
    ]);
    const workbook = new MemoryWorkbook([contacts(), byEmail]);
    const before = structuredClone(await rowsOf(workbook, 'Sperrliste'));
    const result = await block(workbook, 'K2');
    expect(result).toEqual({
      ok: false,
      error: [{ code: 'blocklistCannotName', severity: 'error', sheet: 'Sperrliste', row: 1 }],
    });
    expect(await rowsOf(workbook, 'Sperrliste')).toEqual(before);
  });

  it('leaves a sheet called "Sperrliste" that is no list alone and starts its own beside it', async () => {
    const notes = sheet('Sperrliste', [['Notizen'], ['Liste bitte bis Freitag pflegen']]);
    const workbook = new MemoryWorkbook([contacts(), notes]);
    const result = await block(workbook, 'K1');
    expect(result).toEqual({ ok: true, value: { sheet: 'Sperrliste (2)' } });
    expect(await rowsOf(workbook, 'Sperrliste')).toEqual([['Notizen'], ['Liste bitte bis Freitag pflegen']]);
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K1', 'blocklist', { sheet: 'Sperrliste (2)', row: 2 }],
    ]);
  });

  it('reads the list again before writing: a list deleted since the pane read it is started anew', async () => {
    const own = sheet('Sperrliste', [
      ['E-Mail', 'Gesperrt seit'],
      ['eva@maier.de', null],
    ]);
    const workbook = new MemoryWorkbook([contacts(), own]);
    const data = await loaded(workbook);
    await workbook.deleteSheet('Sperrliste');
    const result = await addToBlocklist(workbook, data.blocklists!, recipientOf(data, 'K2'), TODAY, 'de');
    expect(result).toEqual({ ok: true, value: { sheet: 'Sperrliste' } });
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K2', 'blocklist', { sheet: 'Sperrliste', row: 2 }],
    ]);
  });

  it('starts an English list in English, and reads it as one', async () => {
    const workbook = new MemoryWorkbook([contacts()]);
    const result = await block(workbook, 'K2', 'en');
    expect(result).toEqual({ ok: true, value: { sheet: 'Blocklist' } });
    expect((await rowsOf(workbook, 'Blocklist'))[0]).toEqual([
      'E-mail',
      'First name',
      'Last name',
      'Street',
      'Postal code',
      'City',
      'Blocked since',
    ]);
    expect(await excludedAfterReading(workbook)).toEqual([
      ['c:K2', 'blocklist', { sheet: 'Blocklist', row: 2 }],
    ]);
  });

  it('a host failure is a problem for the user, not an exception', async () => {
    const workbook = new MemoryWorkbook([contacts()]);
    const data = await loaded(workbook);
    workbook.writeTable = () => Promise.reject(new WorkbookError('hostTimeout', 'Sperrliste'));
    const result = await addToBlocklist(workbook, [], recipientOf(data, 'K1'), TODAY, 'de');
    expect(result).toEqual({
      ok: false,
      error: [{ code: 'hostTimeout', severity: 'error', sheet: 'Sperrliste' }],
    });
  });
});

describe('addToBlocklist in an .xlsx file', () => {
  const tempDir = useTempDir();

  it('grows the Excel table the list is kept in and leaves its other rows as they are', async () => {
    const input = await writeWorkbook(tempDir(), (book) => {
      book.addWorksheet('Kontakte').addRows(contactRows);
      const list = book.addWorksheet('Sperrliste');
      list.addTable({
        name: 'Sperren',
        ref: 'B2',
        columns: [
          { name: 'E-Mail' },
          { name: 'Nachname' },
          { name: 'Vorname' },
          { name: 'PLZ' },
          { name: 'Notiz' },
        ],
        rows: [['eva@maier.de', 'Maier', 'Eva', null, 'per Brief']],
      });
    });
    const workbook = await XlsxWorkbook.open(input);
    expect(await block(workbook, 'K2')).toEqual({ ok: true, value: { sheet: 'Sperrliste' } });
    const output = outputPath(tempDir());
    await workbook.saveAs(output);

    const back = await readBack(output);
    const list = back.getWorksheet('Sperrliste')!;
    expect(list.getRow(3).values).toEqual([
      undefined,
      undefined,
      'eva@maier.de',
      'Maier',
      'Eva',
      undefined,
      'per Brief',
    ]);
    expect(list.getRow(4).values).toEqual([undefined, undefined, undefined, 'Groß', 'Jan', '80331']);
    const reopened = await XlsxWorkbook.open(output);
    const table = (await reopened.readSheet('Sperrliste')).tables?.[0];
    expect(table?.name).toBe('Sperren');
    expect(table?.area).toEqual({ top: 2, left: 2, bottom: 4, right: 6 });
    expect(await excludedAfterReading(reopened)).toEqual([
      ['c:K2', 'blocklist', { sheet: 'Sperrliste', row: 4 }],
      ['c:K3', 'blocklist', { sheet: 'Sperrliste', row: 3 }],
    ]);
  });
});
