import type { StoredCampaign } from '../../../src/core/campaign/campaign';
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
  it('lists campaigns in German with type and status labels, start, dates, members and control group share', () => {
    const table = campaignsOverviewTable(
      [
        makeCampaign({ status: 'active', start: '2026-03-02', controlPercent: 10 }),
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
      'Status',
      'Beschreibung',
      'Start',
      'Erstellt',
      'Aktualisiert',
      'Mitglieder',
      'Kontrollgruppe (%)',
      'Zielgruppenblatt',
    ]);
    expect(table.rows).toEqual([
      [
        'Frühjahrsaktion',
        'Brief',
        'Aktiv',
        'Angebot "Frühling" für Bestandskunden',
        new Date('2026-03-02T00:00:00.000Z'),
        new Date('2026-03-01T09:00:00.000Z'),
        new Date('2026-03-15T14:30:00.000Z'),
        312,
        10,
        'Frühjahrsaktion',
      ],
      [
        '=Newsletter',
        'Newsletter',
        'Geplant',
        '',
        '',
        new Date('2026-03-01T09:00:00.000Z'),
        new Date('2026-03-15T14:30:00.000Z'),
        0,
        0,
        '',
      ],
    ]);
    expect(table.textColumns.map((i) => table.headers[i])).toEqual([
      'Name',
      'Typ',
      'Status',
      'Beschreibung',
      'Zielgruppenblatt',
    ]);
  });

  it('writes English headers and labels, and keeps an unreadable timestamp as text', () => {
    const table = campaignsOverviewTable(
      [makeCampaign({ type: 'event', status: 'completed', createdAt: 'irgendwann' })],
      'en',
    );
    expect(table.headers).toEqual([
      'Name',
      'Type',
      'Status',
      'Description',
      'Start',
      'Created',
      'Updated',
      'Members',
      'Control group (%)',
      'Target sheet',
    ]);
    expect(table.rows[0].slice(1, 3)).toEqual(['Event', 'Completed']);
    expect(table.rows[0][5]).toBe('irgendwann');
  });

  it('gives each table its own header array', () => {
    const a = campaignsOverviewTable([], 'de');
    a.headers.push('X');
    expect(campaignsOverviewTable([], 'de').headers).toHaveLength(10);
  });
});
