import { compareByType } from '../../../src/core/evaluation/compare';
import { newcombeDifference } from '../../../src/core/evaluation/statistics';
import { figures, makeEvaluation } from './evaluationBuilders';

const letterA = makeEvaluation({
  name: 'Brief A',
  cost: 500,
  contacted: figures(100, 30, 5000, 40),
  control: figures(20, 4, 600, 5),
  conversionUplift: { value: 0.1, low: -0.05, high: 0.25 },
  revenuePerMemberUplift: { value: 20, low: 10, high: 30 },
  incrementalRevenue: { value: 2000, low: 1000, high: 3000 },
  roi: { value: 3, low: 1, high: 5 },
  verdict: 'controlTooSmall',
});
const letterB = makeEvaluation({
  name: 'Brief B',
  contacted: figures(200, 50, 8000, 60),
  control: figures(50, 10, 1500, 12),
  conversionUplift: { value: 0.05, low: -0.07, high: 0.16 },
  revenuePerMemberUplift: { value: 10, low: 1, high: 19 },
  incrementalRevenue: { value: 2000, low: 200, high: 3800 },
  verdict: 'paidOff',
});
const emailC = makeEvaluation({
  name: 'Newsletter C',
  type: 'email',
  cost: 300,
  contacted: figures(400, 40, 2000, 45),
});
const letterNotStarted = makeEvaluation({
  name: 'Brief D',
  verdict: 'notStarted',
  start: null,
  windowEnd: null,
});
const eventNoSales = makeEvaluation({ name: 'Messe', type: 'event', verdict: 'noSalesYet' });

describe('compareByType', () => {
  const comparisons = compareByType([letterA, emailC, letterNotStarted, letterB, eventNoSales]);

  it('has one row per type with started campaigns, in the order of the campaign types', () => {
    expect(comparisons.map((row) => [row.type, row.campaigns])).toEqual([
      ['email', 1],
      ['letter', 2],
    ]);
  });

  it('sums the member figures of a type', () => {
    const letter = comparisons[1];
    // contacted 100 + 200 = 300 members, 30 + 50 = 80 buyers, 5,000 + 8,000 = 13,000 €, 40 + 60 = 100 orders
    expect(letter.contacted).toEqual({
      members: 300,
      buyers: 80,
      conversion: 80 / 300,
      revenue: 13000,
      revenuePerMember: 13000 / 300,
      orders: 100,
    });
    // control 20 + 50 = 70, 4 + 10 = 14 buyers (20 %), 600 + 1,500 = 2,100 € (30 € each), 5 + 12 = 17 orders
    expect(letter.control).toEqual({
      members: 70,
      buyers: 14,
      conversion: 0.2,
      revenue: 2100,
      revenuePerMember: 30,
      orders: 17,
    });
    expect(letter.cost).toBe(500);
  });

  it('compares the pooled buyers with the two-proportion interval', () => {
    // 80/300 − 14/70 = 0.2667 − 0.2 = 0.0667
    expect(comparisons[1].conversionUplift).toEqual(newcombeDifference(80, 300, 14, 70));
  });

  it('adds the incremental revenues, combining the intervals by the normal approximation', () => {
    // 2,000 + 2,000 = 4,000 €; half-widths 1,000 and 1,800 → √(1,000² + 1,800²) = √4,240,000 = 2,059.13
    const letter = comparisons[1];
    expect(letter.incrementalRevenue?.value).toBe(4000);
    expect(letter.incrementalRevenue?.low).toBeCloseTo(1940.87, 2);
    expect(letter.incrementalRevenue?.high).toBeCloseTo(6059.13, 2);
    // per contacted member: 4,000 / 300 = 13.33 (6.47 to 20.20)
    expect(letter.revenuePerMemberUplift?.value).toBeCloseTo(13.3333, 4);
    expect(letter.revenuePerMemberUplift?.low).toBeCloseTo(6.4696, 4);
    expect(letter.revenuePerMemberUplift?.high).toBeCloseTo(20.1971, 4);
  });

  it('computes the ROI only over the campaigns with a control group and a cost', () => {
    // Only Brief A: (2,000 − 500) / 500 = 3, from (1,000 − 500) / 500 = 1 to (3,000 − 500) / 500 = 5
    expect(comparisons[1].roi).toEqual({ value: 3, low: 1, high: 5 });
  });

  it('describes a type without a control group and leaves the uplift empty', () => {
    expect(comparisons[0]).toEqual({
      type: 'email',
      campaigns: 1,
      contacted: figures(400, 40, 2000, 45),
      control: null,
      conversionUplift: null,
      revenuePerMemberUplift: null,
      cost: 300,
      incrementalRevenue: null,
      roi: null,
      incrementalMargin: null,
      roiBasis: 'revenue',
    });
  });

  it('keeps the intervals of a single campaign', () => {
    const [letter] = compareByType([letterB]);
    expect(letter.revenuePerMemberUplift).toEqual(letterB.revenuePerMemberUplift);
    expect(letter.incrementalRevenue).toEqual(letterB.incrementalRevenue);
    expect(letter.roi).toBeNull();
  });

  it('gives no rows for no campaigns', () => {
    expect(compareByType([])).toEqual([]);
  });
});
