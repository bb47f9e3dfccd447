import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { connectToExcel } from '../../src/excel/officeHost';

type Host = 'Excel' | 'Word' | null;

/** The part of office.js connectToExcel uses, as office.js sets it up inside a host (or in a plain browser: null). */
const installOffice = (onReady: () => Promise<{ host: Host }>) => {
  Object.assign(globalThis, {
    Office: { onReady, HostType: { Excel: 'Excel', Word: 'Word' }, context: { displayLanguage: 'en-US' } },
  });
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { window?: unknown }).window;
});

describe('connectToExcel', () => {
  it('gives the Excel workbook and Office’s display language inside Excel', async () => {
    installOffice(async () => ({ host: 'Excel' }));

    const connection = await connectToExcel(1_000);

    expect(connection?.workbook).toBeInstanceOf(ExcelWorkbook);
    expect(connection?.displayLanguage).toBe('en-US');
  });

  it.each([
    ['without office.js (browser preview)', () => undefined],
    ['in another Office app', () => installOffice(async () => ({ host: 'Word' }))],
    ['in a plain browser with office.js loaded', () => installOffice(async () => ({ host: null }))],
    ['when Office never gets ready', () => installOffice(() => new Promise(() => undefined))],
    [
      'when the CDN could not be reached',
      () => Object.assign(globalThis, { window: { kampagnenOfficeLoaded: Promise.resolve(false) } }),
    ],
    [
      'when loading office.js hangs',
      () => Object.assign(globalThis, { window: { kampagnenOfficeLoaded: new Promise(() => undefined) } }),
    ],
  ])('is null %s, once its time limit has passed', async (_, arrange) => {
    arrange();
    await expect(connectToExcel(100)).resolves.toBeNull();
  });
});
