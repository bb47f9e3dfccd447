import type { Result } from '../kernel/result';
import { fail, ok } from '../kernel/result';
import { parseNumber } from '../kernel/values';

/**
 * The evaluation fields of a campaign as people type them (the pane's step 1), and their limits, which the campaign
 * file's validation (campaignDefinition.ts) shares.
 */

/** The longest campaign name: the pane's step 1 and the campaign file check the same limit. */
export const MAX_NAME_LENGTH = 60;
/** Ten years: "inactive for longer" is a different list (former customers), and 1e9 months is a typo. */
export const MAX_INACTIVE_MONTHS = 120;
/** Ten years of contact history, for the same reason. */
export const MAX_HISTORY_DAYS = 3650;
/** More contacts than days in a year is no limit any more. */
export const MAX_LIMIT_CONTACTS = 365;
/** Above half, the "control" group would be the campaign's majority: surely a typo. */
export const MAX_CONTROL_PERCENT = 50;
/** Two years: longer windows measure the season, not the campaign. */
export const MAX_EVALUATION_DAYS = 730;

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
export const endsBeforeStart = (start?: string, end?: string): boolean =>
  start !== undefined && end !== undefined && start !== '' && end !== '' && end < start;

export const dateRangeError = (start?: string, end?: string): CampaignFieldError | null =>
  endsBeforeStart(start, end) ? 'endBeforeStart' : null;

/** Roughly how many members a share holds back; the exact split is stratified when the group is first used. */
export const controlEstimate = (members: number, percent: number | undefined): number =>
  Math.round(((percent ?? 0) / 100) * members);
