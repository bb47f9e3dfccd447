import { DEFAULT_PRIMARY_METRIC, type PrimaryMetric } from '../campaign/campaign';
import { fail, ok, type Result } from '../kernel/result';
import { parseNumber } from '../kernel/values';
import type { Baseline } from './baseline';
import {
  detectsMeanDifference,
  detectsRise,
  minimumDetectableMeanDifference,
  minimumDetectableRise,
  smallestControlPercent,
  wavesFor,
  type Detects,
} from './power';

/**
 * What the evaluation will be able to tell, before the campaign goes out: the smallest effects its test detects with
 * 80 % power at α = 0.05 with the campaign's group sizes, and, for the effect the owner expects, the control share or
 * the number of equal campaigns evaluated together that would detect it.
 */

export interface PlanInput {
  members: number;
  /** Members held back: the stored assignment's, or the share's estimate before the first use. */
  control: number;
  /** The share the campaign asks for, in percent (0: none). */
  controlPercent: number;
  primaryMetric?: PrimaryMetric;
  baseline: Baseline | null;
  /** The effect the owner expects, in the primary metric's unit: buyer share points (0.03) or euros per member. */
  expected?: number;
}

export interface ExpectedEffect {
  value: number;
  /** Detected with the campaign's own groups. */
  detectable: boolean;
  /** Smallest whole control share up to 50 % that detects it; null when even 50 % does not. */
  controlPercent: number | null;
  /** Equal campaigns (same size and share) evaluated together that detect it; null without a control group or beyond MAX_POOLED_WAVES. */
  waves: number | null;
}

export interface TestPlan {
  members: number;
  contacted: number;
  control: number;
  controlPercent: number;
  primaryMetric: PrimaryMetric;
  baseline: Baseline | null;
  /** Smallest rise of the buyer share detected; null without a baseline or when none would be. */
  detectableRise: number | null;
  /** Smallest rise of revenue per member detected, in euros; null without a baseline or a control group. */
  detectableRevenue: number | null;
  expected: ExpectedEffect | null;
}

const detectsFor = (metric: PrimaryMetric, baseline: Baseline, expected: number): Detects =>
  metric === 'conversion'
    ? detectsRise(baseline.conversion, expected)
    : detectsMeanDifference(baseline.revenueSpread, expected);

const expectedEffect = (
  input: PlanInput,
  metric: PrimaryMetric,
  contacted: number,
): ExpectedEffect | null => {
  const { baseline, expected } = input;
  if (baseline === null || expected === undefined || !(expected > 0)) return null;
  const detects = detectsFor(metric, baseline, expected);
  return {
    value: expected,
    detectable: input.control > 0 && detects(contacted, input.control),
    controlPercent: smallestControlPercent(input.members, detects),
    waves: wavesFor(contacted, input.control, detects),
  };
};

/**
 * The expected effect as people type it: "+3", "3,5", "+3 Pp", "5,50 €"; empty is none. A number above 0 in the
 * primary metric's unit, which expectedInMetric turns into the plan's.
 */
export const parseExpected = (text: string): Result<number | undefined, 'expectedInvalid'> => {
  const trimmed = text.trim();
  if (trimmed === '') return ok(undefined);
  const number = parseNumber(
    trimmed
      .replace(/^\+/, '')
      .replace(/(pp\.?|punkte?|points?|%|€)\s*$/i, '')
      .trim(),
  );
  return number !== null && number > 0 ? ok(number) : fail('expectedInvalid');
};

/** An effect as the owner types it (3 percentage points, 5.50 €) in the unit the plan computes with (0.03, 5.5). */
export const expectedInMetric = (metric: PrimaryMetric | undefined, typed: number): number =>
  (metric ?? DEFAULT_PRIMARY_METRIC) === 'conversion' ? typed / 100 : typed;

export const planTest = (input: PlanInput): TestPlan => {
  const metric = input.primaryMetric ?? DEFAULT_PRIMARY_METRIC;
  const contacted = Math.max(0, input.members - input.control);
  const { baseline, control } = input;
  return {
    members: input.members,
    contacted,
    control,
    controlPercent: input.controlPercent,
    primaryMetric: metric,
    baseline,
    detectableRise:
      baseline && control > 0 ? minimumDetectableRise(baseline.conversion, contacted, control) : null,
    detectableRevenue:
      baseline && control > 0
        ? minimumDetectableMeanDifference(baseline.revenueSpread, contacted, control)
        : null,
    expected: expectedEffect(input, metric, contacted),
  };
};
