import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import { baselineWindow, historicalBaseline } from '../../../src/core/evaluation/baseline';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import { makeCustomer, makeWorkbookData } from '../builders';
import { day, sale } from './evaluationBuilders';

/**
 * 40 customers. K1–K20 last bought in January 2025 and were inactive for three months on 1 June 2025; K21–K40 bought
 * in May 2025 and were not. In June 2025 ten of K1–K20 bought for 100 € each, and K21–K30 bought too (they are not
 * comparable). A year later, on 1 June 2026, the campaign writes to the customers inactive for three months.
 */
const INACTIVE: CampaignDefinition = {
  name: 'Reaktivierung Juni',
  type: 'letter',
  selections: [{ from: 'inactiveCustomers', months: 3 }],
};

const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `K${from + i}`);

const workbook = () =>
  makeWorkbookData({
    customers: ids(1, 40).map((customerId) =>
      makeCustomer({
        customerId,
        company: `Firma ${customerId}`,
        street: 'Hauptstraße 1',
        postalCode: '01067',
        city: 'Dresden',
      }),
    ),
    sales: [
      ...ids(1, 20).map((id) => sale(id, '2025-01-10', 50)),
      ...ids(21, 40).map((id) => sale(id, '2025-05-15', 50)),
      ...ids(1, 10).map((id) => sale(id, '2025-06-10', 100)),
      ...ids(21, 30).map((id) => sale(id, '2025-06-12', 300)),
      // The campaign's own year: everyone inactive since, so all 40 are members on 1 June 2026.
      sale('K1', '2026-01-05', 20),
    ],
  });

const START = day('2026-06-01');

const baselineOf = (others: Array<{ start: number; end: number }> = []) => {
  const data = workbook();
  const members = buildTargetGroup(data, INACTIVE, { today: START }).members;
  return historicalBaseline({
    data,
    campaign: INACTIVE,
    members,
    start: START,
    windowDays: 30,
    today: day('2026-05-20'),
    others,
  });
};

describe('historicalBaseline', () => {
  it('rebuilds the selection a year earlier and measures who bought in the same 30 days', () => {
    const baseline = baselineOf();

    expect(baseline).toMatchObject({
      window: 'yearEarlier',
      start: day('2025-06-01'),
      end: day('2025-06-30'),
      comparable: 20,
    });
    // The history has one stratum (all bought 50 € in the year before); the members' other strata take its figures.
    expect(baseline?.conversion).toBeCloseTo(0.5, 10);
    expect(baseline?.revenuePerMember).toBeCloseTo(50, 10);
    // Half 0 €, half 100 €: standard deviation 50 €.
    expect(baseline?.revenueSpread).toBeCloseTo(50, 10);
  });

  it('takes the latest free window before the start when another campaign ran a year earlier', () => {
    const baseline = baselineOf([{ start: day('2025-06-15'), end: day('2025-07-14') }]);

    expect(baseline?.window).toBe('latestFree');
    // The start is after today (20 May 2026): the latest full window ends today.
    expect(baseline?.end).toBe(day('2026-05-20'));
    expect(baseline?.start).toBe(day('2026-04-21'));
    expect(baseline?.conversion).toBe(0);
  });

  it('is null when the sales do not reach back one full window', () => {
    expect(
      baselineWindow(
        { start: day('2025-02-01'), windowDays: 30, today: day('2025-02-01'), others: [] },
        day('2025-01-10'),
      ),
    ).toBeNull();
  });
});
