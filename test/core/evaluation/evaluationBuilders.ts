import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import type { CampaignEvaluation, EvaluatedMember, GroupFigures } from '../../../src/core/evaluation/model';
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
  contacted: figures(100, 10, 1000, 12),
  control: null,
  conversionUplift: null,
  revenuePerMemberUplift: null,
  incrementalRevenue: null,
  roi: null,
  verdict: 'noControl',
  notes: [],
  leads: null,
  ...fields,
});
