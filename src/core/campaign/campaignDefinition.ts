import { z } from 'zod';
import {
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  FILTER_OPS,
  PRIMARY_METRICS,
  type CampaignDefinition,
} from './campaign';
import { campaignStatusFromLabel } from './campaignStatus';
import { campaignTypeFromLabel } from './campaignTypes';
import { FIELDS, SHEET_ROLES } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import { isoToDay } from '../kernel/values';
import { endsBeforeStart, MAX_CONTROL_PERCENT, MAX_EVALUATION_DAYS } from './campaignFields';

const MAX_NAME_LENGTH = 60;
const SELECTION_SOURCES = ['contacts', 'customers', 'purchasedArticles', 'inactiveCustomers'] as const;

/** People write the German type names into files by hand ("Brief"). */
const campaignType = z.preprocess(
  (value) =>
    typeof value === 'string' ? (campaignTypeFromLabel(value) ?? value.trim().toLowerCase()) : value,
  z.enum(CAMPAIGN_TYPES, { error: `must be one of ${CAMPAIGN_TYPES.join(', ')}` }),
);

const campaignStatus = z.preprocess(
  (value) => (typeof value === 'string' ? (campaignStatusFromLabel(value) ?? value) : value),
  z.enum(CAMPAIGN_STATUSES, {
    error: `must be one of ${CAMPAIGN_STATUSES.join(', ')} (or Geplant, Aktiv, Abgeschlossen)`,
  }),
);

const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD, e.g. 2026-05-31' })
  .refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && isoToDay(text) !== null, {
    error: 'must be a real date written as YYYY-MM-DD, e.g. 2026-05-31',
  });

/** Ids and article numbers are text; a number written without quotes means the same. */
const idText = z
  .union([z.string(), z.number()], { error: 'must be a text or a number' })
  .transform((value) => String(value).trim())
  .refine((text) => text !== '', { error: 'must not be empty' });

const scalarValue = z.union([z.string(), z.number(), z.boolean()]);
const NEEDS_SINGLE_VALUE: ReadonlySet<string> = new Set(['equals', 'notEquals', 'contains', 'startsWith']);
const ORDERED_OPS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);

const condition = z
  .strictObject({
    column: z.string({ error: 'must be a column header or field name' }).trim().min(1, 'must not be empty'),
    op: z.enum(FILTER_OPS, { error: `must be one of ${FILTER_OPS.join(', ')}` }),
    value: z
      .union([scalarValue, z.array(z.union([z.string(), z.number()]))], {
        error: 'must be a text, a number, true/false or a list',
      })
      .optional(),
  })
  .check((ctx) => {
    const { op, value } = ctx.value;
    const issue = (message: string) =>
      ctx.issues.push({ code: 'custom', path: ['value'], message, input: value });
    if (op === 'in' && !Array.isArray(value))
      issue('operator "in" needs a list of values, e.g. ["Köln", "Bonn"]');
    if (ORDERED_OPS.has(op) && (value === undefined || Array.isArray(value) || typeof value === 'boolean')) {
      issue(`operator "${op}" needs one number or date (YYYY-MM-DD) or text to compare with`);
    }
    if (NEEDS_SINGLE_VALUE.has(op) && (value === undefined || Array.isArray(value))) {
      issue(`operator "${op}" needs one value (for a list of values use "in")`);
    }
  });

const recordSelection = (from: 'contacts' | 'customers') =>
  z.strictObject({
    from: z.literal(from),
    filter: z.array(condition, { error: 'must be a list of conditions' }).optional(),
    ids: z.array(idText, { error: 'must be a list of ids' }).optional(),
  });

const purchasedArticles = z
  .strictObject({
    from: z.literal('purchasedArticles'),
    articles: z
      .array(idText, { error: 'must be a list of article numbers or names' })
      .min(1, 'needs at least one article'),
    since: isoDate.optional(),
    until: isoDate.optional(),
    minQuantity: z.number({ error: 'must be a number' }).positive('must be greater than 0').optional(),
  })
  .check((ctx) => {
    const { since, until } = ctx.value;
    if (since !== undefined && until !== undefined && since > until) {
      ctx.issues.push({
        code: 'custom',
        path: ['until'],
        message: 'must not be before "since"',
        input: until,
      });
    }
  });

const inactiveCustomers = z.strictObject({
  from: z.literal('inactiveCustomers'),
  months: z
    .number({ error: 'must be a whole number of months' })
    .int('must be a whole number of months')
    .positive('must be at least 1'),
  asOf: isoDate.optional(),
  includeNeverPurchased: z.boolean({ error: 'must be true or false' }).optional(),
});

const selection = z.discriminatedUnion('from', [
  recordSelection('contacts'),
  recordSelection('customers'),
  purchasedArticles,
  inactiveCustomers,
]);

const sheetName = z.string({ error: 'must be a sheet name' }).trim().min(1, 'must not be empty');
const sheetRole = z.enum(SHEET_ROLES as readonly ['contacts', 'customers', 'sales', 'articles'], {
  error: `must be one of ${SHEET_ROLES.join(', ')}`,
});

const cost = z
  .number({ error: 'must be an amount in euros, e.g. 450 or 1250.50' })
  .min(0, 'must not be negative');

const evaluationDays = z
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(MAX_EVALUATION_DAYS, `must be at most ${MAX_EVALUATION_DAYS} days`);

const controlPercent = z
  .number({ error: `must be a percentage from 0 to ${MAX_CONTROL_PERCENT}, e.g. 10` })
  .min(0, 'must not be negative')
  .max(MAX_CONTROL_PERCENT, `must be at most ${MAX_CONTROL_PERCENT} (percent of the members held back)`);

/** Unknown top-level keys are ignored (a stored campaign adds id, dates, …); unknown keys inside are typos. */
const campaign = z
  .object({
    name: z
      .string({ error: 'must be a text' })
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
    type: campaignType,
    description: z.string({ error: 'must be a text' }).optional(),
    language: z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional(),
    sources: z.partialRecord(sheetRole, sheetName).optional(),
    columns: z
      .partialRecord(
        sheetRole,
        z.partialRecord(z.enum(FIELDS, { error: `must be one of ${FIELDS.join(', ')}` }), sheetName),
      )
      .optional(),
    selections: z.array(selection, { error: 'must be a list of selections' }),
    removed: z.array(z.string(), { error: 'must be a list of member keys' }).optional(),
    start: isoDate.optional(),
    end: isoDate.optional(),
    cost: cost.optional(),
    evaluationDays: evaluationDays.optional(),
    status: campaignStatus.optional(),
    controlPercent: controlPercent.optional(),
    primaryMetric: z
      .enum(PRIMARY_METRICS, { error: `must be one of ${PRIMARY_METRICS.join(', ')}` })
      .optional(),
  })
  .check((ctx) => {
    const { start, end } = ctx.value;
    if (endsBeforeStart(start, end)) {
      ctx.issues.push({ code: 'custom', path: ['end'], message: 'must not be before "start"', input: end });
    }
  });

/** "selections[2].from" */
const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number'
        ? `${text}[${segment}]`
        : text
          ? `${text}.${String(segment)}`
          : String(segment),
    '',
  ) || 'campaign';

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (value, segment) =>
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined,
    input,
  );

const reason = (issue: z.core.$ZodIssue, input: unknown): string => {
  const value = valueAt(input, issue.path);
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] === 'from') {
    return `unknown selection source ${JSON.stringify(value)}; allowed: ${SELECTION_SOURCES.join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys')
    return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return 'is missing';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'must be an object { … }';
  return issue.message;
};

/**
 * Checks a campaign file (parsed JSON) against the format in campaign.ts. Every problem is an 'invalidCampaign' error
 * whose detail names the place and says what is wrong, e.g. `selections[1].months: must be at least 1`.
 * Type names may be German (Brief, Telefon, E-Mail, Veranstaltung, Sonstige).
 */
export const validateCampaignDefinition = (json: unknown): Result<CampaignDefinition, Problem[]> => {
  const parsed = campaign.safeParse(json);
  if (parsed.success) return ok(parsed.data as CampaignDefinition);
  return fail(
    parsed.error.issues.map((issue) =>
      problem('invalidCampaign', 'error', { detail: `${pathText(issue.path)}: ${reason(issue, json)}` }),
    ),
  );
};
