import { evaluateCampaign } from '../../../src/core/evaluation/evaluate';
import type { EvaluatedMember } from '../../../src/core/evaluation/model';
import { seededRandom } from '../../../src/core/evaluation/statistics';
import type { SaleLine } from '../../../src/core/kernel/model';
import { day, makeCampaign, member, sale } from './evaluationBuilders';
import { salesLines } from '../../../src/core/kernel/salesLines';

/**
 * A synthetic campaign with a known effect, 100 times: does the evaluation recover it within its 95 % intervals?
 * 2,000 members, 15 % control; the control group buys with probability 20 %, the contacted with 26 % (true uplift
 * 6 points); a buyer's net revenue is exponential with mean 150 € in both groups, so the true revenue uplift per
 * member is (0.26 − 0.20) · 150 = 9 €. The sales sheet also holds purchases before the start and after the window,
 * returns and undated lines, which must not count.
 */
const MEMBERS = 2000;
const CONTROL_SHARE = 0.15;
const BASE_CONVERSION = 0.2;
const CONTACTED_CONVERSION = 0.26;
const MEAN_BASKET = 150;
const TRUE_CONVERSION_UPLIFT = CONTACTED_CONVERSION - BASE_CONVERSION;
const TRUE_REVENUE_UPLIFT = TRUE_CONVERSION_UPLIFT * MEAN_BASKET;
const RUNS = 100;

const START = '2026-06-01';
const TODAY = day('2026-11-27');
const isoDay = (offset: number): string =>
  new Date((day(START) + offset) * 86_400_000).toISOString().slice(0, 10);

interface Synthetic {
  members: EvaluatedMember[];
  sales: SaleLine[];
}

const buyerLines = (customerId: string, random: () => number): SaleLine[] => {
  const net = -MEAN_BASKET * Math.log(1 - random());
  const inWindow = (): string => isoDay(Math.floor(random() * 90));
  const shape = random();
  if (shape < 0.2)
    return [sale(customerId, inWindow(), net * 1.25), sale(customerId, inWindow(), -net * 0.25)];
  if (shape < 0.5) return [sale(customerId, inWindow(), net / 2), sale(customerId, inWindow(), net / 2)];
  return [sale(customerId, inWindow(), net)];
};

/** Purchases that must not count: before the start, after the 90-day window, or without a date. */
const noiseLines = (customerId: string, random: () => number): SaleLine[] => {
  const draw = random();
  if (draw < 0.3) return [sale(customerId, isoDay(-1 - Math.floor(random() * 200)), 80)];
  if (draw < 0.4) return [sale(customerId, isoDay(90 + Math.floor(random() * 60)), 80)];
  if (draw < 0.45) return [sale(customerId, null, 80)];
  return [];
};

const synthetic = (seed: number): Synthetic => {
  const random = seededRandom(seed);
  const members: EvaluatedMember[] = [];
  const sales: SaleLine[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const customerId = `S${seed}-${i}`;
    const group = i < MEMBERS * CONTROL_SHARE ? 'control' : 'contacted';
    members.push(member(`k:${customerId}`, customerId, group));
    const conversion = group === 'control' ? BASE_CONVERSION : CONTACTED_CONVERSION;
    if (random() < conversion) sales.push(...buyerLines(customerId, random));
    sales.push(...noiseLines(customerId, random));
  }
  return { members, sales };
};

const covers = (estimate: { low: number; high: number } | null, truth: number): boolean =>
  estimate !== null && estimate.low <= truth && truth <= estimate.high;

describe('evaluateCampaign on synthetic campaigns with a known uplift', () => {
  // Each run gets its own campaign id, so its own bootstrap seed. 1,000 resamples keep the 100 runs fast; the
  // percentile interval's coverage barely depends on the resample count at this size.
  const runs = Array.from({ length: RUNS }, (_, run) => {
    const { members, sales } = synthetic(run + 1);
    return evaluateCampaign({
      campaign: makeCampaign({ id: `SIM${String(run).padStart(9, '0')}`, start: START, evaluationDays: 90 }),
      members,
      sales: salesLines(sales),
      today: TODAY,
      resamples: 1000,
    });
  });

  it('puts 300 members in the control group and judges every run', () => {
    expect(runs.every((run) => run.control?.members === 300 && run.contacted.members === 1700)).toBe(true);
    expect(runs.every((run) => ['paidOff', 'uncertain'].includes(run.verdict))).toBe(true);
  });

  // With a true coverage of 95 %, the number of covering runs out of 100 is Binomial(100, 0.95): mean 95, sd 2.2;
  // fewer than 88 happens with probability about 0.3 %. Runs are seeded, so the test is deterministic.
  it('covers the true conversion uplift of 6 points in at least 88 of 100 runs', () => {
    const covered = runs.filter((run) => covers(run.conversionUplift, TRUE_CONVERSION_UPLIFT)).length;
    expect(covered).toBeGreaterThanOrEqual(88);
  });

  it('covers the true revenue uplift of 9 € per member in at least 88 of 100 runs', () => {
    const covered = runs.filter((run) => covers(run.revenuePerMemberUplift, TRUE_REVENUE_UPLIFT)).length;
    expect(covered).toBeGreaterThanOrEqual(88);
  });

  it('estimates without bias: the mean estimate over the runs is near the truth', () => {
    // se of one run's revenue uplift ≈ √(σ²/1700 + σ²/300) with σ ≈ 150·√(2p − p²) ≈ 95 → ≈ 6 €; over 100 runs ≈ 0.6 €
    const meanOf = (pick: (run: (typeof runs)[number]) => number): number =>
      runs.reduce((total, run) => total + pick(run), 0) / RUNS;
    expect(
      Math.abs(meanOf((run) => run.revenuePerMemberUplift?.value ?? NaN) - TRUE_REVENUE_UPLIFT),
    ).toBeLessThan(2);
    // se of one run's conversion uplift ≈ √(0.26·0.74/1700 + 0.2·0.8/300) ≈ 0.025; over 100 runs ≈ 0.0025
    expect(
      Math.abs(meanOf((run) => run.conversionUplift?.value ?? NaN) - TRUE_CONVERSION_UPLIFT),
    ).toBeLessThan(0.008);
  });
});
