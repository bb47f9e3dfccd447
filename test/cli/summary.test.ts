import type { CampaignDefinition } from '../../src/core/campaign/campaign';
import { runCampaign } from '../../src/core/run/campaignRun';
import type { CellValue, SheetTable } from '../../src/core/kernel/sheetTable';
import { isoToDay } from '../../src/core/kernel/values';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import { runSummaryJson, runSummaryLines } from '../../src/cli/summary';

/** 25 firms typed with German headers; K05 objected to advertising; the first ten bought in spring. */
const workbook = () =>
  new MemoryWorkbook([
    {
      name: 'Kunden',
      rows: [
        ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'Werbesperre'],
        ...Array.from({ length: 25 }, (_, i): CellValue[] => [
          `K${i + 1}`,
          `Köhler & Söhne ${i + 1} KG`,
          `Domplatz ${i + 1}`,
          '01067',
          'Dresden',
          i === 4 ? 'x' : null,
        ]),
      ],
    } satisfies SheetTable,
    {
      name: 'Umsätze',
      rows: [
        ['Datum', 'Kundennr', 'Artikel-Nr.', 'Betrag'],
        ...Array.from({ length: 10 }, (_, i): CellValue[] => [
          '15.04.2026',
          `K${i + 1}`,
          'A-1',
          100 * (i + 1),
        ]),
      ],
    },
  ]);

const letter = (overrides: Partial<CampaignDefinition> = {}): CampaignDefinition => ({
  name: 'Sommerbrief',
  type: 'letter',
  selections: [{ from: 'customers' }],
  ...overrides,
});

const run = async (definition: CampaignDefinition) => {
  const result = await runCampaign(workbook(), definition, {
    today: isoToDay('2026-06-10')!,
    now: '2026-06-10T08:00:00.000Z',
    leads: true,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const files = { workbook: 'kunden.xlsx', out: 'aus.xlsx', csv: 'liste.csv' };

describe('the run summary with a control group', () => {
  it.each([
    [
      'de',
      /^Kontrollgruppe: (\d+) von 24 Empfängern zurückgehalten \(20 %\), ohne CSV-Zeile und ohne Lead; Start 10\.06\.2026$/,
    ],
    [
      'en',
      /^Control group: (\d+) of 24 recipients held back \(20 %\), no CSV row and no lead; start 10 Jun 2026$/,
    ],
  ] as const)('names in %s how many were held back, right after the headline', async (language, line) => {
    const result = await run(letter({ controlPercent: 20 }));
    const lines = runSummaryLines(result, files, createTranslator(language));
    expect(lines[1]).toMatch(line);
    expect(Number(line.exec(lines[1])?.[1])).toBe(result.control.length);
    expect(result.control.length).toBeGreaterThan(0);
  });

  it('gives the counts and the campaign fields as JSON', async () => {
    const result = await run(letter({ controlPercent: 20, cost: 120, status: 'active', end: '2026-06-30' }));
    const json = runSummaryJson(result, files, createTranslator('de'));
    expect(json).toMatchObject({
      members: 24,
      control: result.control.length,
      contacted: 24 - result.control.length,
      leads: { created: 24 - result.control.length },
    });
    expect(json.campaign).toMatchObject({
      start: '2026-06-10',
      end: '2026-06-30',
      cost: 120,
      evaluationDays: 90,
      status: 'active',
      controlPercent: 20,
    });
  });

  it('has no control group line without a control group', async () => {
    const result = await run(letter());
    const lines = runSummaryLines(result, files, createTranslator('de'));
    expect(lines.some((l) => l.startsWith('Kontrollgruppe'))).toBe(false);
    expect(runSummaryJson(result, files, createTranslator('de'))).toMatchObject({
      control: 0,
      contacted: 24,
    });
  });
});
