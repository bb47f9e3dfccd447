import type { Baseline } from '../../../src/core/evaluation/baseline';
import { planTest } from '../../../src/core/evaluation/plan';
import { planSentence } from '../../../src/core/evaluation/planText';
import {
  minimumDetectableMeanDifference,
  minimumDetectableRise,
  proportionPower,
} from '../../../src/core/evaluation/power';
import { newcombeDifference, seededRandom } from '../../../src/core/evaluation/statistics';
import { day } from './evaluationBuilders';

const baseline = (fields: Partial<Baseline> = {}): Baseline => ({
  window: 'yearEarlier',
  start: day('2025-09-01'),
  end: day('2025-09-30'),
  comparable: 280,
  conversion: 0.05,
  revenuePerMember: 20,
  revenueSpread: 110,
  ...fields,
});

describe('planTest', () => {
  it('gives the smallest detectable effects for the campaign’s own groups', () => {
    const plan = planTest({ members: 300, control: 30, controlPercent: 10, baseline: baseline() });

    expect(plan).toMatchObject({ members: 300, contacted: 270, control: 30, primaryMetric: 'revenue' });
    expect(plan.detectableRise).toBeCloseTo(minimumDetectableRise(0.05, 270, 30) ?? NaN, 10);
    expect(plan.detectableRevenue).toBeCloseTo(minimumDetectableMeanDifference(110, 270, 30) ?? NaN, 10);
    expect(plan.expected).toBeNull();
  });

  it('detects with 80 % power what R’s power.prop.test(p1 = .1, p2 = .15, power = .8) says: n = 685.5 per group', () => {
    const plan = planTest({
      members: 1371,
      control: 685.5,
      controlPercent: 50,
      primaryMetric: 'conversion',
      baseline: baseline({ conversion: 0.1 }),
    });

    expect(plan.detectableRise).toBeCloseTo(0.05, 3);
  });

  it('finds the control share and the pooled campaigns for an expected rise', () => {
    const plan = planTest({
      members: 300,
      control: 30,
      controlPercent: 10,
      primaryMetric: 'conversion',
      baseline: baseline(),
      expected: 0.1,
    });

    const { controlPercent, waves, detectable } = plan.expected ?? {};
    expect(detectable).toBe(false);
    const held = Math.round((300 * (controlPercent ?? 0)) / 100);
    const heldOneLess = Math.round((300 * ((controlPercent ?? 0) - 1)) / 100);
    expect(minimumDetectableRise(0.05, 300 - held, held)).toBeLessThanOrEqual(0.1);
    expect(minimumDetectableRise(0.05, 300 - heldOneLess, heldOneLess) ?? 1).toBeGreaterThan(0.1);
    expect(minimumDetectableRise(0.05, 270 * (waves ?? 0), 30 * (waves ?? 0))).toBeLessThanOrEqual(0.1);
    expect(minimumDetectableRise(0.05, 270 * ((waves ?? 0) - 1), 30 * ((waves ?? 0) - 1))).toBeGreaterThan(
      0.1,
    );
  });

  it('plans a revenue effect in euros per member from the observed spread', () => {
    const plan = planTest({
      members: 300,
      control: 30,
      controlPercent: 10,
      baseline: baseline(),
      expected: 40,
    });

    const percent = plan.expected?.controlPercent ?? 0;
    const held = Math.round((300 * percent) / 100);
    expect(minimumDetectableMeanDifference(110, 300 - held, held)).toBeLessThanOrEqual(40);
    expect(minimumDetectableMeanDifference(110, 300 - held + 3, held - 3)).toBeGreaterThan(40);
    expect(plan.expected?.detectable).toBe(false);
  });

  it('has no detectable effect without a control group and no plan without a baseline', () => {
    expect(planTest({ members: 300, control: 0, controlPercent: 0, baseline: baseline() })).toMatchObject({
      detectableRise: null,
      detectableRevenue: null,
    });
    expect(
      planTest({ members: 300, control: 30, controlPercent: 10, baseline: null, expected: 0.03 }),
    ).toMatchObject({ detectableRise: null, expected: null });
  });
});

describe('planSentence', () => {
  const conversionPlan = (expected?: number) =>
    planTest({
      members: 300,
      control: 30,
      controlPercent: 10,
      primaryMetric: 'conversion',
      baseline: baseline({ conversion: 0.02 }),
      expected,
    });

  // 2 % buy anyway; 30 control members: only a rise of 17 points is told from chance (R: power.prop.test(n1 = 270,
  // n2 = 30) has no two-sample-size form, the tests above check the same formula against its examples).
  it('says in German what the test detects and what the expected rise would need', () => {
    expect(planSentence(conversionPlan(0.08), 'de')).toBe(
      'Mit 300 Empfängern und 10 % Kontrollgruppe erkennt die Auswertung erst einen Unterschied von +17 Prozentpunkten. Für +8 Punkte bräuchten Sie 40 % Kontrollgruppe – oder Sie werten drei gleiche Aktionen zusammen aus.',
    );
  });

  it('says the same in English', () => {
    expect(planSentence(conversionPlan(0.08), 'en')).toBe(
      'With 300 recipients and a 10 % control group, the evaluation only detects a difference of +17 percentage points. For +8 points you would need a 40 % control group – or evaluate three equal campaigns together.',
    );
  });

  it('says when the control group suffices, when only pooling helps, and when nothing can measure the effect', () => {
    expect(planSentence(conversionPlan(0.5), 'de')).toMatch(/Für \+50 Punkte reicht die Kontrollgruppe\.$/);
    expect(planSentence(conversionPlan(0.04), 'de')).toMatch(
      /Für \+4 Punkte reicht selbst die Hälfte als Kontrollgruppe nicht – erst wenn Sie acht gleiche Aktionen zusammen auswerten\.$/,
    );
    expect(planSentence(conversionPlan(0.001), 'de')).toMatch(/mit dieser Liste nicht messbar\.$/);
  });

  it('without a control group says it detects nothing', () => {
    const plan = planTest({ members: 120, control: 0, controlPercent: 0, baseline: baseline() });
    expect(planSentence(plan, 'de')).toMatch(
      /^Mit 120 Empfängern und ohne Kontrollgruppe erkennt die Auswertung keinen Unterschied/,
    );
  });
});

/**
 * The planner's promise, simulated: with the control share it suggests for the expected rise, a campaign with exactly
 * that true effect is detected (the lower end of the evaluation's 95 % interval of the uplift above zero) in about 80 %
 * of 200 runs. The runs are binomial: 200 draws at the plan's power, accepted within ±3.3 standard deviations.
 */
describe('simulated campaigns at the suggested control share', () => {
  const MEMBERS = 1000;
  const BASE = 0.1;
  const RISE = 0.06;
  const RUNS = 200;

  const buyers = (n: number, p: number, random: () => number): number => {
    let count = 0;
    for (let i = 0; i < n; i++) if (random() < p) count++;
    return count;
  };

  it('detects the stated effect in about 80 % of 200 runs', () => {
    const plan = planTest({
      members: MEMBERS,
      control: 0,
      controlPercent: 0,
      primaryMetric: 'conversion',
      baseline: baseline({ conversion: BASE }),
      expected: RISE,
    });
    const percent = plan.expected?.controlPercent ?? NaN;
    const control = Math.round((MEMBERS * percent) / 100);
    const contacted = MEMBERS - control;
    const power = proportionPower({ baseRate: BASE, treatedRate: BASE + RISE, contacted, control });
    expect(power).toBeGreaterThanOrEqual(0.8);
    expect(power).toBeLessThan(0.85);

    const random = seededRandom(18);
    let detected = 0;
    for (let run = 0; run < RUNS; run++) {
      const x1 = buyers(contacted, BASE + RISE, random);
      const x0 = buyers(control, BASE, random);
      if (newcombeDifference(x1, contacted, x0, control).low > 0) detected++;
    }
    const spread = Math.sqrt(RUNS * power * (1 - power));
    expect(detected).toBeGreaterThanOrEqual(Math.floor(RUNS * power - 3.3 * spread));
    expect(detected).toBeLessThanOrEqual(Math.ceil(RUNS * power + 3.3 * spread));
  });
});
