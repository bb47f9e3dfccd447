import { isoToDay } from '../../../src/core/kernel/values';
import { runCampaign } from '../../../src/core/run/campaignRun';
import { findPerson } from '../../../src/core/run/personRun';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sheet } from '../sheetBuilders';

const day = (iso: string) => isoToDay(iso)!;

const workbook = () =>
  new MemoryWorkbook([
    sheet('Kunden', [
      ['Kunden-Nr.', 'Vorname', 'Nachname', 'E-Mail', 'Ort'],
      ...Array.from({ length: 6 }, (_, i) => [`K${i}`, 'Kim', `Nummer${i}`, `kim${i}@example.de`, 'Bonn']),
    ]),
    sheet('Umsätze', [
      ['Datum', 'Kunden-Nr.', 'Artikel', 'Betrag'],
      ['01.10.2026', 'K0', 'Tee', 12],
      ['02.10.2026', 'K1', 'Tee', 12],
      ['03.10.2026', 'K0', 'Kaffee', 20],
    ]),
  ]);

describe('findPerson', () => {
  it('names the group a person was in, their sales rows, and a campaign only the state knows of', async () => {
    const port = workbook();
    const used = await runCampaign(
      port,
      { name: 'Teetest', type: 'email', selections: [{ from: 'customers' }], controlPercent: 50 },
      { today: day('2026-11-02'), now: '2026-11-02T09:00:00Z', leads: false },
    );
    if (!used.ok) throw new Error('run');
    const held = used.value.control[0].recipient.email;
    await port.deleteSheet('Kontakthistorie');
    const found = await findPerson(port, { email: held });
    expect(found.ok && found.value.map((p) => p.campaigns)).toEqual([
      [{ campaign: 'Teetest', group: 'control', uses: [] }],
    ]);
    const k0 = await findPerson(port, { name: 'kim nummer0' });
    expect(k0.ok && k0.value[0].rows.filter((rows) => rows.kind !== 'addinSheet')).toEqual([
      { sheet: 'Kunden', kind: 'customer', rows: [2] },
      { sheet: 'Umsätze', kind: 'sale', rows: [2, 4] },
    ]);
  });

  it('finds nobody for an unknown address', async () => {
    expect(await findPerson(workbook(), { email: 'x@y.de' })).toEqual({ ok: true, value: [] });
  });
});
