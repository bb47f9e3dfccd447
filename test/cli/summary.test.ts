import type { CampaignDefinition } from '../../src/core/campaign/campaign';
import { runCampaign } from '../../src/core/run/campaignRun';
import type { CellValue, SheetTable } from '../../src/core/kernel/sheetTable';
import { isoToDay } from '../../src/core/kernel/values';
import { MemoryWorkbook } from '../../src/memory/memoryWorkbook';
import { createTranslator } from '../../src/i18n/i18n';
import { preflightLines, runSummaryJson, runSummaryLines } from '../../src/cli/summary';
import type { PreflightReport } from '../../src/core/outputs/preflight';

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

describe('the run summary: pre-flight and letters per Leitregion', () => {
  it.each([
    [
      'de',
      'Vor dem Export geprüft: 24 Empfänger, alle Angaben druckbereit',
      'Briefe je Leitregion (für Dialogpost): 01 24',
    ],
    [
      'en',
      'Checked before the export: 24 recipients, everything ready to print',
      'Letters per Leitregion (for Dialogpost): 01 24',
    ],
  ] as const)(
    'says in %s that every letter is ready and counts the letters per region',
    async (language, ready, regions) => {
      const lines = runSummaryLines(await run(letter()), files, createTranslator(language));
      expect(lines).toContain(ready);
      expect(lines).toContain(regions);
    },
  );

  it('has no region line for a campaign that sends no letters', async () => {
    const lines = runSummaryLines(await run(letter({ type: 'event' })), files, createTranslator('de'));
    expect(lines.some((line) => line.startsWith('Briefe je Leitregion'))).toBe(false);
  });

  const report: PreflightReport = {
    checked: 9,
    counts: { postalCodeNotFiveDigits: 1, salutationMissing: 7 },
    entries: [
      {
        key: 'c:1',
        name: 'Anna Schmidt (Schmidt Bau GmbH)',
        problems: [
          { code: 'postalCodeNotFiveDigits', severity: 'warning', sheet: 'Kontakte', row: 4, value: '1067' },
          { code: 'salutationMissing', severity: 'warning', sheet: 'Kontakte', row: 4 },
        ],
      },
      ...Array.from({ length: 6 }, (_, i) => ({
        key: `c:${i + 2}`,
        name: `Person ${i + 2}`,
        problems: [
          { code: 'salutationMissing' as const, severity: 'warning' as const, sheet: 'Kontakte', row: i + 5 },
        ],
      })),
    ],
  };

  it('counts the findings by kind, lists the first members with every finding, and counts the rest', () => {
    const lines = preflightLines(report, createTranslator('de'));
    expect(lines[0]).toBe(
      'Vor dem Export geprüft: 9 Empfänger, 7 mit Hinweisen (PLZ nicht fünfstellig 1, ohne Anrede 7)',
    );
    expect(lines[1]).toBe(
      '  Anna Schmidt (Schmidt Bau GmbH) – Blatt „Kontakte“, Zeile 4: Die PLZ „1067“ hat nicht fünf Ziffern – die Post kann den Brief nicht sortieren. Bitte die PLZ prüfen (fehlt eine führende Null?).',
    );
    expect(lines[2]).toMatch(
      /^ {2}Anna Schmidt \(Schmidt Bau GmbH\) – Blatt „Kontakte“, Zeile 4: Keine Anrede/,
    );
    expect(lines).toHaveLength(1 + 2 + 4 + 1);
    expect(lines.at(-1)).toBe('  … und 2 weitere Empfänger mit Hinweisen (vollständig mit --json)');
  });

  it('gives the whole pre-flight and the regions as JSON', async () => {
    const result = await run(letter());
    const json = runSummaryJson({ ...result, preflight: report }, files, createTranslator('en'));
    expect(json.preflight).toMatchObject({ checked: 9, flagged: 7, counts: report.counts });
    expect(json.preflight.items).toHaveLength(7);
    expect(json.preflight.items[0].problems[0]).toMatchObject({
      code: 'postalCodeNotFiveDigits',
      row: 4,
      message: expect.stringContaining('does not have five digits'),
    });
    expect(json.letterRegions).toEqual({
      regions: [{ region: '01', letters: 24 }],
      foreign: 0,
      withoutRegion: 0,
    });
  });
});

describe('the run summary of a leads update', () => {
  it.each([
    [
      'de',
      [
        'Leads: Blatt „Leads Vertrieb“ – 2 neu, 1 aktualisiert, 20 unverändert, 0 nicht mehr in der Zielgruppe',
        '  Von Hand geänderte Felder, beibehalten: 3',
        '  Im Blatt und in den Daten geändert – der Wert im Blatt bleibt (1):',
        '    Zeile 7, L-ABCDEF123456: E-Mail',
        '  Im Blatt gelöschte Leads, nicht neu angelegt: 2 (im Aufgabenbereich wieder anlegen)',
      ],
    ],
    [
      'en',
      [
        'Leads: sheet "Leads Vertrieb" – 2 created, 1 updated, 20 unchanged, 0 no longer in the target group',
        '  Fields changed by hand, kept: 3',
        "  Changed on the sheet and in the data – the sheet's value stays (1):",
        '    row 7, L-ABCDEF123456: E-mail',
        '  Leads deleted on the sheet, not created again: 2 (re-create them in the task pane)',
      ],
    ],
  ] as const)(
    'says in %s what it kept of people’s work and what it did not create again',
    async (language, expected) => {
      const result = await run(letter());
      const leads = {
        sheet: 'Leads Vertrieb',
        created: 2,
        updated: 1,
        unchanged: 20,
        notInGroup: 0,
        keptByHand: 3,
        conflicts: [{ leadId: 'L-ABCDEF123456', field: 'email' as const, row: 7 }],
        deleted: 2,
        merged: 0,
      };
      const lines = runSummaryLines({ ...result, leads }, files, createTranslator(language));
      const at = lines.findIndex((line) => line.startsWith('Leads'));
      expect(lines.slice(at, at + 5)).toEqual(expected);
    },
  );
});
