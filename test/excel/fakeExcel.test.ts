import { FakeExcel } from './fakeExcel';

/** The fake must refuse what Excel refuses, or the adapter tests prove nothing. */
const context = async (excel: FakeExcel) => {
  let captured: Excel.RequestContext | undefined;
  await excel.run(async (ctx) => {
    captured = ctx;
  });
  return captured!;
};

describe('FakeExcel', () => {
  it('throws PropertyNotLoaded for a property read before load and sync', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kontakte', [['Name']]);
    const ctx = await context(excel);

    const sheet = ctx.workbook.worksheets.getItem('Kontakte');
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    sheet.load('name');
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(sheet.name).toBe('Kontakte');
  });

  it('gives null values for a read over 5,000,000 cells and refuses a response over 5 MB', async () => {
    const excel = new FakeExcel();
    excel.addGeneratedSheet('Groß', 600_000, 10, (row) => `Zeile ${row}`);
    const ctx = await context(excel);

    const sheet = ctx.workbook.worksheets.getItem('Groß');
    const tooManyCells = sheet.getRangeByIndexes(0, 0, 500_001, 10).load('values');
    await ctx.sync();
    expect(tooManyCells.values).toBeNull();

    sheet.getRangeByIndexes(0, 0, 400_000, 10).load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('refuses a request over 5 MB as a whole', async () => {
    const excel = new FakeExcel();
    const ctx = await context(excel);

    ctx.workbook.worksheets.add('Neu');
    const sheet = ctx.workbook.worksheets.getItem('Neu');
    sheet.getRangeByIndexes(0, 0, 300_000, 2).values = Array.from({ length: 300_000 }, () => [
      'Müller',
      'Schulze',
    ]);

    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(excel.sheet('Neu')).toBeUndefined();
  });

  it('keeps sheet names unique ignoring case and fails on anything it does not model', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Kunden');
    const ctx = await context(excel);

    ctx.workbook.worksheets.add('KUNDEN');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    expect(() => ctx.workbook.worksheets.getItem('Kunden').getRange('A1')).toThrow(/not modelled/);
  });
});
