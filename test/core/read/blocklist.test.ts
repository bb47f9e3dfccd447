import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import type { SheetTable } from '../../../src/core/kernel/sheetTable';
import { messyContacts, messyCustomers, sheet } from '../sheetBuilders';

const parse = (tables: SheetTable[], ownSheets: string[] = []) => {
  const parsed = parseWorkbook(tables, {}, ownSheets);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
};

describe('the Sperrliste sheet', () => {
  const sperrliste = sheet('Sperrliste', [
    ['Werbewidersprüche (Art. 21 DSGVO) – nie löschen', null, null, null, null],
    ['E-Mail', 'Name', 'Straße', 'Hausnr.', 'PLZ'],
    [' mailto:Anna@Alpha.de ', null, null, null, null],
    [null, 'Schmidt, Dr. Jan', 'Hauptstraße', '5', '01067'],
    [null, null, null, null, null],
  ]);

  it('is recognised by its name, read by its headers below a title, and never read as contacts', () => {
    const data = parse([messyCustomers(), sperrliste]);
    expect(data.mapping.contacts).toBeUndefined();
    expect(data.blocklists).toEqual([
      {
        sheet: 'Sperrliste',
        headerRow: 2,
        headers: ['E-Mail', 'Name', 'Straße', 'Hausnr.', 'PLZ'],
        columns: { email: 0, fullName: 1, street: 2, postalCode: 4 },
        entries: [
          {
            sheet: 'Sperrliste',
            row: 3,
            email: 'Anna@Alpha.de',
            firstName: '',
            lastName: '',
            street: '',
            postalCode: '',
            city: '',
          },
          {
            sheet: 'Sperrliste',
            row: 4,
            email: '',
            firstName: 'Jan',
            lastName: 'Schmidt',
            street: 'Hauptstraße 5',
            postalCode: '01067',
            city: '',
          },
        ],
      },
    ]);
  });

  it('is recognised by a header saying so, whatever the sheet is called', () => {
    const objections = sheet('Tabelle3', [
      ['E-Mail', 'Widerspruch am'],
      ['eva@lang.de', '01.02.2026'],
    ]);
    const data = parse([messyCustomers(), messyContacts(), objections]);
    expect(data.blocklists?.map((b) => [b.sheet, b.entries.map((e) => e.email)])).toEqual([
      ['Tabelle3', ['eva@lang.de']],
    ]);
    expect(data.mapping.contacts?.sheet).toBe('Kontakte');
  });

  it('a contacts sheet recording the date of an objection next to its opt-out flag stays the contacts sheet', () => {
    const contacts = sheet('Adressen', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Werbesperre', 'Widerspruch am'],
      ['1', 'Eva', 'Lang', 'eva@lang.de', 'ja', '01.02.2026'],
    ]);
    const data = parse([messyCustomers(), contacts]);
    expect(data.blocklists).toBeUndefined();
    expect(data.mapping.contacts?.sheet).toBe('Adressen');
  });

  it('a sheet the add-in wrote is none', () => {
    expect(parse([messyCustomers(), sperrliste], ['Sperrliste']).blocklists).toBeUndefined();
  });
});
