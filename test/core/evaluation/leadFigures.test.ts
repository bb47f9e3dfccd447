import { leadFigures } from '../../../src/core/evaluation/leadFigures';
import type { CellValue, SheetTable } from '../../../src/core/kernel/sheetTable';
import { makeCampaign } from './evaluationBuilders';

const CAMPAIGN = makeCampaign({ id: 'K7Q2M9X4A1B3', name: 'Herbstbrief Stammkunden' });
const sheet = (rows: CellValue[][]): SheetTable => ({ name: 'Leads', rows });

describe('leadFigures', () => {
  it('counts the campaign’s leads by status on a German sheet with a title row and people’s own statuses', () => {
    const figures = leadFigures(
      sheet([
        ['Leads aus Kampagnen', null, null, null],
        ['Lead-ID', 'Kampagne', 'KampagnenID', 'Nachname', 'Status'],
        ['L-1', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Schmidt', 'Gewonnen'],
        ['L-2', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Müller', 'gewonnen '],
        ['L-3', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Groß', 'Won'], // switched language
        ['L-4', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Weber', 'VERLOREN'],
        ['L-5', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Klein', null], // blank: nobody worked it yet
        ['L-6', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Fischer', 'Angebot verschickt'],
        ['L-10', 'Herbstbrief Stammkunden', 'K7Q2M9X4A1B3', 'Schulz', '#N/A'], // a broken formula: not a status
        ['L-7', 'Herbstbrief Stammkunden', '', 'Wolf', 'Qualifiziert'], // id emptied: matched by name
        ['L-8', 'Newsletter Oktober', 'OTHER0000001', 'Becker', 'Gewonnen'],
        ['L-9', 'Herbstbrief Stammkunden', 'OTHER0000001', 'Hoffmann', 'Gewonnen'], // renamed twin: id wins
        [null, null, null, null, null],
        ['Summe', null, null, null, null],
      ]),
      CAMPAIGN,
    );
    // L-1…L-7 and L-10: 8 leads; won 3 (L-1, L-2, L-3) → 3/8; own or unreadable status: L-6, L-10
    expect(figures).toEqual({
      total: 8,
      byStatus: { new: 1, contacted: 0, qualified: 1, won: 3, lost: 1 },
      otherStatus: 2,
      wonShare: 3 / 8,
    });
  });

  it('reads an English sheet', () => {
    const figures = leadFigures(
      sheet([
        ['Lead ID', 'Campaign', 'Campaign ID', 'Status'],
        ['L-1', 'Autumn letter', 'K7Q2M9X4A1B3', 'Contacted'],
        ['L-2', 'Autumn letter', 'K7Q2M9X4A1B3', 'New'],
        ['L-3', 'Autumn letter', 'K7Q2M9X4A1B3', 'Lost'],
        ['L-4', 'Autumn letter', 'K7Q2M9X4A1B3', 'Won'],
      ]),
      CAMPAIGN,
    );
    // 1 of 4 won
    expect(figures).toEqual({
      total: 4,
      byStatus: { new: 1, contacted: 1, qualified: 0, won: 1, lost: 1 },
      otherStatus: 0,
      wonShare: 0.25,
    });
  });

  it.each([
    ['no sheet', null],
    ['an empty sheet', sheet([])],
    [
      'a sheet without the campaign-id and status headers',
      sheet([
        ['Name', 'Telefon'],
        ['Schmidt', '0301234'],
      ]),
    ],
    [
      'no lead of this campaign',
      sheet([
        ['Lead-ID', 'KampagnenID', 'Status'],
        ['L-1', 'OTHER0000001', 'Neu'],
      ]),
    ],
  ])('gives null for %s', (_, leads) => {
    expect(leadFigures(leads, CAMPAIGN)).toBeNull();
  });
});
