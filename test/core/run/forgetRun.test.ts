import fc from 'fast-check';
import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import { cellText, isoToDay } from '../../../src/core/kernel/values';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import {
  loadCampaignData,
  readAddinState,
  runCampaign,
  saveAddinState,
} from '../../../src/core/run/campaignRun';
import { forgetPerson, planForget } from '../../../src/core/run/forgetRun';
import { findPerson } from '../../../src/core/run/personRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { evaluateWorkbook } from '../../../src/core/run/evaluationRun';
import { sampleState, sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { sheet } from '../sheetBuilders';

const day = (iso: string) => isoToDay(iso)!;
const SALT = () => '00112233445566778899aabbccddeeff';

/** Contacts as an office keeps them: Anna twice (two spellings of her address), a firm, a person without e-mail. */
const workbook = () =>
  new MemoryWorkbook([
    sheet('Kontakte', [
      ['Kontakt-Nr.', 'Vorname', 'Nachname', 'Firma', 'PLZ', 'E-Mail'],
      ['1', 'Anna', 'Schmidt', 'Bäckerei Schmidt', '53111', 'anna.schmidt@example.de'],
      ['2', 'Jörg', 'Müller', 'Müller GmbH', '50667', 'joerg@mueller.de'],
      ['3', 'Ülkü', 'Öztürk', '', '10115', 'uelkue@example.de'],
      ['4', 'Max', 'Weber', 'Weber KG', '80331', 'max@weber.de'],
      ['5', 'Anna', 'Schmidt', 'Bäckerei Schmidt', '53111', ' Anna.Schmidt@Example.de '],
      ['6', 'Karl', 'Klein', 'Klein & Co', '01067', ''],
      ['7', 'Eva', 'Lang', 'Lang AG', '20095', 'eva@lang.de'],
      ['8', 'Otto', 'Roth', '', '04109', 'otto@roth.de'],
    ]),
    sheet('Sperrliste', [
      ['E-Mail', 'Vorname', 'Nachname', 'Gesperrt seit'],
      ['otto@roth.de', 'Otto', 'Roth', '01.03.2026'],
      ['fremd@example.de', '', '', '01.03.2026'],
    ]),
  ]);

const herbst: CampaignDefinition = {
  name: 'Herbst',
  type: 'email',
  selections: [{ from: 'contacts' }],
  controlPercent: 30,
};
const winter: CampaignDefinition = { name: 'Winter', type: 'other', selections: [{ from: 'contacts' }] };

const run = async (port: MemoryWorkbook, definition: CampaignDefinition, iso: string, leads = true) => {
  const result = await runCampaign(port, definition, { today: day(iso), now: `${iso}T09:00:00Z`, leads });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const cells = async (port: MemoryWorkbook, name: string): Promise<string[]> =>
  (await port.readSheet(name)).rows.flat().map((cell: CellValue) => cellText(cell).trim().toLowerCase());

const everySheetBut = async (port: MemoryWorkbook, except: string[]) => {
  const texts: string[] = [];
  for (const info of await port.listSheets())
    if (!except.includes(info.name) && info.name !== 'KampagnenDaten')
      texts.push(...(await cells(port, info.name)));
  return texts;
};

describe('forgetting a person (Art. 17 with Art. 21)', () => {
  it('takes them out of the history, the leads, the target sheets and the state, and blocks them by hash only', async () => {
    const port = workbook();
    await run(port, herbst, '2026-09-01');
    await run(port, winter, '2026-10-01', false);
    const before = await readAddinState(port);
    const historyBefore = (await port.readSheet('Kontakthistorie')).rows.length;
    const anna = (await findPerson(port, { email: 'anna.schmidt@example.de' })) as {
      ok: true;
      value: { keys: string[] }[];
    };
    expect(anna.value).toHaveLength(1);

    const plan = await planForget(port, { email: 'ANNA.schmidt@example.de' });
    expect(plan.ok && plan.value.remaining).toEqual([{ sheet: 'Kontakte', kind: 'contact', rows: [2, 6] }]);
    expect(plan.ok && plan.value.campaigns).toEqual(['Herbst', 'Winter']);
    const done = await forgetPerson(
      port,
      { email: 'ANNA.schmidt@example.de' },
      { today: day('2026-11-02'), lang: 'de', salt: SALT },
    );
    if (!done.ok) throw new Error(JSON.stringify(done.error));

    // no cell outside the firm's own contacts names her any more; the Sperrliste holds her hashes
    const elsewhere = await everySheetBut(port, ['Kontakte']);
    expect(elsewhere.filter((text) => text.includes('anna') || text.includes('schmidt'))).toEqual([]);
    const blocklist = await cells(port, 'Sperrliste');
    expect(
      blocklist.filter((text) => text.startsWith('#dsgvo-17:s=00112233445566778899aabbccddeeff;e=')),
    ).toHaveLength(1);
    // the history lost her rows (one per use and channel) and nothing else
    const history = (await port.readSheet('Kontakthistorie')).rows.length;
    expect(historyBefore - history).toBe(done.value.done.find((d) => d.kind === 'history')!.rows.length);
    expect(done.value.done.map((d) => [d.sheet, d.kind, d.how])).toEqual([
      ['Kontakthistorie', 'history', 'deleted'],
      ['Herbst', 'addinSheet', 'deleted'],
      ['Leads', 'leads', 'deleted'],
      ['Winter', 'addinSheet', 'deleted'],
    ]);
    // the state: same group sizes and member counts, none of her keys, her lead no longer recorded
    const after = await readAddinState(port);
    if (!before.ok || !after.ok) throw new Error('state');
    const keys = new Set(anna.value[0].keys);
    for (const [i, campaign] of after.value.campaigns.entries()) {
      const old = before.value.campaigns[i];
      expect(campaign.memberCount).toBe(old.memberCount);
      expect(campaign.assignment!.control.length).toBe(old.assignment!.control.length);
      expect(campaign.assignment!.contacted.length).toBe(old.assignment!.contacted.length);
      expect(
        [...campaign.assignment!.control, ...campaign.assignment!.contacted].filter((k) => keys.has(k)),
      ).toEqual([]);
      expect(JSON.stringify(campaign)).not.toMatch(/anna|schmidt/i);
    }
    expect(after.value.forgetSalt).toBe(SALT());
    expect(after.value.leads![before.value.campaigns[0].id]!.rows.length).toBeLessThan(
      before.value.leads![before.value.campaigns[0].id]!.rows.length,
    );
  });

  it('keeps her out of every later campaign though her contact rows stay, also when the state sheet is lost', async () => {
    const port = workbook();
    await run(port, herbst, '2026-09-01');
    await forgetPerson(
      port,
      { email: 'anna.schmidt@example.de' },
      { today: day('2026-11-02'), lang: 'de', salt: SALT },
    );
    await port.deleteSheet('KampagnenDaten');

    const state = await readAddinState(port);
    const data = await loadCampaignData(port, state.ok ? state.value : (undefined as never), winter);
    if (!data.ok) throw new Error('data');
    const group = buildTargetGroup(data.value, winter, { today: day('2026-12-01') });
    expect(group.members.map((m) => m.recipient.lastName)).not.toContain('Schmidt');
    const blocked = group.excluded
      .filter((e) => e.reason === 'blocklist')
      .map((e) => [e.recipient.lastName, e.carrier?.row]);
    expect(blocked).toEqual(
      expect.arrayContaining([
        ['Schmidt', 4],
        ['Schmidt', 4],
        ['Roth', 2],
      ]),
    );
  });

  it('recognises a person without e-mail by name at their firm, and replaces a clear Sperrliste entry by the hashes', async () => {
    const port = workbook();
    await run(port, winter, '2026-10-01', false);
    const otto = await forgetPerson(
      port,
      { email: 'otto@roth.de' },
      { today: day('2026-11-02'), lang: 'de', salt: SALT },
    );
    const karl = await forgetPerson(
      port,
      { name: 'karl klein', firm: 'Klein & Co' },
      { today: day('2026-11-02'), lang: 'de', salt: SALT },
    );
    expect(otto.ok && otto.value.done.find((d) => d.kind === 'blocklist')).toMatchObject({ rows: [2] });
    expect(karl.ok).toBe(true);

    const blocklist = (await port.readSheet('Sperrliste')).rows.map((row) => cellText(row[0] ?? null));
    expect(blocklist.slice(0, 2)).toEqual(['E-Mail', 'fremd@example.de']);
    expect(blocklist.slice(2).every((text) => text.startsWith('#DSGVO-17:'))).toBe(true);
    expect(blocklist[3]).toMatch(/;n=[0-9a-f]{32};p=[0-9a-f]{32};f=[0-9a-f]{12}$/);
    const state = await readAddinState(port);
    const data = await loadCampaignData(port, state.ok ? state.value : (undefined as never), winter);
    const group = buildTargetGroup(data.ok ? data.value : (undefined as never), winter, {
      today: day('2026-12-01'),
    });
    expect(group.members.map((m) => m.recipient.lastName).sort()).toEqual([
      'Lang',
      'Müller',
      'Schmidt',
      'Weber',
      'Öztürk',
    ]);
  });

  it('never guesses: two people of one name, or nobody, change nothing', async () => {
    const port = new MemoryWorkbook([
      sheet('Kontakte', [
        ['Vorname', 'Nachname', 'Firma', 'E-Mail'],
        ['Anna', 'Schmidt', 'Bäckerei', 'a@baeckerei.de'],
        ['Anna', 'Schmidt', 'Metzgerei', 'a@metzgerei.de'],
      ]),
    ]);
    const both = await forgetPerson(port, { name: 'Anna Schmidt' }, { today: day('2026-11-02'), lang: 'de' });
    expect(!both.ok && both.error.map((p) => p.code)).toEqual(['forgetAmbiguous']);
    const nobody = await forgetPerson(port, { email: 'x@y.de' }, { today: day('2026-11-02'), lang: 'de' });
    expect(!nobody.ok && nobody.error.map((p) => p.code)).toEqual(['forgetNotFound']);
    expect((await port.listSheets()).map((s) => s.name)).toEqual(['Kontakte']);
  });
});

describe('the evaluations after forgetting', () => {
  it('keep their group sizes: the forgotten member still counts, as an opaque key', async () => {
    const port = new MemoryWorkbook(sampleWorkbookTables());
    await saveAddinState(port, sampleState());
    const history = await port.readSheet('Kontakthistorie');
    const [headers, first] = history.rows;
    const key = cellText(first[headers.indexOf('Personenschlüssel')]);
    const sizes = async () => {
      const report = await evaluateWorkbook(port, { today: day('2026-11-20'), language: 'de' });
      if (!report.ok) throw new Error(JSON.stringify(report.error));
      return report.value.evaluations.map((e) => [e.contacted.members, e.control?.members ?? 0]);
    };
    const before = await sizes();

    const done = await forgetPerson(port, { key }, { today: day('2026-11-20'), lang: 'de', salt: SALT });

    expect(done.ok && done.value.campaigns.length).toBeGreaterThan(0);
    expect(await sizes()).toEqual(before);
  });
});

describe('property: the contact history only ever grows, except by forget', () => {
  type Step = { kind: 'use'; campaign: 0 | 1; day: number } | { kind: 'forget'; contact: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('use' as const),
      campaign: fc.constantFrom(0 as const, 1 as const),
      day: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({ kind: fc.constant('forget' as const), contact: fc.integer({ min: 0, max: 7 }) }),
  );
  const EMAILS = [
    'anna.schmidt@example.de',
    'joerg@mueller.de',
    'uelkue@example.de',
    'max@weber.de',
    null,
    null,
    'eva@lang.de',
    'otto@roth.de',
  ];

  const rowsOf = async (port: MemoryWorkbook): Promise<string[]> => {
    if (!(await port.listSheets()).some((s) => s.name === 'Kontakthistorie')) return [];
    return (await port.readSheet('Kontakthistorie')).rows.slice(1).map((row) => JSON.stringify(row));
  };

  it('holds for any order of uses and forgets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const port = workbook();
        for (const s of steps) {
          const before = await rowsOf(port);
          if (s.kind === 'use') {
            const iso = `2026-0${s.day + 1}-15`;
            await run(port, s.campaign === 0 ? herbst : winter, iso, s.campaign === 0);
            const after = await rowsOf(port);
            expect(after.slice(0, before.length)).toEqual(before);
          } else {
            const email = EMAILS[s.contact];
            const query = email ? { email } : { name: s.contact === 4 ? 'Anna Schmidt' : 'Karl Klein' };
            const found = await findPerson(port, query);
            const keys = new Set(found.ok ? found.value.flatMap((p) => p.keys) : []);
            await forgetPerson(port, query, { today: day('2026-06-01'), lang: 'de', salt: SALT });
            const after = await rowsOf(port);
            const forgotten = (row: string) =>
              [...keys].some((key) => (JSON.parse(row) as string[]).includes(key));
            expect(after).toEqual(
              found.ok && found.value.length === 1 ? before.filter((row) => !forgotten(row)) : before,
            );
          }
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
