import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { connectToExcel } from '../../src/excel/officeHost';
import { versionAtLeast } from '../../src/excel/requirements';

type Host = 'Excel' | 'Word' | null;

/**
 * The part of office.js connectToExcel uses, as office.js sets it up inside a host (or in a plain browser: null), in
 * an Excel that supports ExcelApi up to `excelApi`.
 */
const installOffice = (onReady: () => Promise<{ host: Host }>, excelApi = '1.17') => {
  const isSetSupported = (name: string, minimum: string) =>
    name === 'ExcelApi' && versionAtLeast(excelApi, minimum);
  Object.assign(globalThis, {
    Office: {
      onReady,
      HostType: { Excel: 'Excel', Word: 'Word' },
      context: { displayLanguage: 'en-US', requirements: { isSetSupported } },
    },
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

    expect(connection?.status === 'ready' && connection.workbook).toBeInstanceOf(ExcelWorkbook);
    expect(connection?.displayLanguage).toBe('en-US');
  });

  it.each(['1.1', '1.6'])(
    'gives no workbook, only the language, in an Excel with ExcelApi %s (below 1.7)',
    async (excelApi) => {
      installOffice(async () => ({ host: 'Excel' }), excelApi);

      await expect(connectToExcel(1_000)).resolves.toEqual({ status: 'tooOld', displayLanguage: 'en-US' });
    },
  );

  it('works in an Excel with exactly ExcelApi 1.7', async () => {
    installOffice(async () => ({ host: 'Excel' }), '1.7');

    expect((await connectToExcel(1_000))?.status).toBe('ready');
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
