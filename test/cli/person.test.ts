import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, runCli, tempDir, writeWorkbook } from './cliHarness';

const SLOW = 180_000;

/** Anna Lang is in the contacts twice (once with the firm's address), has bought as a customer, and is blocked. */
const WORKBOOK: Record<string, CellValue[][]> = {
  Kontakte: [
    ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'E-Mail', 'Ort'],
    ['C1', 'Anna', 'Lang', 'Lang Design', 'anna@lang.de', 'Dresden'],
    ['C2', 'Jan', 'Groß', 'Groß KG', 'jan@gross.de', 'Köln'],
    ['C3', 'Anna', 'Lang', 'Lang Design', 'ANNA@lang.de', 'Dresden'],
    ['C4', 'Eva', 'Maier', '', 'eva@maier.de', 'Leipzig'],
  ],
  Sperrliste: [
    ['E-Mail', 'Gesperrt seit'],
    ['eva@maier.de', '01.10.2026'],
  ],
};

const write = (file: string, definition: unknown) => fs.writeFile(file, JSON.stringify(definition), 'utf8');

beforeAll(buildCli, SLOW);

describe('kampagne person', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = await tempDir();
    await writeWorkbook(file('mappe.xlsx'), WORKBOOK);
    await write(file('newsletter.json'), {
      name: 'Newsletter',
      type: 'E-Mail',
      selections: [{ from: 'contacts' }],
    });
    await write(file('messe.json'), {
      name: 'Hausmesse',
      type: 'Veranstaltung',
      selections: [{ from: 'contacts', filter: [{ column: 'Ort', op: 'equals', value: 'Dresden' }] }],
    });
    const run = (from: string, campaign: string, to: string, day: string, ...extra: string[]) =>
      runCli([
        'run',
        '--workbook',
        file(from),
        '--campaign',
        file(campaign),
        '--out',
        file(to),
        '--as-of',
        day,
        ...extra,
      ]);
    expect(
      await run('mappe.xlsx', 'newsletter.json', 'eins.xlsx', '2026-11-20', '--csv', file('n.csv')),
    ).toMatchObject({
      code: 0,
    });
    expect(await run('eins.xlsx', 'messe.json', 'zwei.xlsx', '2026-12-01', '--leads')).toMatchObject({
      code: 0,
    });
  }, SLOW);

  it(
    'lists the campaigns a person was in, when and how, and every sheet and row about them',
    async () => {
      const result = await runCli(['person', '--workbook', file('zwei.xlsx'), '--email', 'Anna@Lang.de']);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.split('\n')).toEqual([
        'Person: Anna Lang <anna@lang.de>',
        'Kampagnen (2):',
        '  Newsletter – kontaktiert: 20.11.2026 (Zielgruppenblatt, CSV-Export)',
        '  Hausmesse – kontaktiert: 01.12.2026 (Zielgruppenblatt, Leads)',
        'Daten in der Arbeitsmappe:',
        '  Blatt „Kontakte“, Zeilen 2, 4: Kontakt',
        '  Blatt „Kontakthistorie“, Zeilen 2, 4, 6, 7: Kontakthistorie',
        '  Blatt „Newsletter“, Zeile 2: vom Add-in geschrieben',
        '  Blatt „Hausmesse“, Zeile 2: vom Add-in geschrieben',
        '  Blatt „Leads“, Zeile 2: vom Add-in geschrieben',
        '',
      ]);
    },
    SLOW,
  );

  it(
    'finds a person by name and firm, in English and as JSON, with the Sperrliste row',
    async () => {
      const english = await runCli([
        'person',
        '--workbook',
        file('zwei.xlsx'),
        '--name',
        'eva maier',
        '--lang',
        'en',
      ]);
      expect(english.stdout).toContain('Person: Eva Maier <eva@maier.de>');
      expect(english.stdout).toContain('Campaigns (0):');
      expect(english.stdout).toContain('  Sheet "Sperrliste", row 2: blocklist');
      const json = await runCli([
        'person',
        '--workbook',
        file('zwei.xlsx'),
        '--name',
        'Anna Lang',
        '--firm',
        'Lang Design',
        '--json',
      ]);
      const answer = JSON.parse(json.stdout);
      expect(answer.people).toHaveLength(1);
      expect(answer.people[0].campaigns).toEqual([
        {
          campaign: 'Newsletter',
          group: 'contacted',
          uses: [
            { date: '2026-11-20', channel: 'targetSheet' },
            { date: '2026-11-20', channel: 'csv' },
          ],
        },
        {
          campaign: 'Hausmesse',
          group: 'contacted',
          uses: [
            { date: '2026-12-01', channel: 'targetSheet' },
            { date: '2026-12-01', channel: 'leads' },
          ],
        },
      ]);
    },
    SLOW,
  );

  it(
    'says plainly when the workbook holds nobody of that name, and asks for a search term',
    async () => {
      const none = await runCli([
        'person',
        '--workbook',
        file('zwei.xlsx'),
        '--email',
        'niemand@example.com',
      ]);
      expect(none).toMatchObject({ code: 0, stderr: '' });
      expect(none.stdout).toContain('steht keine Person zu „niemand@example.com“');
      const usage = await runCli(['person', '--workbook', file('zwei.xlsx'), '--firm', 'Lang Design']);
      expect(usage.code).toBe(2);
      expect(usage.errors[0]).toBe(
        'Für „person“ bitte --email oder --name angeben (mit --name optional --firm).',
      );
    },
    SLOW,
  );
});
