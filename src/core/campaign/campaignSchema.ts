import { z } from 'zod';
import {
  ADDRESSEES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TYPES,
  FILTER_OPS,
  LETTER_UNITS,
  NEUTRAL_GREETINGS,
  PRIMARY_METRICS,
  SELECTION_MODES,
  type CampaignDefinition,
  type LetterUnit,
} from './campaign';
import { campaignStatusFromLabel } from './campaignStatus';
import { campaignTypeFromLabel } from './campaignTypes';
import {
  MAX_CONTROL_PERCENT,
  MAX_EVALUATION_DAYS,
  MAX_HISTORY_DAYS,
  MAX_LIMIT_CONTACTS,
  MAX_INACTIVE_MONTHS,
  MAX_NAME_LENGTH,
  endsBeforeStart,
} from './campaignFields';
import { FIELDS, SHEET_ROLES } from '../kernel/model';
import { isoToDay } from '../kernel/values';

/**
 * The campaign format, once, in its two readings:
 * - 'file': what a person writes (kampagne run --campaign). Strict: an unknown key is a typo, every limit is checked
 *   and every message says what to write instead.
 * - 'stored': what the add-in wrote into the workbook's state. Loose: keys a later add-in version adds survive a round
 *   trip through this one, and no limit may make a campaign the add-in stored unreadable.
 * Each key of CampaignDefinition has one entry below with both readings, so a new key cannot be forgotten in one.
 */
export type SchemaMode = 'file' | 'stored';

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
const storedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Ids and article numbers are text; a number written without quotes means the same. */
const idText = z
  .union([z.string(), z.number()], { error: 'must be a text or a number' })
  .transform((value) => String(value).trim())
  .refine((text) => text !== '', { error: 'must not be empty' });

const sheetRole = z.enum(SHEET_ROLES, { error: `must be one of ${SHEET_ROLES.join(', ')}` });
const sheetName = z.string({ error: 'must be a sheet name' }).trim().min(1, 'must not be empty');

const scalarValue = z.union([z.string(), z.number(), z.boolean()]);
const filterValue = z.union([scalarValue, z.array(z.union([z.string(), z.number()]))], {
  error: 'must be a text, a number, true/false or a list',
});
const NEEDS_SINGLE_VALUE: ReadonlySet<string> = new Set(['equals', 'notEquals', 'contains', 'startsWith']);
const ORDERED_OPS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);

const objectFor = (mode: SchemaMode) => (mode === 'file' ? z.strictObject : z.looseObject);

const condition = (mode: SchemaMode) => {
  const shape = objectFor(mode)({
    column:
      mode === 'file'
        ? z.string({ error: 'must be a column header or field name' }).trim().min(1, 'must not be empty')
        : z.string(),
    op: z.enum(FILTER_OPS, { error: `must be one of ${FILTER_OPS.join(', ')}` }),
    value: filterValue.optional(),
  });
  if (mode === 'stored') return shape;
  return shape.check((ctx) => {
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
};

const selectionMode = z
  .enum(SELECTION_MODES, { error: `must be one of ${SELECTION_MODES.join(', ')}` })
  .optional();

const recordSelection = (mode: SchemaMode, from: 'contacts' | 'customers') =>
  objectFor(mode)({
    from: z.literal(from),
    mode: selectionMode,
    filter: z.array(condition(mode), { error: 'must be a list of conditions' }).optional(),
    ids: z.array(mode === 'file' ? idText : z.string(), { error: 'must be a list of ids' }).optional(),
  });

const purchasedArticles = (mode: SchemaMode) => {
  const shape = objectFor(mode)({
    from: z.literal('purchasedArticles'),
    mode: selectionMode,
    articles:
      mode === 'file'
        ? z
            .array(idText, { error: 'must be a list of article numbers or names' })
            .min(1, 'needs at least one article')
        : z.array(z.string()),
    since: (mode === 'file' ? isoDate : z.string()).optional(),
    until: (mode === 'file' ? isoDate : z.string()).optional(),
    minQuantity:
      mode === 'file'
        ? z.number({ error: 'must be a number' }).positive('must be greater than 0').optional()
        : z.number().optional(),
  });
  if (mode === 'stored') return shape;
  return shape.check((ctx) => {
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
};

const inactiveCustomers = (mode: SchemaMode) =>
  objectFor(mode)({
    from: z.literal('inactiveCustomers'),
    mode: selectionMode,
    months:
      mode === 'file'
        ? z
            .number({ error: 'must be a whole number of months' })
            .int('must be a whole number of months')
            .positive('must be at least 1')
            .max(MAX_INACTIVE_MONTHS, `must be at most ${MAX_INACTIVE_MONTHS} (ten years)`)
        : z.number(),
    asOf: (mode === 'file' ? isoDate : z.string()).optional(),
    includeNeverPurchased: z.boolean({ error: 'must be true or false' }).optional(),
  });

const campaignRecipients = (mode: SchemaMode) =>
  objectFor(mode)({
    from: z.literal('campaignRecipients'),
    mode: selectionMode,
    campaign:
      mode === 'file'
        ? z.string({ error: 'must be the name of a campaign' }).trim().min(1, 'must not be empty')
        : z.string(),
    contactedOnly: z.boolean({ error: 'must be true or false' }).optional(),
  });

const recentlyContacted = (mode: SchemaMode) =>
  objectFor(mode)({
    from: z.literal('recentlyContacted'),
    mode: selectionMode,
    days:
      mode === 'file'
        ? z
            .number({ error: 'must be a whole number of days' })
            .int('must be a whole number of days')
            .positive('must be at least 1')
            .max(MAX_HISTORY_DAYS, `must be at most ${MAX_HISTORY_DAYS} (ten years)`)
        : z.number(),
  });

const selection = (mode: SchemaMode) =>
  z.discriminatedUnion('from', [
    recordSelection(mode, 'contacts'),
    recordSelection(mode, 'customers'),
    purchasedArticles(mode),
    inactiveCustomers(mode),
    campaignRecipients(mode),
    recentlyContacted(mode),
  ]);

const columnMapping = (mode: SchemaMode) =>
  mode === 'file'
    ? z.partialRecord(
        sheetRole,
        z.partialRecord(z.enum(FIELDS, { error: `must be one of ${FIELDS.join(', ')}` }), sheetName),
      )
    : z.partialRecord(sheetRole, z.record(z.string(), z.string()));

/** People write the German words too: "Person", "Firma", "Haushalt". */
const LETTER_UNIT_ALIASES: Record<string, LetterUnit> = { firma: 'firm', haushalt: 'household' };

const letterUnit = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value;
    const lower = value.trim().toLowerCase();
    return LETTER_UNIT_ALIASES[lower] ?? lower;
  },
  z.enum(LETTER_UNITS, {
    error: `must be one of ${LETTER_UNITS.join(', ')} (or Person, Firma, Haushalt)`,
  }),
);

const sheetSources = (mode: SchemaMode) =>
  z.partialRecord(sheetRole, mode === 'file' ? sheetName : z.string());

const wholeNumber = (what: string, max: number) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int(`must be a whole number of ${what}`)
    .positive('must be at least 1')
    .max(max, `must be at most ${max}`);

/** "höchstens 1 Kontakt je 30 Tage" as { "contacts": 1, "days": 30 }. */
export const contactLimitSchema = (mode: SchemaMode) =>
  objectFor(mode)({
    contacts: mode === 'file' ? wholeNumber('contacts', MAX_LIMIT_CONTACTS) : z.number(),
    days: mode === 'file' ? wholeNumber('days', MAX_HISTORY_DAYS) : z.number(),
  });

/** Both readings of every key of the campaign format. */
const KEYS = {
  name: {
    file: z
      .string({ error: 'must be a text' })
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
    stored: z.string(),
  },
  type: { file: campaignType, stored: z.enum(CAMPAIGN_TYPES) },
  description: {
    file: z.string({ error: 'must be a text' }).optional(),
    stored: z.string().optional(),
  },
  language: {
    file: z.enum(['de', 'en'], { error: 'must be "de" or "en"' }).optional(),
    stored: z.enum(['de', 'en']).optional(),
  },
  sources: { file: sheetSources('file').optional(), stored: sheetSources('stored').optional() },
  columns: { file: columnMapping('file').optional(), stored: columnMapping('stored').optional() },
  selections: {
    file: z.array(selection('file'), { error: 'must be a list of selections' }),
    stored: z.array(selection('stored')),
  },
  removed: {
    file: z.array(z.string(), { error: 'must be a list of member keys' }).optional(),
    stored: z.array(z.string()).optional(),
  },
  start: { file: isoDate.optional(), stored: storedDate.optional() },
  end: { file: isoDate.optional(), stored: storedDate.optional() },
  cost: {
    file: z
      .number({ error: 'must be an amount in euros, e.g. 450 or 1250.50' })
      .min(0, 'must not be negative')
      .optional(),
    stored: z.number().nonnegative().optional(),
  },
  evaluationDays: {
    file: z
      .number({ error: 'must be a whole number of days' })
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(MAX_EVALUATION_DAYS, `must be at most ${MAX_EVALUATION_DAYS} days`)
      .optional(),
    stored: z.number().int().positive().optional(),
  },
  status: { file: campaignStatus.optional(), stored: z.enum(CAMPAIGN_STATUSES).optional() },
  controlPercent: {
    file: z
      .number({ error: `must be a percentage from 0 to ${MAX_CONTROL_PERCENT}, e.g. 10` })
      .min(0, 'must not be negative')
      .max(MAX_CONTROL_PERCENT, `must be at most ${MAX_CONTROL_PERCENT} (percent of the members held back)`)
      .optional(),
    stored: z.number().min(0).max(100).optional(),
  },
  letterUnit: { file: letterUnit.optional(), stored: z.enum(LETTER_UNITS).optional() },
  primaryMetric: {
    file: z.enum(PRIMARY_METRICS, { error: `must be one of ${PRIMARY_METRICS.join(', ')}` }).optional(),
    stored: z.enum(PRIMARY_METRICS).optional(),
  },
  contactLimit: {
    file: contactLimitSchema('file').optional(),
    stored: contactLimitSchema('stored').optional(),
  },
  addressee: {
    file: z
      .enum(ADDRESSEES, { error: 'must be "person" (an die Person) or "company" (an die Firma, z. Hd.)' })
      .optional(),
    stored: z.enum(ADDRESSEES).optional(),
  },
  neutralGreeting: {
    file: z
      .enum(NEUTRAL_GREETINGS, {
        error: 'must be "name" (Guten Tag Anna Schmidt,) or "general" (Sehr geehrte Damen und Herren,)',
      })
      .optional(),
    stored: z.enum(NEUTRAL_GREETINGS).optional(),
  },
} satisfies Record<keyof CampaignDefinition, Record<SchemaMode, z.ZodType>>;

type Keys = typeof KEYS;
type ShapeOf<M extends SchemaMode> = { [K in keyof Keys]: Keys[K][M] };

const shapeOf = <M extends SchemaMode>(mode: M): ShapeOf<M> => {
  const shape: Partial<Record<keyof Keys, z.ZodType>> = {};
  for (const key of Object.keys(KEYS) as (keyof Keys)[]) shape[key] = KEYS[key][mode];
  return shape as ShapeOf<M>;
};

/** Every key a campaign file may hold, at any depth (roles and fields too): the candidates for "did you mean …?". */
export const CAMPAIGN_FILE_KEYS: readonly string[] = [
  ...SHEET_ROLES,
  ...FIELDS,
  ...Object.keys(KEYS),
  ...Object.keys(recordSelection('file', 'contacts').shape),
  ...Object.keys(purchasedArticles('file').shape),
  ...Object.keys(inactiveCustomers('file').shape),
  ...Object.keys(campaignRecipients('file').shape),
  ...Object.keys(recentlyContacted('file').shape),
  ...Object.keys(contactLimitSchema('file').shape),
  ...Object.keys(condition('stored').shape),
];

/** A campaign file as a person writes it. */
export const campaignFileSchema = z.strictObject(shapeOf('file')).check((ctx) => {
  const { start, end, type } = ctx.value;
  if (endsBeforeStart(start, end)) {
    ctx.issues.push({ code: 'custom', path: ['end'], message: 'must not be before "start"', input: end });
  }
  if (ctx.value.letterUnit !== undefined && type !== 'letter') {
    ctx.issues.push({
      code: 'custom',
      path: ['letterUnit'],
      message: 'applies to letter campaigns only (type "letter" / "Brief")',
      input: ctx.value.letterUnit,
    });
  }
});

/** A campaign as the add-in stored it, with the keys only a stored campaign has. */
export const storedCampaignSchema = z.looseObject({
  ...shapeOf('stored'),
  id: z.string().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  memberCount: z.number().int().nonnegative(),
  targetSheet: z.string().optional(),
  assignment: z.looseObject({ control: z.array(z.string()), contacted: z.array(z.string()) }).optional(),
  members: z.array(z.string()).optional(),
});

/** The mapping a user confirmed, as stored: sheets and columns per role, the same shape as a campaign file's. */
export const storedMappingSchema = z.looseObject({
  sheets: sheetSources('stored').optional(),
  columns: columnMapping('stored').optional(),
});
