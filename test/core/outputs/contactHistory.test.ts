import { historyWrite, type ContactUse } from '../../../src/core/outputs/contactHistory';
import { readContactHistory } from '../../../src/core/read/contactHistory';
import type { CellValue } from '../../../src/core/kernel/sheetTable';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeMember } from './memberBuilders';

const anna = makeMember({ contactId: 'K-1', firstName: 'Anna', lastName: 'Schmidt' });
const ben = makeMember({ contactId: 'K-2', firstName: '', lastName: '', company: 'Bäckerei Brot' });
const carla = makeMember({ contactId: 'K-3', firstName: 'Carla', lastName: 'Lang' });

const use: ContactUse = {
  campaign: { id: 'c-1', name: 'Frühjahr', type: 'letter' },
  contacted: [anna, ben],
  control: [carla],
  channels: ['targetSheet', 'csv'],
  day: isoToDay('2026-12-02')!,
};

const HEADERS = ['Datum', 'Kampagne', 'Typ', 'Kanal', 'Gruppe', 'Personenschlüssel', 'Name', 'Notiz'];

/** The history as the user keeps it: a note column of their own, and the target sheet recorded already today. */
const kept = (rows: CellValue[][]) =>
  readContactHistory([{ name: 'Kontakthistorie', rows: [HEADERS, ...rows] }])!.history;

const summary = (rows: CellValue[][], columns: number[]) => rows.map((row) => columns.map((c) => row[c]));

describe('the contact history rows of one use', () => {
  it('makes one row per channel and member, contacted and held back, on a new sheet', () => {
    const write = historyWrite(null, use, 'de', []);
    if (write.kind !== 'create') throw new Error(`expected a new sheet, got ${write.kind}`);
    expect(write.added).toBe(6);
    expect(summary(write.request.data.rows, [3, 4, 5, 6])).toEqual([
      ['Zielgruppenblatt', 'kontaktiert', 'c:K-1', 'Anna Schmidt'],
      ['Zielgruppenblatt', 'kontaktiert', 'c:K-2', 'Bäckerei Brot'],
      ['Zielgruppenblatt', 'Kontrollgruppe', 'c:K-3', 'Carla Lang'],
      ['CSV-Export', 'kontaktiert', 'c:K-1', 'Anna Schmidt'],
      ['CSV-Export', 'kontaktiert', 'c:K-2', 'Bäckerei Brot'],
      ['CSV-Export', 'Kontrollgruppe', 'c:K-3', 'Carla Lang'],
    ]);
    expect(write.request.data.rows.map((row) => (row[0] as Date).toISOString().slice(0, 10))).toEqual(
      Array(6).fill('2026-12-02'),
    );
  });

  it('adds only what the history lacks, in its own columns, and leaves its note column empty', () => {
    const history = kept([
      [
        '02.12.2026',
        'Frühjahr',
        'Brief',
        'Zielgruppenblatt',
        'kontaktiert',
        'c:K-1',
        'Anna Schmidt',
        'rief an',
      ],
      ['02.12.2026', 'Frühjahr', 'Brief', 'Zielgruppenblatt', 'kontaktiert', 'c:K-2', 'Bäckerei Brot', ''],
    ]);
    const write = historyWrite(history, use, 'de', [{ name: 'Kontakthistorie', tables: [] } as never]);
    if (write.kind !== 'append') throw new Error(`expected an append, got ${write.kind}`);
    expect(summary(write.request.append!.rows, [3, 5, 7])).toEqual([
      ['Zielgruppenblatt', 'c:K-3', null],
      ['CSV-Export', 'c:K-1', null],
      ['CSV-Export', 'c:K-2', null],
      ['CSV-Export', 'c:K-3', null],
    ]);
    expect(write.request.append!.rows.every((row) => row.length === HEADERS.length)).toBe(true);
  });

  it('writes a channel named twice and a member listed twice once', () => {
    const twice = { ...use, contacted: [anna, anna], control: [], channels: ['csv', 'csv'] as const };
    const write = historyWrite(null, twice, 'de', []);
    expect(write.added).toBe(1);
  });

  it('adds nothing when the history holds every row of the use', () => {
    const history = kept(
      ['Zielgruppenblatt', 'CSV-Export'].flatMap((channel) =>
        ['c:K-1', 'c:K-2', 'c:K-3'].map((key) => [
          '02.12.2026',
          'Frühjahr',
          'Brief',
          channel,
          '',
          key,
          '',
          '',
        ]),
      ),
    );
    expect(historyWrite(history, use, 'de', []).kind).toBe('none');
  });
});
