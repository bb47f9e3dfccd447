import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CellValue } from '../../src/core/kernel/sheetTable';
import { buildCli, readWorkbook, runCli, sheetValues, tablesOf, tempDir, writeWorkbook } from './cliHarness';

const SLOW = 180_000;

const WORKBOOK: Record<string, CellValue[][]> = {
  Kunden: [
    ['Kundennummer', 'Firma', 'Straße', 'PLZ', 'Ort', 'E-Mail'],
    ['K-1', 'Autohaus Alt', 'Hauptstraße 1', '01067', 'Dresden', 'info@alt.de'],
    ['K-2', 'Bäckerei Brot', 'Ring 2', '50667', 'Köln', 'post@brot.de'],
    ['K-3', 'Café Creme', 'Weg 3', '04109', 'Leipzig', 'hallo@creme.de'],
  ],
};

const newsletter = { name: 'Newsletter Dezember', type: 'E-Mail', selections: [{ from: 'customers' }] };

beforeAll(buildCli, SLOW);

describe('kampagne run: the contact history', () => {
  it(
    'appends one row per member and channel for each new use, in the Excel table, and nothing for a repeat',
    async () => {
      const dir = await tempDir();
      const file = (name: string) => path.join(dir, name);
      await writeWorkbook(file('mappe.xlsx'), WORKBOOK);
      await fs.writeFile(file('kampagne.json'), JSON.stringify(newsletter), 'utf8');
      const run = (from: string, to: string, day: string, ...extra: string[]) =>
        runCli([
          'run',
          '--workbook',
          file(from),
          '--campaign',
          file('kampagne.json'),
          '--out',
          file(to),
          '--as-of',
          day,
          ...extra,
        ]);

      const first = await run('mappe.xlsx', 'eins.xlsx', '2026-12-02', '--csv', file('liste.csv'));
      expect(first).toMatchObject({ code: 0, stderr: '' });
      expect(first.stdout).toContain('Kontakthistorie: Blatt „Kontakthistorie“ – 6 Zeilen ergänzt');
      const again = await run('eins.xlsx', 'zwei.xlsx', '2026-12-02', '--csv', file('liste.csv'));
      expect(again.stdout).toContain('Kontakthistorie: Blatt „Kontakthistorie“ – 0 Zeilen ergänzt');
      const later = await run('zwei.xlsx', 'drei.xlsx', '2026-12-09', '--json');
      expect(JSON.parse(later.stdout).history).toEqual({ sheet: 'Kontakthistorie', added: 3 });

      const history = async (name: string) =>
        (await readWorkbook(file(name))).getWorksheet('Kontakthistorie')!;
      expect(tablesOf(await history('eins.xlsx'))).toEqual([
        {
          name: 'Kontakthistorie',
          ref: 'A1:H7',
          headers: [
            'Datum',
            'Kampagne',
            'Typ',
            'Kanal',
            'Gruppe',
            'Personenschlüssel',
            'Name',
            'Kampagnen-ID',
          ],
        },
      ]);
      expect(sheetValues(await history('zwei.xlsx'))).toEqual(sheetValues(await history('eins.xlsx')));
      const grown = await history('drei.xlsx');
      expect(tablesOf(grown)[0].ref).toBe('A1:H10');
      const rows = sheetValues(grown);
      expect(rows.slice(0, 7)).toEqual(sheetValues(await history('eins.xlsx')));
      expect(
        rows.slice(7).map((row) => [(row[0] as Date).toISOString().slice(0, 10), row[3], row[5], row[6]]),
      ).toEqual([
        ['2026-12-09', 'Zielgruppenblatt', 'k:K-1', 'Autohaus Alt'],
        ['2026-12-09', 'Zielgruppenblatt', 'k:K-2', 'Bäckerei Brot'],
        ['2026-12-09', 'Zielgruppenblatt', 'k:K-3', 'Café Creme'],
      ]);
    },
    SLOW,
  );

  it(
    "keeps the user's own column and rows when it appends (a file edited in Excel)",
    async () => {
      const dir = await tempDir();
      const file = (name: string) => path.join(dir, name);
      await writeWorkbook(file('mappe.xlsx'), {
        ...WORKBOOK,
        'Contact history': [
          ['Date', 'Campaign', 'Type', 'Channel', 'Group', 'Person key', 'Name', 'Note'],
          ['01.11.2026', 'Phone round', 'Phone', 'Leads', 'contacted', 'k:K-2', 'Bäckerei Brot', 'call back'],
        ],
      });
      await fs.writeFile(file('campaign.json'), JSON.stringify({ ...newsletter, language: 'en' }), 'utf8');
      const result = await runCli(
        [
          'run',
          '--workbook',
          file('mappe.xlsx'),
          '--campaign',
          file('campaign.json'),
          '--out',
          file('out.xlsx'),
        ],
        { LANG: 'en_GB.UTF-8' },
      );
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Contact history: sheet "Contact history" – 3 rows added');
      const rows = sheetValues((await readWorkbook(file('out.xlsx'))).getWorksheet('Contact history')!);
      expect(rows.slice(0, 2)).toEqual(WORKBOOK_WITH_NOTE);
      expect(rows.slice(2).map((row) => [row[3], row[5], row[7]])).toEqual([
        ['Target sheet', 'k:K-1', null],
        ['Target sheet', 'k:K-2', null],
        ['Target sheet', 'k:K-3', null],
      ]);
    },
    SLOW,
  );
});

describe('kampagne run: selections from the contact history', () => {
  it(
    'leaves out whom the newsletter reached last week, and finds its recipients again (de, en, JSON)',
    async () => {
      const dir = await tempDir();
      const file = (name: string) => path.join(dir, name);
      await writeWorkbook(file('mappe.xlsx'), WORKBOOK);
      const dresden = {
        ...newsletter,
        selections: [{ from: 'customers', filter: [{ column: 'Ort', op: 'equals', value: 'Dresden' }] }],
      };
      await fs.writeFile(file('newsletter.json'), JSON.stringify(dresden), 'utf8');
      const followUp = {
        name: 'Jahresend-Angebot',
        type: 'E-Mail',
        selections: [{ from: 'customers' }, { from: 'recentlyContacted', days: 30, mode: 'remove' }],
      };
      await fs.writeFile(file('angebot.json'), JSON.stringify(followUp), 'utf8');
      const again = {
        name: 'Erinnerung',
        type: 'E-Mail',
        selections: [{ from: 'campaignRecipients', campaign: 'Newsletter Dezember' }],
      };
      await fs.writeFile(file('erinnerung.json'), JSON.stringify(again), 'utf8');
      const run = (from: string, campaign: string, to: string, day: string, ...extra: string[]) =>
        runCli(
          [
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
          ],
          extra.includes('--lang') ? { LANG: 'en_GB.UTF-8' } : {},
        );

      expect(await run('mappe.xlsx', 'newsletter.json', 'eins.xlsx', '2026-11-25')).toMatchObject({
        code: 0,
      });
      const offer = await run('eins.xlsx', 'angebot.json', 'zwei.xlsx', '2026-12-02');
      expect(offer).toMatchObject({ code: 0, stderr: '' });
      expect(offer.stdout.split('\n').slice(0, 3)).toEqual([
        'Kampagne „Jahresend-Angebot“ (E-Mail): 2 Empfänger',
        '  1: Kundenstamm (alle): 3 gefunden, 3 neu, 0 schon enthalten, 0 zusammengeführt, 0 ausgeschlossen',
        '  2: ohne Kontakte der letzten 30 Tage (alle Kampagnen): 1 gefunden, 1 aus der Zielgruppe entfernt',
      ]);
      const english = await run(
        'zwei.xlsx',
        'erinnerung.json',
        'drei.xlsx',
        '2026-12-02',
        '--lang',
        'en',
        '--json',
      );
      const summary = JSON.parse(english.stdout);
      expect(summary.members).toBe(1);
      expect(summary.selections[0]).toMatchObject({
        label: '1: Recipients of campaign "Newsletter Dezember"',
        found: 1,
        added: 1,
      });
    },
    SLOW,
  );
});

describe('kampagne run: the contact limit and protected control groups', () => {
  it(
    'leaves out whom the newsletter reached and whom a running test holds back, and says which campaign (de, en)',
    async () => {
      const dir = await tempDir();
      const file = (name: string) => path.join(dir, name);
      await writeWorkbook(file('mappe.xlsx'), WORKBOOK);
      const write = (name: string, definition: unknown) =>
        fs.writeFile(file(name), JSON.stringify(definition), 'utf8');
      await write('newsletter.json', {
        ...newsletter,
        selections: [{ from: 'customers', filter: [{ column: 'Ort', op: 'equals', value: 'Dresden' }] }],
      });
      await write('test.json', {
        name: 'Preistest',
        type: 'Brief',
        selections: [
          { from: 'customers', filter: [{ column: 'Ort', op: 'in', value: ['Köln', 'Leipzig'] }] },
        ],
        controlPercent: 50,
      });
      await write('angebot.json', {
        name: 'Jahresend-Angebot',
        type: 'E-Mail',
        selections: [{ from: 'customers' }],
        contactLimit: { contacts: 1, days: 30 },
      });
      const run = (from: string, campaign: string, to: string, day: string, env = {}) =>
        runCli(
          ['run', '--workbook', file(from), '--campaign', file(campaign), '--out', file(to), '--as-of', day],
          env,
        );
      expect(await run('mappe.xlsx', 'newsletter.json', 'eins.xlsx', '2026-11-25')).toMatchObject({
        code: 0,
      });
      const test = await run('eins.xlsx', 'test.json', 'zwei.xlsx', '2026-11-26');
      expect(test.stdout).toContain('Kontrollgruppe: 1 von 2 Empfängern zurückgehalten');

      const offer = await run('zwei.xlsx', 'angebot.json', 'drei.xlsx', '2026-12-02');
      expect(offer).toMatchObject({ code: 0, stderr: '' });
      // the newsletter reached Dresden, the test contacted one of Köln and Leipzig and holds back the other
      expect(offer.stdout).toContain('Kampagne „Jahresend-Angebot“ (E-Mail): 0 Empfänger');
      expect(offer.stdout).toMatch(
        /Blatt „Kunden“, Zeile [34]: Kontaktgrenze erreicht \(zuletzt „Preistest“ am 26\.11\.2026\)/,
      );
      expect(offer.stdout).toContain(
        '  Blatt „Kunden“, Zeile 2: Kontaktgrenze erreicht (zuletzt „Newsletter Dezember“ am 25.11.2026)',
      );
      expect(offer.stdout).toMatch(
        /Blatt „Kunden“, Zeile [34]: in der Kontrollgruppe einer anderen Kampagne \(„Preistest“, Start 26\.11\.2026; ein Kontakt würde ihre Auswertung verfälschen\)/,
      );
      const english = await run('zwei.xlsx', 'angebot.json', 'vier.xlsx', '2026-12-02', {
        LANG: 'en_GB.UTF-8',
      });
      expect(english.stdout).toContain(
        'Sheet "Kunden", row 2: contact limit reached (last "Newsletter Dezember" on',
      );
      expect(english.stdout).toContain('in another campaign\'s control group ("Preistest", start');
    },
    SLOW,
  );
});

const WORKBOOK_WITH_NOTE = [
  ['Date', 'Campaign', 'Type', 'Channel', 'Group', 'Person key', 'Name', 'Note'],
  ['01.11.2026', 'Phone round', 'Phone', 'Leads', 'contacted', 'k:K-2', 'Bäckerei Brot', 'call back'],
];
