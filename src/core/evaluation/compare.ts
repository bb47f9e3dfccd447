import { CAMPAIGN_TYPES, type CampaignType } from '../campaign/campaign';
import type { CampaignEvaluation, Estimate, GroupFigures, RoiBasis, TypeComparison } from './model';
import { impliedStandardError, newcombeDifference, normalEstimate } from './statistics';

type Measured = CampaignEvaluation & {
  control: GroupFigures;
  revenuePerMemberUplift: Estimate;
  incrementalRevenue: Estimate;
};

/** Campaigns without a start or without sales since the start have nothing to add but zeros. */
const hasFigures = (evaluation: CampaignEvaluation): boolean =>
  evaluation.verdict !== 'notStarted' && evaluation.verdict !== 'noSalesYet';

const isMeasured = (evaluation: CampaignEvaluation): evaluation is Measured =>
  evaluation.control !== null &&
  evaluation.revenuePerMemberUplift !== null &&
  evaluation.incrementalRevenue !== null;

const pooled = (groups: GroupFigures[]): GroupFigures => {
  const sumOf = (pick: (group: GroupFigures) => number): number =>
    groups.reduce((total, group) => total + pick(group), 0);
  const members = sumOf((group) => group.members);
  const buyers = sumOf((group) => group.buyers);
  const revenue = sumOf((group) => group.revenue);
  return {
    members,
    buyers,
    conversion: members > 0 ? buyers / members : 0,
    revenue,
    revenuePerMember: members > 0 ? revenue / members : 0,
    orders: sumOf((group) => group.orders),
  };
};

/**
 * The campaigns' incremental revenues added up; the interval by the normal approximation, each campaign's standard
 * error read back from its bootstrap interval (campaigns are independent samples).
 */
const summed = (estimates: Estimate[]): Estimate => {
  if (estimates.length === 1) return estimates[0];
  const value = estimates.reduce((total, estimate) => total + estimate.value, 0);
  const variance = estimates.reduce((total, estimate) => total + impliedStandardError(estimate) ** 2, 0);
  return normalEstimate(value, Math.sqrt(variance));
};

const summedIncrement = (measured: Measured[]): Estimate =>
  summed(measured.map((evaluation) => evaluation.incrementalRevenue));

/** The campaigns' incremental margins added up, when every one of them has one. */
const summedMargin = (measured: Measured[]): Estimate | null => {
  const margins = measured.flatMap((evaluation) => evaluation.incrementalMargin ?? []);
  return margins.length === measured.length && margins.length > 0 ? summed(margins) : null;
};

const divided = (estimate: Estimate, divisor: number): Estimate => ({
  value: estimate.value / divisor,
  low: estimate.low / divisor,
  high: estimate.high / divisor,
});

const roiOn = (increment: Estimate, cost: number): Estimate => ({
  value: (increment.value - cost) / cost,
  low: (increment.low - cost) / cost,
  high: (increment.high - cost) / cost,
});

/**
 * Only campaigns that have both a control group and a cost say what a euro spent brought back; on the margin when
 * every one of them has it.
 */
const pooledRoi = (measured: Measured[]): { roi: Estimate | null; roiBasis: RoiBasis } => {
  const withCost = measured.filter((evaluation) => evaluation.cost !== null && evaluation.cost > 0);
  const cost = withCost.reduce((total, evaluation) => total + (evaluation.cost ?? 0), 0);
  const margin = summedMargin(withCost);
  const roiBasis = margin ? 'margin' : 'revenue';
  if (cost <= 0) return { roi: null, roiBasis };
  return { roi: roiOn(margin ?? summedIncrement(withCost), cost), roiBasis };
};

const comparisonOf = (type: CampaignType, evaluations: CampaignEvaluation[]): TypeComparison => {
  const measured = evaluations.filter(isMeasured);
  const base: TypeComparison = {
    type,
    campaigns: evaluations.length,
    contacted: pooled(evaluations.map((evaluation) => evaluation.contacted)),
    control: null,
    conversionUplift: null,
    revenuePerMemberUplift: null,
    cost: evaluations.reduce((total, evaluation) => total + (evaluation.cost ?? 0), 0),
    incrementalRevenue: null,
    incrementalMargin: null,
    roi: null,
    roiBasis: 'revenue',
  };
  if (measured.length === 0) return base;
  const contacted = pooled(measured.map((evaluation) => evaluation.contacted));
  const control = pooled(measured.map((evaluation) => evaluation.control));
  const incrementalRevenue = summedIncrement(measured);
  return {
    ...base,
    control,
    conversionUplift: newcombeDifference(
      contacted.buyers,
      contacted.members,
      control.buyers,
      control.members,
    ),
    revenuePerMemberUplift:
      measured.length === 1
        ? measured[0].revenuePerMemberUplift
        : divided(incrementalRevenue, contacted.members),
    incrementalRevenue,
    incrementalMargin: summedMargin(measured),
    ...pooledRoi(measured),
  };
};

/**
 * Campaigns of each type taken together, in the order of CAMPAIGN_TYPES; types without a started campaign are left
 * out. The member figures are sums. The uplift compares the pooled buyers of the campaigns that have a control group
 * (Newcombe on the pooled counts); the incremental revenue is the sum of each campaign's own incremental revenue
 * (each against its own control group, so different control shares do not distort it) and the revenue uplift per
 * member is that sum over their contacted members. A single campaign keeps its own intervals.
 */
export const compareByType = (evaluations: CampaignEvaluation[]): TypeComparison[] => {
  const started = evaluations.filter(hasFigures);
  return CAMPAIGN_TYPES.map((type) => started.filter((evaluation) => evaluation.type === type))
    .filter((group) => group.length > 0)
    .map((group) => comparisonOf(group[0].type, group));
};
