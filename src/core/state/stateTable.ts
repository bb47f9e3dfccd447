import { z } from 'zod';
import type { CampaignDefinition, GroupAssignment, StoredCampaign } from '../campaign/campaign';
import { mergeAssignments } from '../group/controlGroup';
import { contactLimitSchema, storedCampaignSchema, storedMappingSchema } from '../campaign/campaignSchema';
import type { Problem } from '../kernel/problems';
import { problem } from '../kernel/problems';
import type { Result } from '../kernel/result';
import { fail, ok } from '../kernel/result';
import type { CellValue, SheetTable, TableData } from '../kernel/sheetTable';
import type { AddinState } from './state';
import { STATE_SHEET } from '../workbook/sheetNames';
import { OUTPUT_ROLES, STATE_VERSION, emptyState } from './state';
import { stableId } from '../kernel/stableHash';

export const STATE_HEADERS = ['Schluessel', 'Teil', 'Daten'] as const;
const VERSION_KEY = 'version';
const STATE_KEY = 'state';
/** An Excel cell holds at most 32,767 characters; stay well below. */
export const STATE_CHUNK_SIZE = 30_000;
/**
 * Framing each part keeps it intact through every host: a part starting with "'" or "=" would lose its apostrophe or
 * turn into a formula in Excel, and an adapter that trims text would cut spaces at its ends.
 */
const PART_FRAME = '|';

const stateSchema = z.looseObject({
  version: z.literal(STATE_VERSION),
  campaigns: z.array(storedCampaignSchema),
  mapping: storedMappingSchema.optional(),
  ownedSheets: z.array(z.string()),
  sheets: z
    .array(
      z.looseObject({
        role: z.enum(OUTPUT_ROLES),
        name: z.string(),
        id: z.string().optional(),
        table: z.string().optional(),
        campaignId: z.string().optional(),
      }),
    )
    .optional(),
  leads: z.record(z.string(), z.looseObject({ campaignName: z.string(), rows: z.string() })).optional(),
  contactLimit: contactLimitSchema('stored').optional(),
  forgetSalt: z.string().optional(),
});

/** Splits without cutting a surrogate pair: a lone half would not survive the trip through the file. */
const chunks = (text: string): string[] => {
  const parts: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + STATE_CHUNK_SIZE, text.length);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
};

/** The state sheet's content: a version row, then the state as JSON in numbered parts. All text except "Teil". */
export const stateToTable = (state: AddinState): TableData => ({
  headers: [...STATE_HEADERS],
  rows: [
    [VERSION_KEY, 1, String(state.version)],
    ...chunks(JSON.stringify(state)).map((part, i) => [
      STATE_KEY,
      i + 1,
      `${PART_FRAME}${part}${PART_FRAME}`,
    ]),
  ],
  textColumns: [0, 2],
});

/** A state cell as the text it was stored as (timestamps as ISO strings). */
const storedText = (cell: CellValue | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell);

const invalid = (detail: string): Problem => problem('invalidState', 'error', { sheet: STATE_SHEET, detail });

type Parts = { version: string | null; state: Map<number, string> };

const collectParts = (rows: CellValue[][]): Parts => {
  const parts: Parts = { version: null, state: new Map() };
  for (const row of rows) {
    const key = storedText(row[0]).trim();
    if (key === VERSION_KEY) parts.version = storedText(row[2]).trim();
    if (key === STATE_KEY) parts.state.set(Number(storedText(row[1])), storedText(row[2]));
  }
  return parts;
};

const joinParts = (state: Map<number, string>): Result<string, Problem> => {
  const numbers = [...state.keys()];
  const wrongNumber = numbers.find((part) => !Number.isInteger(part) || part < 1);
  if (wrongNumber !== undefined) return fail(invalid(`a part has no valid number (${wrongNumber})`));
  const count = Math.max(...numbers);
  const texts: string[] = [];
  for (let part = 1; part <= count; part++) {
    const text = state.get(part);
    if (text === undefined) return fail(invalid(`part ${part} of ${count} is missing`));
    const framed = text.length >= 2 && text.startsWith(PART_FRAME) && text.endsWith(PART_FRAME);
    if (!framed)
      return fail(
        invalid(`part ${part} of ${count} is damaged (it must start and end with "${PART_FRAME}")`),
      );
    texts.push(text.slice(1, -1));
  }
  return ok(texts.join(''));
};

const parseJson = (text: string): Result<unknown, Problem> => {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return fail(invalid(`the data is not valid JSON (${(error as Error).message})`));
  }
};

const checkVersion = (version: string | null): Problem | null => {
  if (version === null) return invalid('the version row is missing');
  const number = Number(version);
  if (!Number.isInteger(number) || number < 1) return invalid(`unknown version "${version}"`);
  if (number > STATE_VERSION) {
    return invalid(
      `version ${number} was written by a newer add-in (this one reads ${STATE_VERSION}); update the add-in`,
    );
  }
  return null;
};

/**
 * Reads the add-in's state sheet. An empty sheet is an empty state; anything unreadable — a newer version, a missing
 * part, broken JSON, a wrong field — is an 'invalidState' problem, never a silently empty state that a later write
 * would use to overwrite the user's campaigns.
 */
export const stateFromSheet = (table: SheetTable): Result<AddinState, Problem> => {
  const headerIndex = table.rows.findIndex((row) => storedText(row[0]).trim() === STATE_HEADERS[0]);
  if (headerIndex < 0) {
    const blank = table.rows.every((row) => row.every((cell) => storedText(cell).trim() === ''));
    return blank
      ? ok(emptyState())
      : fail(invalid(`the header row "${STATE_HEADERS.join(' | ')}" is missing`));
  }
  const parts = collectParts(table.rows.slice(headerIndex + 1));
  const versionProblem = checkVersion(parts.version);
  if (versionProblem) return fail(versionProblem);
  if (parts.state.size === 0) return fail(invalid('the data rows are missing'));
  const joined = joinParts(parts.state);
  if (!joined.ok) return joined;
  const json = parseJson(joined.value);
  if (!json.ok) return json;
  const parsed = stateSchema.safeParse(json.value);
  if (!parsed.success) return fail(invalid(z.prettifyError(parsed.error)));
  const state: AddinState = parsed.data;
  return ok(state);
};

/** A campaign id from its name and creation time: deterministic, so the pure core needs no random source. */
export const newCampaignId = (name: string, now: string): string =>
  `K-${stableId(`${name.trim().toLowerCase()}\u0000${now}`)}`;

export const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const freshId = (state: AddinState, name: string, now: string): string => {
  const taken = new Set(state.campaigns.map((campaign) => campaign.id));
  let id = newCampaignId(name, now);
  for (let n = 2; taken.has(id); n++) id = newCampaignId(name, `${now}#${n}`);
  return id;
};

/**
 * Adds or updates a campaign in the state. The same id (a rename from the task pane) or else the same name, ignoring
 * case, is the same campaign: it keeps its id and creation time, so its leads stay its leads. It also keeps its
 * start and group assignment when the definition has none (a campaign file run again, a pane draft saved): who was
 * held back must never be forgotten, or the next use would contact the control group.
 */
export const upsertCampaign = (
  state: AddinState,
  definition: CampaignDefinition & { id?: string; assignment?: GroupAssignment; members?: string[] },
  now: string,
  memberCount: number,
  targetSheet?: string,
): { state: AddinState; campaign: StoredCampaign } => {
  const index = state.campaigns.findIndex((campaign) =>
    definition.id !== undefined ? campaign.id === definition.id : sameName(campaign.name, definition.name),
  );
  const previous = index >= 0 ? state.campaigns[index] : undefined;
  const campaign: StoredCampaign = {
    ...definition,
    id: previous?.id ?? definition.id ?? freshId(state, definition.name, now),
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    memberCount,
    targetSheet: targetSheet ?? previous?.targetSheet,
    start: definition.start ?? previous?.start,
    assignment: mergeAssignments(previous?.assignment, definition.assignment),
    // only a use or an accepted refresh sets it (they store the campaign themselves); a draft's copy may be stale
    members: previous?.members ?? definition.members,
  };
  for (const field of ['targetSheet', 'start', 'assignment', 'members'] as const)
    if (campaign[field] === undefined) delete campaign[field];
  const campaigns =
    index >= 0 ? state.campaigns.map((c, i) => (i === index ? campaign : c)) : [...state.campaigns, campaign];
  const ownsTarget =
    targetSheet === undefined ||
    state.ownedSheets.some((sheet) => sheet.toLowerCase() === targetSheet.toLowerCase());
  const ownedSheets = ownsTarget ? state.ownedSheets : [...state.ownedSheets, targetSheet];
  return { state: { ...state, campaigns, ownedSheets }, campaign };
};
