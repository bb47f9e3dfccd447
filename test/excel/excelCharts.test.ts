import type { TableData } from '../../src/core/kernel/sheetTable';
import type { ChartRequest } from '../../src/core/workbook/workbookPort';
import { ExcelWorkbook } from '../../src/excel/excelWorkbook';
import { FakeExcel, type FakeReference, type FakeSheet } from './fakeExcel';

const setup = () => {
  const excel = new FakeExcel();
  excel.addSheet('Start', [['Willkommen']]);
  const workbook = new ExcelWorkbook({ run: excel.run, supportsExcelApi: () => true, syncTimeoutMs: 5_000 });
  return { excel, workbook };
};

/** An evaluation table as the core writes it: the plotted columns are not next to each other. */
const evaluation = (rows: Array<[string, number, string, number]>): TableData => ({
  headers: ['Kampagne', 'Umsatz je Mitglied (kontaktiert)', 'Urteil', 'Umsatz je Mitglied (Kontrolle)'],
  rows,
  textColumns: [0, 2],
});

const CHART: ChartRequest = {
  title: 'Umsatz je Mitglied: kontaktiert und Kontrollgruppe',
  categoryColumn: 0,
  valueColumns: [1, 3],
};

/** What a chart series shows: the cells behind its reference, read from the fake sheet. */
const cells = (ref: FakeReference | null) => {
  if (!ref) return null;
  const values = [];
  for (let r = 0; r < ref.rows; r += 1)
    for (let c = 0; c < ref.columns; c += 1) values.push(ref.sheet.cell(ref.row + r, ref.column + c));
  return values;
};

const shown = (sheet: FakeSheet | undefined) =>
  sheet?.charts.map((chart) => ({
    type: chart.type,
    title: chart.title,
    series: chart.series.map((s) => ({
      name: s.name,
      values: cells(s.values),
      categories: cells(s.xValues),
    })),
    from: chart.position && [chart.position.from.row, chart.position.from.column],
  }));

describe('ExcelWorkbook.writeTable with a chart', () => {
  it('adds a clustered column chart of the requested columns beside the table, on the final sheet', async () => {
    const { excel, workbook } = setup();
    const data = evaluation([
      ['Herbstaktion Büromöbel', 41.5, 'hat sich gelohnt', 12.25],
      ['Newsletter November', 3, 'unsicher', 2.5],
    ]);

    await workbook.writeTable({ sheet: 'Auswertung', tableName: 'Auswertung', data, chart: CHART });

    expect(shown(excel.sheet('Auswertung'))).toEqual([
      {
        type: 'ColumnClustered',
        title: CHART.title,
        series: [
          {
            name: 'Umsatz je Mitglied (kontaktiert)',
            values: [41.5, 3],
            categories: ['Herbstaktion Büromöbel', 'Newsletter November'],
          },
          {
            name: 'Umsatz je Mitglied (Kontrolle)',
            values: [12.25, 2.5],
            categories: ['Herbstaktion Büromöbel', 'Newsletter November'],
          },
        ],
        from: [0, 5],
      },
    ]);
    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Start', 'Auswertung']);
  });

  it('replaces the chart with the sheet when written again instead of adding a second one', async () => {
    const { excel, workbook } = setup();
    const write = (rows: Array<[string, number, string, number]>) =>
      workbook.writeTable({
        sheet: 'Auswertung',
        tableName: 'Auswertung',
        data: evaluation(rows),
        chart: CHART,
      });

    await write([['A', 1, 'x', 2]]);
    await write([
      ['A', 1, 'x', 2],
      ['B', 3, 'y', 4],
    ]);

    const charts = shown(excel.sheet('Auswertung'));
    expect(charts).toHaveLength(1);
    expect(charts?.[0].series.map((s) => s.values)).toEqual([
      [1, 3],
      [2, 4],
    ]);
  });

  it.each<[string, TableData, ChartRequest]>([
    ['a table without rows', evaluation([]), CHART],
    ['no value columns', evaluation([['A', 1, 'x', 2]]), { ...CHART, valueColumns: [] }],
  ])('writes no chart for %s', async (_, data, chart) => {
    const { excel, workbook } = setup();

    await workbook.writeTable({ sheet: 'Auswertung', data, chart });

    expect(excel.sheet('Auswertung')?.charts).toEqual([]);
  });

  it('writes no chart when none is asked for', async () => {
    const { excel, workbook } = setup();

    await workbook.writeTable({ sheet: 'Auswertung', data: evaluation([['A', 1, 'x', 2]]) });

    expect(excel.sheet('Auswertung')?.charts).toEqual([]);
  });
});

describe('FakeExcel charts refuse what Excel refuses', () => {
  const context = async (excel: FakeExcel) => {
    let captured: Excel.RequestContext | undefined;
    await excel.run(async (ctx) => {
      captured = ctx;
    });
    return captured!;
  };

  it.each<[string, (sheet: Excel.Worksheet, other: Excel.Worksheet) => void, string]>([
    [
      'an unknown chart type',
      (sheet) => sheet.charts.add('Bogus' as Excel.ChartType, sheet.getRangeByIndexes(0, 0, 2, 1)),
      'InvalidArgument',
    ],
    [
      'series values that span rows and columns',
      (sheet) => {
        const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, 2, 1), 'Columns');
        chart.series.add('zwei').setValues(sheet.getRangeByIndexes(0, 0, 2, 2));
      },
      'InvalidArgument',
    ],
    [
      'a series index the chart does not have',
      (sheet) => {
        const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, 2, 1), 'Columns');
        chart.series.getItemAt(1).name = 'fehlt';
      },
      'ItemNotFound',
    ],
    [
      'a source range on a deleted sheet',
      (sheet, other) => {
        const range = other.getRangeByIndexes(0, 0, 2, 1);
        other.delete();
        sheet.charts.add('ColumnClustered', range, 'Columns');
      },
      'ItemNotFound',
    ],
    [
      'a position on another sheet',
      (sheet, other) => {
        const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, 2, 1), 'Columns');
        chart.setPosition(other.getRangeByIndexes(0, 3, 1, 1));
      },
      'InvalidArgument',
    ],
  ])('refuses %s', async (_, build, code) => {
    const excel = new FakeExcel();
    excel.addSheet('Daten', [['Wert'], [1]]);
    excel.addSheet('Andere', [['x'], [2]]);
    const ctx = await context(excel);

    build(ctx.workbook.worksheets.getItem('Daten'), ctx.workbook.worksheets.getItem('Andere'));

    await expect(ctx.sync()).rejects.toMatchObject({ code });
  });
});
