import { cyrb53 } from '../kernel/stableHash';
import type { Estimate } from './model';

/** The two-sided 95 % quantile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

export const DEFAULT_RESAMPLES = 2000;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion (no continuity correction). Unlike the textbook p ± z·se it stays inside
 * [0, 1] and is honest for 0 or all successes, which small control groups produce all the time.
 */
export const wilsonInterval = (successes: number, trials: number): Interval => {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denominator;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
};

/**
 * Difference of two proportions x1/n1 − x0/n0 with Newcombe's hybrid score interval (Newcombe 1998, method 10):
 * each proportion's Wilson limits combined by the square-root rule. Good coverage also for small counts and zeros.
 */
export const newcombeDifference = (x1: number, n1: number, x0: number, n0: number): Estimate => {
  const p1 = n1 > 0 ? x1 / n1 : 0;
  const p0 = n0 > 0 ? x0 / n0 : 0;
  const w1 = wilsonInterval(x1, n1);
  const w0 = wilsonInterval(x0, n0);
  const value = p1 - p0;
  const below = Math.sqrt((p1 - w1.low) ** 2 + (w0.high - p0) ** 2);
  const above = Math.sqrt((w1.high - p1) ** 2 + (p0 - w0.low) ** 2);
  return { value, low: value - below, high: value + above };
};

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counter, passes PractRand): only additions, shifts and xors. Chosen over
 * mulberry32 because Math.imul is not inlined inside jest's sandbox and made the bootstrap 25 times slower there.
 * The same seed gives the same numbers on every machine.
 */
export const seededRandom = (seed: number): (() => number) => {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs still show the constant start state.
  for (let i = 0; i < 15; i++) next();
  return next;
};

/** A 32-bit seed from a text (the campaign id): the same campaign always gets the same bootstrap interval. */
export const seedFrom = (text: string): number => cyrb53(text) >>> 0;

export const mean = (values: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length > 0 ? sum / values.length : 0;
};

const resampledMean = (values: Float64Array, random: () => number): number => {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[(random() * n) | 0];
  return sum / n;
};

/** Linear interpolation between the order statistics (Hyndman & Fan type 7, as R and Excel's PERCENTILE do). */
const quantileOfSorted = (sorted: Float64Array, p: number): number => {
  const position = p * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
};

/**
 * Difference of means treated − control with a percentile bootstrap 95 % interval. Revenue per member is mostly
 * zeros with a long tail, where a normal-theory interval would be misleading; resampling each group makes no such
 * assumption. Deterministic for a seed; one Float64Array for all resamples, no allocation inside the loop.
 */
export const bootstrapMeanDifference = (
  treated: Float64Array,
  control: Float64Array,
  seed: number,
  resamples = DEFAULT_RESAMPLES,
): Estimate => {
  const value = mean(treated) - mean(control);
  if (treated.length === 0 || control.length === 0) return { value, low: value, high: value };
  const random = seededRandom(seed);
  const differences = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    differences[r] = resampledMean(treated, random) - resampledMean(control, random);
  }
  differences.sort();
  return { value, low: quantileOfSorted(differences, 0.025), high: quantileOfSorted(differences, 0.975) };
};

/** value ± z·standard error: for sums of independent estimates (pooled campaigns). */
export const normalEstimate = (value: number, standardError: number): Estimate => ({
  value,
  low: value - Z95 * standardError,
  high: value + Z95 * standardError,
});

/** The standard error a 95 % interval implies, read back as if it were normal: width / (2 · 1.96). */
export const impliedStandardError = (estimate: Estimate): number =>
  (estimate.high - estimate.low) / (2 * Z95);
