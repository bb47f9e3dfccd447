import {
  completeWithDuplicates,
  completeWithDuplicatesPausing,
  loadWorkbookData,
} from '../../../src/core/run/loadWorkbook';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { STATE_SHEET } from '../../../src/core/workbook/sheetNames';
import { WorkbookError } from '../../../src/core/workbook/workbookError';
import type { SheetVisibility } from '../../../src/core/workbook/workbookPort';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { ROWS_PER_STEP } from '../../../src/core/kernel/steps';
import { messyContacts, messyCustomers, messySales, sheet } from '../sheetBuilders';

/** The in-memory workbook, remembering which sheets were read. */
class RecordingWorkbook extends MemoryWorkbook {
  readonly reads: string[] = [];

  constructor(tables: SheetTable[], visibility: Record<string, SheetVisibility> = {}) {
    super(tables);
    for (const [name, v] of Object.entries(visibility)) this.sheets.get(name)!.visibility = v;
  }

  override async readSheet(name: string): Promise<SheetTable> {
    this.reads.push(name);
    return super.readSheet(name);
  }
}

const stateSheet = sheet(STATE_SHEET, [
  ['version', 'campaigns'],
  [1, '[]'],
]);

describe('loadWorkbookData', () => {
  it('reads the visible and hidden user sheets and parses them', async () => {
    const workbook = new RecordingWorkbook([messyCustomers(), messyContacts(), messySales(), stateSheet], {
      Kontakte: 'hidden',
      [STATE_SHEET]: 'veryHidden',
    });
    const result = await loadWorkbookData(workbook);
    expect(workbook.reads).toEqual(['Kunden', 'Kontakte', 'Umsätze']);
    expect(result.ok && result.value.contacts?.length).toBe(6);
    expect(result.ok && result.value.mapping.sales?.sheet).toBe('Umsätze');
  });

  it('pauses between the sheets when asked, and parses exactly what it parses in one go', async () => {
    const tables = () => [messyCustomers(), messyContacts(), messySales(), stateSheet];
    const readAtPause: number[] = [];
    const workbook = new RecordingWorkbook(tables());
    const paused = await loadWorkbookData(workbook, {}, [], {
      pause: async () => {
        readAtPause.push(workbook.reads.length);
      },
    });
    // every sheet is read before parsing starts; the parse stops before customers, contacts, sales and articles
    expect(readAtPause).toEqual([3, 3, 3, 3]);
    expect(paused).toEqual(await loadWorkbookData(new RecordingWorkbook(tables())));
    expect(paused.ok && paused.value.contacts?.length).toBe(6);
  });

  it('pauses inside a long sheet too, every few thousand rows, and reads the same', async () => {
    const people = Array.from({ length: 10_000 }, (_, i) => [
      `P${i}`,
      `Vorname${i}`,
      `Name${i}`,
      `p${i}@firma.de`,
    ]);
    const contacts = () => sheet('Kontakte', [['Kontakt-Nr', 'Vorname', 'Nachname', 'E-Mail'], ...people]);
    let pauses = 0;
    const paused = await loadWorkbookData(new MemoryWorkbook([contacts()]), {}, [], {
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBe(4 + Math.floor(10_000 / ROWS_PER_STEP));
    expect(paused).toEqual(await loadWorkbookData(new MemoryWorkbook([contacts()])));
    expect(paused.ok && paused.value.contacts?.length).toBe(10_000);
  });

  it('does not read the state sheet even when it is visible, nor the sheets the add-in wrote', async () => {
    const workbook = new RecordingWorkbook([
      messyCustomers(),
      stateSheet,
      messyContacts('Zielgruppe Herbst'),
    ]);
    await loadWorkbookData(workbook, {}, ['zielgruppe herbst']);
    expect(workbook.reads).toEqual(['Kunden']);
  });

  it('reads a very hidden sheet when the mapping names it explicitly', async () => {
    const workbook = new RecordingWorkbook([messyCustomers('Archiv')], { Archiv: 'veryHidden' });
    const result = await loadWorkbookData(workbook, { sheets: { customers: 'archiv' } });
    expect(result.ok && result.value.customers).toHaveLength(4);
  });

  it('returns the explicit-mapping errors as a failed result', async () => {
    const result = await loadWorkbookData(new MemoryWorkbook([messyCustomers()]), {
      sheets: { sales: 'Verkäufe' },
    });
    expect(result).toEqual({
      ok: false,
      error: expect.arrayContaining([
        { code: 'sheetNotFound', severity: 'error', sheet: 'Verkäufe', detail: 'sales' },
      ]),
    });
  });

  it.each(['hostTimeout', 'payloadTooLarge', 'hostError'] as const)(
    'turns a host failure (%s) into an error problem',
    async (code) => {
      const workbook = new MemoryWorkbook([messyCustomers()]);
      workbook.readSheet = async () => {
        throw new WorkbookError(code, 'Kunden', { cause: new Error('RichApi.Error') });
      };
      await expect(loadWorkbookData(workbook)).resolves.toEqual({
        ok: false,
        error: [{ code, severity: 'error', sheet: 'Kunden' }],
      });
    },
  );

  /** Anna twice by e-mail, Jan twice by name without a number, number 7 for two different people. */
  const contactsWithDuplicates = () =>
    sheet('Kontakte', [
      ['Kontakt-Nr.', 'Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail'],
      ['1', 10001, 'Anna', 'Schmidt', 'anna@alpha.de'],
      ['2', 10001, 'Anna', 'Schmidt', 'ANNA@alpha.de'],
      ['3', 10002, 'Jan', 'Ott', ''],
      ['', 10002, 'Jan', 'Ott', ''],
      ['7', 10001, 'Eva', 'Lang', 'eva@alpha.de'],
      ['7', 10002, 'Bernd', 'Maier', 'bernd@beta.de'],
    ]);

  it('adds the probable duplicates of the person sheets to the problems, with sheet and rows', async () => {
    const result = await loadWorkbookData(new MemoryWorkbook([messyCustomers(), contactsWithDuplicates()]));
    const problems = result.ok ? result.value.problems : [];
    expect(problems.filter((p) => p.code === 'probableDuplicate' || p.code === 'sharedContactId')).toEqual([
      {
        code: 'probableDuplicate',
        severity: 'warning',
        sheet: 'Kontakte',
        row: 2,
        rows: [3],
        value: 'anna@alpha.de',
        detail: 'email',
      },
      {
        code: 'probableDuplicate',
        severity: 'warning',
        sheet: 'Kontakte',
        row: 4,
        rows: [5],
        value: 'Jan Ott',
        detail: 'name',
      },
      { code: 'sharedContactId', severity: 'warning', sheet: 'Kontakte', row: 6, rows: [7], value: '7' },
    ]);
  });

  it('with duplicatesLater finds them only when asked, in place and once, as the full load does', async () => {
    const workbook = () => new MemoryWorkbook([messyCustomers(), contactsWithDuplicates()]);
    const full = await loadWorkbookData(workbook());
    const later = await loadWorkbookData(workbook(), {}, [], { duplicatesLater: true });
    if (!full.ok || !later.ok) throw new Error('the workbook must load');
    const duplicateCodes = ['probableDuplicate', 'sharedContactId'];
    expect(later.value.problems.filter((p) => duplicateCodes.includes(p.code))).toEqual([]);
    const data = later.value;
    completeWithDuplicates(data);
    completeWithDuplicates(data);
    expect(later.value).toBe(data);
    expect(data.problems).toEqual(full.value.problems);
    expect(data.problems.filter((p) => duplicateCodes.includes(p.code))).toHaveLength(3);
  });

  it('finds them in steps when given a pause, the same as at once', async () => {
    const workbook = () => new MemoryWorkbook([messyCustomers(), contactsWithDuplicates()]);
    const full = await loadWorkbookData(workbook());
    const later = await loadWorkbookData(workbook(), {}, [], { duplicatesLater: true });
    if (!full.ok || !later.ok) throw new Error('the workbook must load');
    let pauses = 0;
    await completeWithDuplicatesPausing(later.value, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(0);
    expect(later.value.problems).toEqual(full.value.problems);
  });

  it('lets bugs propagate', async () => {
    const workbook = new MemoryWorkbook([messyCustomers()]);
    workbook.listSheets = async () => {
      throw new TypeError('bug');
    };
    await expect(loadWorkbookData(workbook)).rejects.toThrow('bug');
  });
});
