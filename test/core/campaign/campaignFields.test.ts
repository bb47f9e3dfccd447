import {
  controlEstimate,
  dateRangeError,
  parseControlPercent,
  parseCost,
  parseEvaluationDays,
} from '../../../src/core/campaign/campaignFields';

describe('parseCost', () => {
  it.each([
    ['', undefined],
    ['   ', undefined],
    ['300', 300],
    ['1.250,50', 1250.5],
    ['1,250.50', 1250.5],
    ['€ 99,999', 100],
    ['12 €', 12],
    ['0', 0],
  ])('%j → %j', (text, expected) => {
    expect(parseCost(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['zwölf', '-5', '12,50-', '1,2,3x'])('%j is not a cost', (text) => {
    expect(parseCost(text)).toEqual({ ok: false, error: 'costInvalid' });
  });
});

describe('parseEvaluationDays', () => {
  it.each([
    ['', undefined],
    ['90', 90],
    ['1', 1],
    ['730', 730],
  ])('%j → %j', (text, expected) => {
    expect(parseEvaluationDays(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['0', '731', '30,5', 'neunzig', '-7'])('%j is not a window', (text) => {
    expect(parseEvaluationDays(text)).toEqual({ ok: false, error: 'daysInvalid' });
  });
});

describe('parseControlPercent', () => {
  it.each([
    ['', undefined],
    ['0', undefined],
    ['0 %', undefined],
    ['10', 10],
    ['10 %', 10],
    ['15%', 15],
    ['50', 50],
  ])('%j → %j', (text, expected) => {
    expect(parseControlPercent(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['51', '60 %', '7,5', '-10', 'zehn'])('%j is not a share', (text) => {
    expect(parseControlPercent(text)).toEqual({ ok: false, error: 'percentInvalid' });
  });
});

describe('dateRangeError', () => {
  it.each([
    [undefined, undefined, null],
    ['2026-09-01', undefined, null],
    [undefined, '2026-09-01', null],
    ['2026-09-01', '2026-09-01', null],
    ['2026-09-01', '2026-12-31', null],
    ['2026-09-01', '2026-08-31', 'endBeforeStart'],
  ])('%s … %s → %s', (start, end, expected) => {
    expect(dateRangeError(start, end)).toBe(expected);
  });
});

describe('controlEstimate', () => {
  it.each([
    [200, 10, 20],
    [25, 10, 3],
    [0, 10, 0],
    [200, undefined, 0],
  ])('%i members at %s %% → %i held back', (members, percent, expected) => {
    expect(controlEstimate(members, percent)).toBe(expected);
  });
});
