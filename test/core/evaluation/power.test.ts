import {
  controlPercentFor,
  minimumDetectableMeanDifference,
  minimumDetectableRise,
  normalCdf,
  proportionPower,
} from '../../../src/core/evaluation/power';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1.959963984540054, 0.975],
    [-1.959963984540054, 0.025],
    [0.8416212335729143, 0.8],
    [3, 0.9986501019683699],
  ])('Φ(%d) = %d', (x, expected) => {
    expect(normalCdf(x)).toBeCloseTo(expected, 6);
  });
});

/** Published values: the examples of R's power.prop.test (stats package documentation). */
describe('two proportions, against R power.prop.test', () => {
  it('power.prop.test(n = 50, p1 = .50, p2 = .75) gives power 0.7401659', () => {
    expect(proportionPower({ baseRate: 0.5, treatedRate: 0.75, contacted: 50, control: 50 })).toBeCloseTo(
      0.7401659,
      4,
    );
  });

  it('power.prop.test(p1 = .50, p2 = .75, power = .90) needs n = 76.7 per group', () => {
    expect(proportionPower({ baseRate: 0.5, treatedRate: 0.75, contacted: 76.7, control: 76.7 })).toBeCloseTo(
      0.9,
      3,
    );
  });

  it('power.prop.test(n = 50, p1 = .5, power = .90) detects p2 = 0.8026141', () => {
    expect(0.5 + (minimumDetectableRise(0.5, 50, 50, 0.9) ?? NaN)).toBeCloseTo(0.8026141, 3);
  });

  it('a larger control group detects a smaller rise, and none detects nothing', () => {
    const tenPercent = minimumDetectableRise(0.1, 270, 30)!;
    const fortyPercent = minimumDetectableRise(0.1, 180, 120)!;
    expect(fortyPercent).toBeLessThan(tenPercent);
    expect(minimumDetectableRise(0.1, 300, 0)).toBeNull();
  });
});

describe('difference of means', () => {
  it('is (z₀.₉₇₅ + z₀.₈) · sd · √(1/n₁ + 1/n₀)', () => {
    expect(minimumDetectableMeanDifference(1, 20, 20)).toBeCloseTo(2.801585 * Math.sqrt(2 / 20), 5);
    expect(minimumDetectableMeanDifference(120, 270, 30)).toBeCloseTo(
      2.801585 * 120 * Math.sqrt(1 / 270 + 1 / 30),
      3,
    );
    expect(minimumDetectableMeanDifference(1, 20, 0)).toBeNull();
  });
});

describe('controlPercentFor', () => {
  it('is the smallest whole percent whose test detects the expected rise', () => {
    const percent = controlPercentFor(2000, 0.1, 0.05)!;
    const held = Math.round((2000 * percent) / 100);
    const heldOneLess = Math.round((2000 * (percent - 1)) / 100);
    expect(minimumDetectableRise(0.1, 2000 - held, held)!).toBeLessThanOrEqual(0.05);
    expect(minimumDetectableRise(0.1, 2000 - heldOneLess, heldOneLess) ?? 1).toBeGreaterThan(0.05);
  });

  it('is null when even half of the members held back would not detect the rise', () => {
    expect(controlPercentFor(300, 0.1, 0.02)).toBeNull();
  });
});
