import {
  evaluateCampaign,
  evaluationWindow,
  type EvaluationInput,
} from '../../../src/core/evaluation/evaluate';
import type { EvaluatedMember } from '../../../src/core/evaluation/model';
import { newcombeDifference } from '../../../src/core/evaluation/statistics';
import type { SaleLine } from '../../../src/core/kernel/model';
import { salesLines } from '../../../src/core/kernel/salesLines';
import { day, makeCampaign, member, members, sale } from './evaluationBuilders';

const TODAY = day('2026-11-27');

const evaluate = (
  input: Partial<Omit<EvaluationInput, 'sales'>> & Pick<EvaluationInput, 'members'> & { sales: SaleLine[] },
) =>
  evaluateCampaign({
    campaign: makeCampaign({ start: '2026-09-01', evaluationDays: 30 }),
    today: TODAY,
    ...input,
    sales: salesLines(input.sales),
  });

describe('evaluateCampaign: the figures of each group', () => {
  // Window 2026-09-01 … 2026-09-30 (30 days), long over by today.
  const group: EvaluatedMember[] = [
    member('c:1', 'K1'),
    member('c:2', 'K2'),
    member('c:3', 'K3'),
    member('c:4', ''),
    member('c:5', 'K4', 'control'),
    member('c:6', 'K5', 'control'),
  ];
  const sales: SaleLine[] = [
    sale('K1', '2026-09-05', 100),
    sale('K1', '2026-09-05', 50), // same day: one order
    sale('K1', '2026-09-20', 30),
    sale('K2', '2026-09-10', 80),
    sale('K2', '2026-09-12', -80), // returned: net 0, not a buyer
    sale('K3', '2026-08-31', 500), // the day before the start
    sale('K3', '2026-10-01', 70), // the day after the window
    sale('K3', '2026-09-15', null), // no amount
    sale('K4', '2026-09-30', 40), // last day of the window
    sale('K5', null, 60), // no date: not counted
    sale('K9', '2026-09-15', 999), // not a member
    sale('', '2026-09-16', 70), // no customer number: belongs to nobody, also not to the member without one
  ];
  const evaluation = evaluate({
    campaign: makeCampaign({ start: '2026-09-01', evaluationDays: 30, cost: 50 }),
    members: group,
    sales,
  });

  it('counts the contacted members: 1 buyer of 4, 180 € net, 3 orders', () => {
    // K1: 100 + 50 + 30 = 180, orders on 09-05 and 09-20; K2: 80 − 80 = 0, one order on 09-10; K3, no number: 0
    expect(evaluation.contacted).toEqual({
      members: 4,
      buyers: 1,
      conversion: 0.25,
      revenue: 180,
      revenuePerMember: 45,
      orders: 3,
    });
  });

  it('counts the control group: 1 buyer of 2, 40 €, 1 order', () => {
    expect(evaluation.control).toEqual({
      members: 2,
      buyers: 1,
      conversion: 0.5,
      revenue: 40,
      revenuePerMember: 20,
      orders: 1,
    });
  });

  it('derives the uplift, incremental revenue and ROI', () => {
    // conversion 1/4 − 1/2 = −0.25; revenue per member 45 − 20 = 25; incremental 25 · 4 = 100; ROI (100 − 50) / 50 = 1
    expect(evaluation.conversionUplift).toEqual(newcombeDifference(1, 4, 1, 2));
    expect(evaluation.revenuePerMemberUplift?.value).toBe(25);
    expect(evaluation.incrementalRevenue?.value).toBe(100);
    expect(evaluation.roi?.value).toBe(1);
    expect(evaluation.incrementalRevenue?.low).toBeCloseTo(
      4 * (evaluation.revenuePerMemberUplift?.low ?? NaN),
      9,
    );
    expect(evaluation.roi?.high).toBeCloseTo(((evaluation.incrementalRevenue?.high ?? NaN) - 50) / 50, 9);
  });

  it('notes the member without a customer number, the return and the undated line', () => {
    expect(evaluation.notes).toEqual([
      { code: 'noCustomerNumber', count: 1 },
      { code: 'returns', count: 1 },
      { code: 'undatedSales', count: 1 },
    ]);
  });

  it('says a control group of 2 is too small', () => {
    expect(evaluation.verdict).toBe('controlTooSmall');
  });

  it('describes the window and the campaign', () => {
    expect(evaluation).toMatchObject({
      campaignId: 'K7Q2M9X4A1B3',
      name: 'Herbstbrief Stammkunden',
      type: 'letter',
      status: 'active',
      start: day('2026-09-01'),
      windowEnd: day('2026-09-30'),
      windowDays: 30,
      daysObserved: 30,
      cost: 50,
      leads: null,
    });
  });
});

describe('evaluateCampaign: edge cases', () => {
  it('matches customer numbers ignoring case and spaces', () => {
    const evaluation = evaluate({
      members: [member('c:1', ' k-10 ')],
      sales: [sale('K-10', '2026-09-03', 20)],
    });
    expect(evaluation.contacted.revenue).toBe(20);
  });

  it('nets a customer who only returned goods to a negative revenue, not a buyer', () => {
    const evaluation = evaluate({
      members: [member('c:1', 'K1'), member('c:2', 'K2')],
      sales: [sale('K1', '2026-09-03', -50), sale('K2', '2026-09-04', 30)],
    });
    // −50 + 30 = −20 over 2 members: −10 each
    expect(evaluation.contacted).toMatchObject({ buyers: 1, revenue: -20, revenuePerMember: -10, orders: 1 });
    expect(evaluation.notes).toEqual([{ code: 'returns', count: 1 }]);
  });

  it('splits the purchases of a customer number among the members sharing it', () => {
    const evaluation = evaluate({
      members: [member('c:1', 'K1'), member('c:2', 'K1'), member('c:3', 'K2')],
      sales: [sale('K1', '2026-09-03', 90), sale('K1', '2026-09-08', 30)],
    });
    // K1: 120 counted once, 60 for each of its two contacts; orders once per customer: 2
    expect(evaluation.contacted).toMatchObject({ buyers: 2, revenue: 120, revenuePerMember: 40, orders: 2 });
    expect(evaluation.notes).toEqual([{ code: 'sharedCustomer', count: 2 }]);
  });

  it('waits for the start: no start date, or a start after today', () => {
    const group = [member('c:1', 'K1'), member('c:2', 'K2', 'control')];
    const sales = [sale('K1', '2026-11-26', 10)];
    for (const start of [undefined, '2026-12-01']) {
      const evaluation = evaluate({ campaign: makeCampaign({ start }), members: group, sales });
      expect(evaluation).toMatchObject({ verdict: 'notStarted', windowEnd: null, daysObserved: 0 });
      expect(evaluation.contacted).toMatchObject({ members: 1, buyers: 0, revenue: 0 });
      expect(evaluation.conversionUplift).toBeNull();
    }
  });

  it('says "no sales yet" while the sales sheet has no line since the start', () => {
    // Started 2026-11-20, but the newest line anywhere in the sheet is from 2026-11-19.
    const evaluation = evaluate({
      campaign: makeCampaign({ start: '2026-11-20' }),
      members: [member('c:1', 'K1'), ...members('C', 40, 'control')],
      sales: [sale('K1', '2026-11-19', 100), sale('K9', '2026-10-02', 10)],
    });
    expect(evaluation.verdict).toBe('noSalesYet');
    expect(evaluation.conversionUplift).toBeNull();
    expect(evaluation.roi).toBeNull();
  });

  it('counts a window still open up to today and notes the days left', () => {
    // start 11-01, 90 days: last day 11-01 + 89 = 01-29; observed 11-01 … 11-27 = 27 days; 89 − 26 = 63 days left
    const evaluation = evaluate({
      campaign: makeCampaign({ start: '2026-11-01' }),
      members: [member('c:1', 'K1')],
      sales: [sale('K1', '2026-11-27', 25), sale('K1', '2026-11-28', 1000)],
    });
    expect(evaluation).toMatchObject({ windowEnd: TODAY, windowDays: 90, daysObserved: 27 });
    expect(evaluation.contacted.revenue).toBe(25);
    expect(evaluation.notes).toEqual([{ code: 'windowOpen', count: 63 }]);
  });

  it('without a control group gives the figures but no uplift', () => {
    const evaluation = evaluate({
      members: [member('c:1', 'K1'), member('c:2', 'K2')],
      sales: [sale('K1', '2026-09-10', 80)],
    });
    expect(evaluation.verdict).toBe('noControl');
    expect(evaluation.control).toBeNull();
    expect(evaluation.contacted).toMatchObject({ buyers: 1, conversion: 0.5, revenue: 80 });
    expect([evaluation.conversionUplift, evaluation.incrementalRevenue, evaluation.roi]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('names the other campaigns whose windows overlap and that share members', () => {
    const evaluation = evaluate({
      members: [member('c:1', 'K1'), member('c:2', 'K2'), member('c:3', 'K3')],
      sales: [sale('K1', '2026-09-10', 80)],
      others: [
        // overlaps (09-20 … 10-19) and shares c:1 and c:2
        {
          name: 'Newsletter Oktober',
          keys: new Set(['c:1', 'c:2']),
          start: day('2026-09-20'),
          windowEnd: day('2026-10-19'),
        },
        // overlaps and shares c:2
        {
          name: 'Telefonaktion',
          keys: new Set(['c:2', 'c:99']),
          start: day('2026-08-01'),
          windowEnd: day('2026-09-01'),
        },
        // shares c:3 but ends the day before the start
        {
          name: 'Sommerbrief',
          keys: new Set(['c:3']),
          start: day('2026-06-01'),
          windowEnd: day('2026-08-31'),
        },
        // not started
        { name: 'Weihnachten', keys: new Set(['c:3']), start: null, windowEnd: null },
        // overlaps but shares nobody
        { name: 'Messe', keys: new Set(['c:50']), start: day('2026-09-05'), windowEnd: day('2026-09-06') },
      ],
    });
    expect(evaluation.notes).toEqual([
      { code: 'overlap', count: 2, campaigns: ['Newsletter Oktober', 'Telefonaktion'] },
    ]);
  });

  it('is deterministic, and the bootstrap seed comes from the campaign id', () => {
    const input = {
      members: [...members('A', 60, 'contacted'), ...members('B', 40, 'control')],
      sales: [
        ...Array.from({ length: 25 }, (_, i) => sale(`A${i + 1}`, '2026-09-10', 20 + 7 * i)),
        ...Array.from({ length: 8 }, (_, i) => sale(`B${i + 1}`, '2026-09-11', 15 + 9 * i)),
      ],
    };
    const first = evaluate(input);
    expect(evaluate(input)).toEqual(first);
    const renamedId = evaluate({
      ...input,
      campaign: makeCampaign({ id: 'OTHER0000001', start: '2026-09-01', evaluationDays: 30 }),
    });
    expect(renamedId.revenuePerMemberUplift?.value).toBe(first.revenuePerMemberUplift?.value);
    expect(renamedId.revenuePerMemberUplift).not.toEqual(first.revenuePerMemberUplift);
  });
});

describe('evaluateCampaign: the verdict', () => {
  // 100 contacted, 40 of them bought for 100 €; 50 in control, 5 bought for 100 €.
  // Revenue per member 40 − 10 = 30 € (se ≈ √(100²·0.24/100 + 100²·0.09/50) = √(24 + 18) ≈ 6.5; 95 % ≈ 30 ± 12.7),
  // incremental revenue 30 · 100 = 3,000 € (≈ 1,730 to 4,270).
  const group = [...members('A', 100, 'contacted'), ...members('B', 50, 'control')];
  const sales = [
    ...Array.from({ length: 40 }, (_, i) => sale(`A${i + 1}`, '2026-09-10', 100)),
    ...Array.from({ length: 5 }, (_, i) => sale(`B${i + 1}`, '2026-09-10', 100)),
  ];
  const withCost = (cost: number | undefined) =>
    evaluate({
      campaign: makeCampaign({ start: '2026-09-01', evaluationDays: 30, cost }),
      members: group,
      sales,
    });

  it.each([
    // ROI (3,000 − 1,000) / 1,000 = 2, interval ≈ 0.7 to 3.3
    [1000, 'paidOff', 2],
    // ROI (3,000 − 3,000) / 3,000 = 0, interval ≈ −0.4 to 0.4
    [3000, 'uncertain', 0],
    // ROI (3,000 − 6,000) / 6,000 = −0.5, interval ≈ −0.7 to −0.3
    [6000, 'notPaidOff', -0.5],
  ])('cost %i € → %s (ROI %f)', (cost, verdict, roi) => {
    const evaluation = withCost(cost);
    expect(evaluation.verdict).toBe(verdict);
    expect(evaluation.roi?.value).toBeCloseTo(roi, 10);
    expect(evaluation.incrementalRevenue?.value).toBeCloseTo(3000, 8);
    expect(evaluation.conversionUplift?.value).toBeCloseTo(0.3, 12); // 40 % − 10 %
  });

  it.each([undefined, 0])('without cost (%p) judges the incremental revenue and has no ROI', (cost) => {
    const evaluation = withCost(cost);
    expect(evaluation.roi).toBeNull();
    expect(evaluation.verdict).toBe('paidOff');
  });

  it.each([
    // 29 control members: below the minimum of 30, whatever the buyers
    [29, 10, true],
    [30, 10, false],
    // 30 control members, but 3 + 1 = 4 buyers in both groups: below 5
    [30, 3, true],
    [30, 4, false],
  ])('%i control members, %i contacted buyers → too small: %p', (controlSize, contactedBuyers, tooSmall) => {
    // 100 contacted, the first ones bought for 500 € each; the first control member bought for 10 €.
    const evaluation = evaluate({
      members: [...members('A', 100, 'contacted'), ...members('B', controlSize, 'control')],
      sales: [
        ...Array.from({ length: contactedBuyers }, (_, i) => sale(`A${i + 1}`, '2026-09-10', 500)),
        sale('B1', '2026-09-10', 10),
      ],
    });
    expect(evaluation.verdict === 'controlTooSmall').toBe(tooSmall);
    expect(['controlTooSmall', 'paidOff', 'uncertain', 'notPaidOff']).toContain(evaluation.verdict);
    expect(evaluation.incrementalRevenue).not.toBeNull();
  });
});

describe('evaluationWindow', () => {
  it.each([
    // 90 days from 11-01: last day 01-29, today 11-27 → 27 observed, 63 left
    ['2026-11-01', 90, '2026-11-27', 27, 63],
    // 30 days from 09-01: last day 09-30, long over → 30 observed, none left
    ['2026-09-01', 30, '2026-09-30', 30, 0],
    // starts today: 1 day observed
    ['2026-11-27', 10, '2026-11-27', 1, 9],
  ])('start %s, %i days → counted until %s, %i observed, %i left', (start, days, end, observed, left) => {
    expect(evaluationWindow(makeCampaign({ start, evaluationDays: days }), TODAY)).toEqual({
      start: day(start),
      windowEnd: day(end),
      windowDays: days,
      daysObserved: observed,
      daysLeft: left,
    });
  });
});
