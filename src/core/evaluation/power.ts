import { Z95 } from './statistics';

/**
 * What a test with given group sizes can detect, before the campaign goes out: the normal approximations that R's
 * power.prop.test (two proportions) and a two-sample z-test of means use, two-sided at α = 0.05.
 */

/** The standard normal quantile at 0.8: the z of 80 % power. */
export const Z80 = 0.8416212335729143;
export const DEFAULT_POWER = 0.8;
/** Above half, the "control" group would be the campaign's majority (the limit of the campaign fields). */
export const MAX_CONTROL_SHARE = 0.5;

/** Standard normal distribution function, from erfc (relative error below 1.2e-7: plenty for a power figure). */
export const normalCdf = (x: number): number => 0.5 * erfc(-x / Math.SQRT2);

function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  // Numerical Recipes' erfcc, a Chebyshev fit.
  const approx =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? approx : 2 - approx;
}

export interface ProportionDesign {
  /** Share of buyers expected without the campaign (the control group's rate). */
  baseRate: number;
  /** Share of buyers among the contacted. */
  treatedRate: number;
  contacted: number;
  control: number;
}

/** Power of the two-sided test of two proportions (the large-sample test R's power.prop.test describes). */
export const proportionPower = ({ baseRate, treatedRate, contacted, control }: ProportionDesign): number => {
  if (contacted <= 0 || control <= 0) return 0;
  const pooled = (baseRate * control + treatedRate * contacted) / (control + contacted);
  const inverseSizes = 1 / contacted + 1 / control;
  const nullSpread = Math.sqrt(pooled * (1 - pooled) * inverseSizes);
  const spread = Math.sqrt(
    (baseRate * (1 - baseRate)) / control + (treatedRate * (1 - treatedRate)) / contacted,
  );
  if (spread === 0) return treatedRate === baseRate ? 0 : 1;
  return normalCdf((Math.abs(treatedRate - baseRate) - Z95 * nullSpread) / spread);
};

/**
 * The smallest rise of the buyer share (in proportion points, 0.09 = +9 points) that the test detects with the given
 * power; null when even all buyers among the contacted would not be detected (a tiny control group).
 */
export const minimumDetectableRise = (
  baseRate: number,
  contacted: number,
  control: number,
  power = DEFAULT_POWER,
): number | null => {
  const powerAt = (rise: number) =>
    proportionPower({ baseRate, treatedRate: baseRate + rise, contacted, control });
  let high = 1 - baseRate;
  if (high <= 0 || powerAt(high) < power) return null;
  let low = 0;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (powerAt(middle) >= power) high = middle;
    else low = middle;
  }
  return high;
};

/**
 * The smallest difference of means (e.g. revenue per member) the two-sided z-test detects with 80 % power, for a
 * spread (standard deviation) observed in comparable customers. Normal approximation: fine for the group sizes where
 * a campaign test is worth running at all.
 */
export const minimumDetectableMeanDifference = (
  standardDeviation: number,
  contacted: number,
  control: number,
): number | null =>
  contacted > 0 && control > 0
    ? (Z95 + Z80) * standardDeviation * Math.sqrt(1 / contacted + 1 / control)
    : null;

/** Whether a test with these group sizes detects the expected effect with 80 % power. */
export type Detects = (contacted: number, control: number) => boolean;

/** The smallest control share, in whole percent up to 50, whose test detects; null when even half would not. */
export const smallestControlPercent = (members: number, detects: Detects): number | null => {
  for (let percent = 1; percent <= MAX_CONTROL_SHARE * 100; percent++) {
    const control = Math.round((members * percent) / 100);
    if (control > 0 && detects(members - control, control)) return percent;
  }
  return null;
};

/** Whether the rise of the buyer share is detected (conversion as the metric). */
export const detectsRise =
  (baseRate: number, expectedRise: number): Detects =>
  (contacted, control) => {
    const rise = minimumDetectableRise(baseRate, contacted, control);
    return rise !== null && rise <= expectedRise;
  };

/** Whether the difference of revenue per member is detected (revenue as the metric). */
export const detectsMeanDifference =
  (standardDeviation: number, expectedDifference: number): Detects =>
  (contacted, control) => {
    const difference = minimumDetectableMeanDifference(standardDeviation, contacted, control);
    return difference !== null && difference <= expectedDifference;
  };

/**
 * The smallest control share, in whole percent up to 50, whose test detects the expected rise of the buyer share;
 * null when even half of the members held back would not suffice.
 */
export const controlPercentFor = (members: number, baseRate: number, expectedRise: number): number | null =>
  smallestControlPercent(members, detectsRise(baseRate, expectedRise));

/** Beyond this many, pooling equal campaigns is no advice a shop owner can follow. */
export const MAX_POOLED_WAVES = 12;

/**
 * How many equal campaigns (same size, same control share) evaluated together detect the effect: the pooled groups
 * are k times as large. 1 when one campaign suffices; null without a control group or beyond MAX_POOLED_WAVES.
 */
export const wavesFor = (contacted: number, control: number, detects: Detects): number | null => {
  if (control <= 0 || contacted <= 0) return null;
  for (let waves = 1; waves <= MAX_POOLED_WAVES; waves++)
    if (detects(contacted * waves, control * waves)) return waves;
  return null;
};
