import type { Result } from '../../core/result';
import { fail, ok } from '../../core/result';
import { parseNumber } from '../../core/values';

import { MAX_CONTROL_PERCENT, MAX_EVALUATION_DAYS } from '../../core/campaignDefinition';

export { MAX_CONTROL_PERCENT, MAX_EVALUATION_DAYS };

export type CampaignFieldError = 'endBeforeStart' | 'costInvalid' | 'daysInvalid' | 'percentInvalid';

/** An optional field: empty text is `undefined` (not set), anything else must be valid. */
export type ParsedField<T> = Result<T | undefined, CampaignFieldError>;

/** Euros as typed in a German or English office ("1.250,50", "1250.5", "€ 300"); cents are kept. */
export const parseCost = (text: string): ParsedField<number> => {
  if (text.trim() === '') return ok(undefined);
  const value = parseNumber(text);
  return value !== null && value >= 0 ? ok(Math.round(value * 100) / 100) : fail('costInvalid');
};

export const parseEvaluationDays = (text: string): ParsedField<number> => {
  if (text.trim() === '') return ok(undefined);
  const value = parseNumber(text);
  return value !== null && Number.isInteger(value) && value >= 1 && value <= MAX_EVALUATION_DAYS
    ? ok(value)
    : fail('daysInvalid');
};

/** "10", "10 %" or "10%"; 0 means no control group and is stored as absent. */
export const parseControlPercent = (text: string): ParsedField<number> => {
  const trimmed = text.replace('%', '').trim();
  if (trimmed === '') return ok(undefined);
  const value = parseNumber(trimmed);
  if (value === null || !Number.isInteger(value) || value < 0 || value > MAX_CONTROL_PERCENT)
    return fail('percentInvalid');
  return ok(value === 0 ? undefined : value);
};

/** ISO dates compare as text. */
export const dateRangeError = (start?: string, end?: string): CampaignFieldError | null =>
  start && end && end < start ? 'endBeforeStart' : null;

/** Roughly how many members a share holds back; the exact split is stratified when the group is first used. */
export const controlEstimate = (members: number, percent: number | undefined): number =>
  Math.round(((percent ?? 0) / 100) * members);
