import { WorkbookError } from '../../src/core/workbook/workbookError';
import { MemoryWorkbook, parseFailures } from '../../src/memory/memoryWorkbook';

const table = (name: string) => ({ name, rows: [['Name'], ['Anna']] });
const write = (workbook: MemoryWorkbook, sheet: string) =>
  workbook.writeTable({ sheet, data: { headers: ['A'], rows: [['1']], textColumns: [], numberFormats: {} } });

describe('the memory workbook playing Excel failing', () => {
  it('reads "operation:sheet" lists and leaves out what is no port operation', () => {
    expect(parseFailures('writeTable:KampagnenDaten, readSheet,saveState')).toEqual([
      { operation: 'writeTable', sheet: 'KampagnenDaten' },
      { operation: 'readSheet' },
    ]);
  });

  it('fails the played operation on the named sheet (any case) as a hostError naming it, and works when lifted', async () => {
    const workbook = new MemoryWorkbook([table('Kontakte')]);
    workbook.failures = parseFailures('writeTable:kampagnendaten');
    const failed = write(workbook, 'KampagnenDaten');
    await expect(failed).rejects.toBeInstanceOf(WorkbookError);
    await expect(failed).rejects.toMatchObject({ code: 'hostError', sheet: 'KampagnenDaten' });
    await expect(write(workbook, 'Zielgruppe')).resolves.toMatchObject({ name: 'Zielgruppe' });
    await expect(workbook.readSheet('Kontakte')).resolves.toMatchObject({ name: 'Kontakte' });
    workbook.failures = [];
    await expect(write(workbook, 'KampagnenDaten')).resolves.toMatchObject({ name: 'KampagnenDaten' });
  });

  it('fails an operation on every sheet when no sheet is named', async () => {
    const workbook = new MemoryWorkbook([table('Kontakte'), table('Kunden')]);
    workbook.failures = parseFailures('readSheet,listSheets');
    await expect(workbook.readSheet('Kunden')).rejects.toMatchObject({ code: 'hostError', sheet: 'Kunden' });
    await expect(workbook.listSheets()).rejects.toMatchObject({ code: 'hostError' });
  });
});
