import {
  bootstrapMeanDifference,
  impliedStandardError,
  mean,
  seededRandom,
  newcombeDifference,
  normalEstimate,
  seedFrom,
  wilsonInterval,
} from '../../../src/core/evaluation/statistics';

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17:857-872, table I,
  // method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f to %f as in the paper', (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(round4(interval.low)).toBe(low);
    expect(round4(interval.high)).toBe(high);
  });

  it('says nothing (0 to 1) for an empty group', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('newcombeDifference', () => {
  // Newcombe (1998), "Interval estimation for the difference between independent proportions", Stat Med
  // 17:873-890, table II, method 10 (hybrid score interval without continuity correction), examples a, b, d–h.
  it.each([
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])('%i/%i − %i/%i = %f, 95 %% CI %f to %f as in the paper', (x1, n1, x0, n0, value, low, high) => {
    const estimate = newcombeDifference(x1, n1, x0, n0);
    expect(round4(estimate.value)).toBe(value);
    expect(round4(estimate.low)).toBe(low);
    expect(round4(estimate.high)).toBe(high);
  });
});

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('is uniform on [0, 1): each tenth gets about a tenth of 100,000 draws', () => {
    const random = seededRandom(seedFrom('K-2026-11'));
    const counts = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (x < 0 || x >= 1) outside++;
      else counts[Math.floor(x * 10)]++;
    }
    expect(outside).toBe(0);
    // Chi-square with 9 degrees of freedom: the 99.9 % quantile is 27.88.
    const chiSquare = counts.reduce((sum, count) => sum + (count - 10_000) ** 2 / 10_000, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });
});

describe('seedFrom', () => {
  it('is a 32-bit unsigned integer, the same for the same text', () => {
    const seed = seedFrom('ABC123');
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    expect(seedFrom('ABC123')).toBe(seed);
    expect(seedFrom('ABC124')).not.toBe(seed);
  });
});

describe('bootstrapMeanDifference', () => {
  const alternating = (n: number, high: number): Float64Array =>
    Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 0 : high));

  it('matches the normal-theory interval on a large symmetric example', () => {
    // treated: 400 values, half 0 and half 10 → mean 5, (plug-in) sd 5, se 5/√400 = 0.25
    // control: 400 values, half 0 and half 4 → mean 2, sd 2, se 2/√400 = 0.1
    // difference 3, se √(0.25² + 0.1²) = √0.0725 = 0.26926; 95 %: 3 ± 1.95996 · 0.26926 = 2.4723 to 3.5277
    const estimate = bootstrapMeanDifference(alternating(400, 10), alternating(400, 4), 7);
    expect(estimate.value).toBe(3);
    expect(estimate.low).toBeCloseTo(2.4723, 1);
    expect(estimate.high).toBeCloseTo(3.5277, 1);
  });

  it('is deterministic for a seed and moves with another seed', () => {
    const treated = Float64Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? 120 + i : 0));
    const control = Float64Array.from({ length: 60 }, (_, i) => (i % 9 === 0 ? 100 : 0));
    const first = bootstrapMeanDifference(treated, control, 1234);
    expect(bootstrapMeanDifference(treated, control, 1234)).toEqual(first);
    expect(bootstrapMeanDifference(treated, control, 1235)).not.toEqual(first);
  });

  it('has no width when every member has the same revenue', () => {
    // 50 − 20 = 30 in every resample
    const estimate = bootstrapMeanDifference(new Float64Array(10).fill(50), new Float64Array(5).fill(20), 1);
    expect(estimate).toEqual({ value: 30, low: 30, high: 30 });
  });

  it('gives the bare difference without resampling when a group is empty', () => {
    expect(bootstrapMeanDifference(new Float64Array([10, 20]), new Float64Array(0), 1)).toEqual({
      value: 15,
      low: 15,
      high: 15,
    });
  });

  it('agrees with the normal interval for 50,000 members, where both are valid', () => {
    const random = seededRandom(99);
    const revenue = (n: number): Float64Array =>
      Float64Array.from({ length: n }, () => (random() < 0.2 ? 50 + 400 * random() : 0));
    const [treated, control] = [revenue(45_000), revenue(5_000)];
    const moments = (values: Float64Array) => {
      let sum = 0;
      for (const v of values) sum += v;
      const average = sum / values.length;
      let squares = 0;
      for (const v of values) squares += (v - average) ** 2;
      return { average, variance: squares / (values.length - 1) };
    };
    const [t, c] = [moments(treated), moments(control)];
    const halfWidth = 1.96 * Math.sqrt(t.variance / treated.length + c.variance / control.length);

    const estimate = bootstrapMeanDifference(treated, control, 5);

    expect(estimate.value).toBeCloseTo(t.average - c.average, 9);
    // 2,000 resamples: the percentile bounds scatter by a few per cent of the half width around the normal ones.
    expect(Math.abs(estimate.low - (estimate.value - halfWidth))).toBeLessThan(0.1 * halfWidth);
    expect(Math.abs(estimate.high - (estimate.value + halfWidth))).toBeLessThan(0.1 * halfWidth);
  });
});

describe('mean, normalEstimate, impliedStandardError', () => {
  it('mean of 1, 2, 6 is 3; of nothing 0', () => {
    expect(mean(new Float64Array([1, 2, 6]))).toBe(3);
    expect(mean(new Float64Array(0))).toBe(0);
  });

  it('a normal interval and the standard error read back from it', () => {
    // 100 ± 1.959964 · 10 = 80.4004 to 119.5996
    const estimate = normalEstimate(100, 10);
    expect(estimate.low).toBeCloseTo(80.4004, 4);
    expect(estimate.high).toBeCloseTo(119.5996, 4);
    expect(impliedStandardError(estimate)).toBeCloseTo(10, 10);
  });
});
