import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import type {
  CampaignEvaluation,
  EvaluatedMember,
  GroupFigures,
  TypeComparison,
} from '../../../src/core/evaluation/model';
import type { MemberGroup } from '../../../src/core/group/targetGroupModel';
import type { Day, SaleLine } from '../../../src/core/kernel/model';
import { isoToDay } from '../../../src/core/kernel/values';
import { makeSale } from '../builders';

/** Builders for the evaluation tests: a stored campaign, members and dated sales lines. */

export const day = (iso: string): Day => {
  const parsed = isoToDay(iso);
  if (parsed === null) throw new Error(`bad test date ${iso}`);
  return parsed;
};

export const makeCampaign = (fields: Partial<StoredCampaign> = {}): StoredCampaign => ({
  id: 'K7Q2M9X4A1B3',
  name: 'Herbstbrief Stammkunden',
  type: 'letter',
  selections: [],
  createdAt: '2026-08-01T09:00:00.000Z',
  updatedAt: '2026-08-01T09:00:00.000Z',
  memberCount: 0,
  status: 'active',
  ...fields,
});

export const member = (
  key: string,
  customerId: string,
  group: MemberGroup = 'contacted',
): EvaluatedMember => ({
  key,
  customerId,
  group,
});

/** n members of one group with customer numbers prefix1 … prefixN. */
export const members = (prefix: string, n: number, group: MemberGroup): EvaluatedMember[] =>
  Array.from({ length: n }, (_, i) => member(`k:${prefix}${i + 1}`, `${prefix}${i + 1}`, group));

export const sale = (customerId: string, iso: string | null, amount: number | null): SaleLine =>
  makeSale({ customerId, day: iso === null ? null : day(iso), amount, articleNo: 'A-100', quantity: 1 });

export const figures = (members: number, buyers: number, revenue: number, orders: number): GroupFigures => ({
  members,
  buyers,
  conversion: buyers / members,
  revenue,
  revenuePerMember: revenue / members,
  orders,
});

/** An evaluation as evaluateCampaign would return it, with the figures a test needs. */
export const makeEvaluation = (fields: Partial<CampaignEvaluation>): CampaignEvaluation => ({
  campaignId: 'K1',
  name: 'Kampagne',
  type: 'letter',
  status: 'completed',
  start: day('2026-06-01'),
  windowEnd: day('2026-08-29'),
  windowDays: 90,
  daysObserved: 90,
  cost: null,
  primaryMetric: 'revenue',
  contacted: figures(100, 10, 1000, 12),
  control: null,
  returnedAnyway: null,
  conversionUplift: null,
  revenuePerMemberUplift: null,
  incrementalRevenue: null,
  incrementalMargin: null,
  roi: null,
  roiBasis: 'revenue',
  verdict: 'noControl',
  notes: [],
  leads: null,
  ...fields,
});

/** A letter campaign that paid off: 200 contacted, a 40-member control group, every effect estimated, a cost. */
export const paidOffEvaluation = (fields: Partial<CampaignEvaluation> = {}): CampaignEvaluation =>
  makeEvaluation({
    cost: 2400,
    contacted: figures(200, 40, 8000, 52),
    control: figures(40, 3, 600, 4),
    conversionUplift: { value: 0.125, low: 0.02, high: 0.2 },
    revenuePerMemberUplift: { value: 25, low: 12.5, high: 37.8 },
    incrementalRevenue: { value: 5000, low: 2500, high: 7560 },
    roi: { value: 1.0833, low: 0.0417, high: 2.15 },
    verdict: 'paidOff',
    ...fields,
  });

/** Two letter campaigns taken together, with a control group and every effect estimated. */
export const letterComparison = (fields: Partial<TypeComparison> = {}): TypeComparison => ({
  type: 'letter',
  campaigns: 2,
  contacted: figures(300, 80, 13000, 100),
  control: figures(70, 14, 2100, 17),
  conversionUplift: { value: 0.0667, low: -0.04, high: 0.16 },
  revenuePerMemberUplift: { value: 13.3333, low: 6.4696, high: 20.1971 },
  cost: 500,
  incrementalRevenue: { value: 4000, low: 1940.87, high: 6059.13 },
  incrementalMargin: null,
  roi: { value: 3, low: 1, high: 5 },
  roiBasis: 'revenue',
  ...fields,
});
