import { z } from 'zod';
import type { CampaignDefinition } from './campaign';
import { CAMPAIGN_FILE_KEYS, campaignFileSchema } from './campaignSchema';
import { parseLocatedJson, type LocatedJson, type TextPosition } from '../kernel/jsonText';
import type { Day } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import { dayToIso, isoToDay } from '../kernel/values';

const SELECTION_SOURCES = ['contacts', 'customers', 'purchasedArticles', 'inactiveCustomers'] as const;

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
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return 'is missing';
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'must be an object { … }';
  return issue.message;
};

/** Edits (insert, delete, replace, swap two neighbours) between two texts, ignoring case. */
const editDistance = (a: string, b: string): number => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++)
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[x.length][y.length];
};

/** The known key a typo most likely meant: at most two edits away, and fewer than a third of the word. */
export const suggestKey = (
  key: string,
  known: readonly string[] = CAMPAIGN_FILE_KEYS,
): string | undefined => {
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.ceil(key.length / 3));
  for (const candidate of known) {
    const distance = editDistance(key, candidate);
    if (distance <= bestDistance && (best === undefined || distance < bestDistance)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
};

type PositionOf = LocatedJson['positionOf'];
const NO_POSITIONS: PositionOf = () => undefined;

const at = (position: TextPosition | undefined) => (position ? { position } : {});

const issueProblems = (issue: z.core.$ZodIssue, json: unknown, positionOf: PositionOf): Problem[] => {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) =>
      problem('unknownCampaignKey', 'error', {
        value: pathText([...issue.path, key]),
        ...(suggestKey(key) !== undefined ? { detail: suggestKey(key) } : {}),
        ...at(positionOf([...issue.path, key])),
      }),
    );
  return [
    problem('invalidCampaign', 'error', {
      detail: `${pathText(issue.path)}: ${reason(issue, json)}`,
      ...at(positionOf(issue.path)),
    }),
  ];
};

export interface CampaignFileOptions {
  /**
   * The day the run counts as today. A selection's `asOf` after it is refused: inactivity measured from a day that
   * has not come is a typo, unless the run is told that day on purpose (the command line's --as-of).
   */
  today?: Day;
}

const asOfProblems = (definition: CampaignDefinition, today: Day, positionOf: PositionOf): Problem[] =>
  definition.selections.flatMap((selection, index) => {
    if (selection.from !== 'inactiveCustomers' || selection.asOf === undefined) return [];
    const asOf = isoToDay(selection.asOf);
    if (asOf === null || asOf <= today) return [];
    return [
      problem('asOfAfterToday', 'error', {
        value: selection.asOf,
        detail: dayToIso(today),
        ...at(positionOf(['selections', index, 'asOf'])),
      }),
    ];
  });

/**
 * Checks a campaign file (parsed JSON) against the campaign format (campaignSchema.ts). A wrong value is an
 * 'invalidCampaign' error whose detail names the place and says what is wrong, e.g. `selections[1].months: must be
 * at least 1`; an unknown key is an 'unknownCampaignKey' error with the key it most likely meant. Type names may be
 * German (Brief, Telefon, E-Mail, Veranstaltung, Sonstige).
 */
export const validateCampaignDefinition = (
  json: unknown,
  options: CampaignFileOptions = {},
  positionOf: PositionOf = NO_POSITIONS,
): Result<CampaignDefinition, Problem[]> => {
  const parsed = campaignFileSchema.safeParse(json);
  if (!parsed.success)
    return fail(parsed.error.issues.flatMap((issue) => issueProblems(issue, json, positionOf)));
  const definition: CampaignDefinition = parsed.data;
  const late = options.today === undefined ? [] : asOfProblems(definition, options.today, positionOf);
  return late.length > 0 ? fail(late) : ok(definition);
};

/** A campaign file's text: JSON syntax errors and every problem of the content say the line and column. */
export const readCampaignDefinition = (
  text: string,
  options: CampaignFileOptions = {},
): Result<CampaignDefinition, Problem[]> => {
  const json = parseLocatedJson(text);
  if (!json.ok) {
    const { position, expected, found } = json.error;
    return fail([problem('campaignFileSyntax', 'error', { position, detail: expected, value: found ?? '' })]);
  }
  const validated = validateCampaignDefinition(json.value.value, options, json.value.positionOf);
  return validated.ok ? validated : fail([...validated.error].sort(byPosition));
};

/** Top to bottom, as the user reads the file; problems without a place stay in front. */
const byPosition = (a: Problem, b: Problem): number =>
  (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);
