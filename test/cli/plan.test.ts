import { promises as fs } from 'node:fs';
import path from 'node:path';
import { minimumDetectableMeanDifference, minimumDetectableRise } from '../../src/core/evaluation/power';
import { buildCli, ROOT, runCli } from './cliHarness';

const SAMPLE = path.join(ROOT, 'samples', 'Beispiel-Grosshandel.xlsx');
const SAMPLE_CAMPAIGN = 'Herbstaktion Büromöbel 2026';
const SLOW = 180_000;

beforeAll(buildCli, SLOW);

describe('kampagne plan on the sample workbook', () => {
  it(
    'prints the groups, the baseline a year earlier, the detectable effects and the plain sentence',
    async () => {
      const before = await fs.readFile(SAMPLE);

      const run = await runCli(['plan', '--workbook', SAMPLE, '--campaign', SAMPLE_CAMPAIGN]);

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toMatch(
        /^Plan für „Herbstaktion Büromöbel 2026“: 245 Empfänger, davon 37 in der Kontrollgruppe$/,
      );
      expect(lines[1]).toBe('Hauptkennzahl: Umsatz');
      expect(lines[2]).toMatch(
        /^Ohne Kampagne kauften [\d,]+\s% vergleichbarer Kunden im selben Zeitraum ein Jahr vorher \(01\.09\.2025 – 30\.09\.2025\)/,
      );
      expect(lines[3]).toMatch(
        /^Kleinster erkennbarer Unterschied .*: \+[\d,]+\sPp\. bei der Kaufquote, \+[\d.,]+\s€ beim Umsatz/,
      );
      expect(lines[4]).toMatch(
        /^Mit 245 Empfängern und 15 % Kontrollgruppe erkennt die Auswertung erst einen Unterschied von \+[\d.,]+\s€ Umsatz je Empfänger\.$/,
      );
      expect((await fs.readFile(SAMPLE)).equals(before)).toBe(true);
    },
    SLOW,
  );

  it(
    'gives the plan as JSON in English, its numbers agreeing with the power formulas',
    async () => {
      const run = await runCli([
        'plan',
        '--workbook',
        SAMPLE,
        '--campaign',
        SAMPLE_CAMPAIGN,
        '--expect',
        '+250',
        '--json',
        '--lang',
        'en',
      ]);

      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({
        ok: true,
        campaign: { name: SAMPLE_CAMPAIGN },
        plan: {
          members: 245,
          contacted: 208,
          control: 37,
          controlPercent: 15,
          primaryMetric: 'revenue',
          baseline: { window: 'yearEarlier', start: '2025-09-01', end: '2025-09-30' },
        },
      });
      const { plan } = result;
      expect(plan.baseline.comparable).toBeGreaterThan(0);
      expect(plan.baseline.conversion).toBeGreaterThan(0);
      expect(plan.detectableRise).toBeCloseTo(
        minimumDetectableRise(plan.baseline.conversion, 208, 37) ?? NaN,
        10,
      );
      expect(plan.detectableRevenue).toBeCloseTo(
        minimumDetectableMeanDifference(plan.baseline.revenueSpread, 208, 37) ?? NaN,
        10,
      );
      // 250 € more per recipient is more than the 15 % group detects; a larger share or pooled campaigns would.
      expect(plan.expected.value).toBe(250);
      expect(plan.detectableRevenue).toBeGreaterThan(0);
      expect(result.sentence).toMatch(
        /^With 245 recipients and a 15 % control group, the evaluation only detects/,
      );
      expect(result.sentence).toContain('For +€250.00 revenue per recipient');
      expect(result.baselineSentence).toMatch(/^Without a campaign, [\d.]+% of comparable customers bought/);
    },
    SLOW,
  );

  it(
    'refuses an expected effect that is no positive number, and names the stored campaigns for an unknown one',
    async () => {
      const bad = await runCli([
        'plan',
        '--workbook',
        SAMPLE,
        '--campaign',
        SAMPLE_CAMPAIGN,
        '--expect',
        'viel',
      ]);
      expect(bad.code).toBe(2);
      expect(bad.errors[0]).toBe(
        '--expect muss ein Unterschied größer als 0 sein, z. B. +3 oder 5,50, nicht „viel“.',
      );

      const unknown = await runCli(['plan', '--workbook', SAMPLE, '--campaign', 'Sommerfest', '--json']);
      expect(unknown.code).toBe(1);
      expect(unknown.errors[0]).toMatch(
        /^Plan für „.*“: Die Kampagne „Sommerfest“ ist in dieser Arbeitsmappe nicht gespeichert/,
      );
      expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, exitCode: 1 });
    },
    SLOW,
  );
});
