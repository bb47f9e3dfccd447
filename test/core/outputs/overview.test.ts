import type { StoredCampaign } from '../../../src/core/campaign';
import { campaignsOverviewTable } from '../../../src/core/outputs/overview';

const makeCampaign = (overrides: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K-1',
  name: 'Frühjahrsaktion',
  type: 'letter',
  description: 'Angebot "Frühling" für Bestandskunden',
  selections: [{ from: 'inactiveCustomers', months: 3 }],
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-15T14:30:00.000Z',
  memberCount: 312,
  targetSheet: 'Frühjahrsaktion',
  ...overrides,
});

describe('campaignsOverviewTable', () => {
  it('lists campaigns in German with type label, dates and member count', () => {
    const table = campaignsOverviewTable(
      [
        makeCampaign(),
        makeCampaign({
          id: 'K-2',
          name: '=Newsletter',
          type: 'newsletter',
          description: undefined,
          targetSheet: undefined,
          memberCount: 0,
        }),
      ],
      'de',
    );
    expect(table.headers).toEqual([
      'Name',
      'Typ',
      'Beschreibung',
      'Erstellt',
      'Aktualisiert',
      'Mitglieder',
      'Zielgruppenblatt',
    ]);
    expect(table.rows).toEqual([
      [
        'Frühjahrsaktion',
        'Brief',
        'Angebot "Frühling" für Bestandskunden',
        new Date('2026-03-01T09:00:00.000Z'),
        new Date('2026-03-15T14:30:00.000Z'),
        312,
        'Frühjahrsaktion',
      ],
      [
        '=Newsletter',
        'Newsletter',
        '',
        new Date('2026-03-01T09:00:00.000Z'),
        new Date('2026-03-15T14:30:00.000Z'),
        0,
        '',
      ],
    ]);
    expect(table.textColumns.map((i) => table.headers[i])).toEqual([
      'Name',
      'Typ',
      'Beschreibung',
      'Zielgruppenblatt',
    ]);
  });

  it('writes English headers and labels, and keeps an unreadable timestamp as text', () => {
    const table = campaignsOverviewTable([makeCampaign({ type: 'event', createdAt: 'irgendwann' })], 'en');
    expect(table.headers).toEqual([
      'Name',
      'Type',
      'Description',
      'Created',
      'Updated',
      'Members',
      'Target sheet',
    ]);
    expect(table.rows[0][1]).toBe('Event');
    expect(table.rows[0][3]).toBe('irgendwann');
  });

  it('gives each table its own header array', () => {
    const a = campaignsOverviewTable([], 'de');
    a.headers.push('X');
    expect(campaignsOverviewTable([], 'de').headers).toHaveLength(7);
  });
});
