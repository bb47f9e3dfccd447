import type { Language } from '../kernel/language';
import type { Problem } from '../kernel/problems';
import { problem } from '../kernel/problems';
import type { CellValue, SheetTable, TableData } from '../kernel/sheetTable';
import { stableId } from '../kernel/stableHash';
import type { Member } from '../group/targetGroupModel';
import type { CampaignLeads } from '../state/state';
import type { AppendedRows, CellWrite } from '../workbook/workbookPort';
import {
  COPIED_FIELDS,
  fieldFingerprint,
  fingerprint,
  isRecordableLeadId,
  parseLeadRecords,
  serializeLeadRecords,
  type CopiedField,
  type LeadRecords,
} from './leadRecords';
import {
  HEADER_SEARCH_ROWS,
  LEAD_FIELDS,
  LEAD_HEADERS,
  LEAD_STATUS_LABELS,
  isBlankCell,
  isBlankRow,
  isPrintableAscii,
  normalizeLabel,
  readLeadsHeader,
  rowBelongsTo,
  sheetLanguage,
  textOf,
  type LeadField,
  type LeadsHeader,
} from './leadsSheet';

/** Dates are not text: a text-formatted column would turn dates people type into text. */
const DATE_FIELDS: ReadonlySet<LeadField> = new Set(['followUp', 'created', 'updated']);

export interface LeadsMergeInput {
  /** The Leads sheet as read, or null when there is none yet. */
  existing: SheetTable | null;
  campaign: { id: string; name: string };
  members: Member[];
  /** ISO timestamp of this run. */
  now: string;
  lang: Language;
  /** What the add-in wrote into this campaign's leads before; absent on a first run and in older workbooks. */
  previous?: CampaignLeads;
  /** Create leads again that people deleted from the sheet (the pane offers it). */
  recreateDeleted?: boolean;
}

/** A copied field both a person and the source changed since the add-in last wrote it: the person's value stays. */
export interface LeadConflict {
  leadId: string;
  field: CopiedField;
  /** 1-based sheet row, as Excel shows it. */
  row: number;
}

export interface LeadsUpdate {
  cells: CellWrite[];
  append: AppendedRows;
}

export interface LeadsMergeResult {
  /** A sheet without content yet: the whole table to write. */
  table: TableData | null;
  /** A sheet people work in: the cells to change and the rows to append; null with `table`. */
  update: LeadsUpdate | null;
  /** What the add-in now knows it wrote, for the state. */
  record: CampaignLeads;
  /** New leads appended for members that had none. */
  created: number;
  /** Existing leads whose contact details were updated from the source. */
  updated: number;
  unchanged: number;
  /** Leads of this campaign whose person is no longer in the target group; kept as they are. */
  notInGroup: number;
  /** Copied fields people changed by hand; their values stay. */
  keptByHand: number;
  /** Fields people and the source both changed; listed in the summary. */
  conflicts: LeadConflict[];
  /** Leads the add-in created that people deleted from the sheet; not created again. */
  deleted: number;
  /** Leads whose person was merged into another member since: kept, marked with that member's Lead-ID. */
  merged: number;
  /** An 'error' problem means the existing sheet could not be understood: write nothing. */
  problems: Problem[];
}

/** The column that marks a lead whose person was merged into another member's lead (its Lead-ID there). */
export const MERGED_HEADERS: Record<Language, string> = { de: 'Zusammengeführt in', en: 'Merged into' };

const MERGED_LABELS: ReadonlySet<string> = new Set(Object.values(MERGED_HEADERS).map(normalizeLabel));

/** Lead ids derive from the campaign id (stable across renames) and the member's identity key. */
export const leadIdFor = (campaignId: string, memberKey: string): string =>
  `L-${stableId(`${campaignId}\u0000${memberKey}`)}`;

interface Layout {
  /** Index of the header row in the rows read; -1 for a new sheet. */
  headerIndex: number;
  /** The header row's texts; appended rows are laid out like it. */
  headers: string[];
  width: number;
  columns: Partial<Record<LeadField, number>>;
  language: Language;
  /** 0-based sheet row and column of rows[0][0]. */
  top: number;
  left: number;
  /** The "Zusammengeführt in" column; added right of the others when the first lead needs it. */
  mergedColumn?: number;
}

const layoutOf = (existing: SheetTable, header: LeadsHeader, fallback: Language): Layout => {
  const width = existing.rows.reduce((max, row) => Math.max(max, row.length), 0);
  const headers = Array.from({ length: width }, (_, i) => header.headers[i] ?? '');
  return {
    headerIndex: header.index,
    headers,
    width,
    columns: header.columns,
    language: sheetLanguage(headers, fallback),
    top: (existing.startRow ?? 1) - 1,
    left: (existing.startColumn ?? 1) - 1,
    mergedColumn: mergedColumnOf(headers),
  };
};

const mergedColumnOf = (headers: readonly string[]): number | undefined => {
  const index = headers.findIndex((header) => MERGED_LABELS.has(normalizeLabel(header)));
  return index < 0 ? undefined : index;
};

const freshLayout = (lang: Language): Layout => ({
  headerIndex: -1,
  headers: LEAD_FIELDS.map((field) => LEAD_HEADERS[lang][field]),
  width: LEAD_FIELDS.length,
  columns: Object.fromEntries(LEAD_FIELDS.map((field, i) => [field, i])),
  language: lang,
  top: 0,
  left: 0,
});

const copiedValue = (field: CopiedField, member: Member): string => {
  const person = member.recipient;
  return field === 'phone' ? person.phone || person.mobile : person[field];
};

/** textOf(cell) === text, without trimming a cell that already holds exactly the (untrimmable) text. */
const holdsText = (cell: CellValue | undefined, text: string): boolean =>
  (cell === text &&
    isPrintableAscii(text.charCodeAt(0)) &&
    isPrintableAscii(text.charCodeAt(text.length - 1))) ||
  textOf(cell) === text;

const parseNow = (now: string): Date => {
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) throw new RangeError(`mergeLeads: invalid timestamp ${now}`);
  return date;
};

/** Three-way decision per copied field between the sheet, the source and what the add-in last wrote. */
type FieldDecision = 'same' | 'write' | 'keptByHand' | 'conflict' | 'noSource';

const decide = (cell: CellValue, source: string, base: string | undefined): FieldDecision => {
  if (holdsText(cell, source)) return 'same';
  if (source === '') return 'noSource'; // an empty source value never erases what people entered
  // a lead an older version wrote has no fingerprint: a difference may be a person's correction, so it stays
  if (base === undefined) return 'keptByHand';
  const current = fingerprint(textOf(cell));
  if (current === base) return 'write';
  return fingerprint(source) === base ? 'keptByHand' : 'conflict';
};

/** Everything one merge collects while it walks the sheet. */
class MergeState {
  readonly cells: CellWrite[] = [];
  readonly appended: CellValue[][] = [];
  readonly conflicts: LeadConflict[] = [];
  readonly problems: Problem[] = [];
  readonly records: LeadRecords = new Map();
  counts = { created: 0, updated: 0, unchanged: 0, notInGroup: 0, keptByHand: 0, deleted: 0, merged: 0 };
}

interface MergeContext {
  input: LeadsMergeInput;
  layout: Layout;
  previous: LeadRecords;
  timestamp: Date;
  state: MergeState;
  /** Fingerprints of the campaign name the add-in last wrote (if recorded) and of its id, hashed once per merge. */
  campaignBase: { name: string | undefined; id: string };
}

/** The campaign's own columns: its name follows a rename unless people changed it; its id never changes. */
const refreshCampaignColumns = (context: MergeContext, row: CellValue[], sheetRow: number): boolean => {
  const { layout, input, state } = context;
  let changed = false;
  const write = (field: LeadField, value: string, base: string | undefined) => {
    const column = layout.columns[field];
    if (column === undefined || decide(row[column], value, base) !== 'write') return;
    state.cells.push({ row: sheetRow, column: layout.left + column, value });
    changed = true;
  };
  const campaignColumn = layout.columns.campaign;
  // without a record the name in the cell is taken as the add-in's: campaign names are not people's data
  const nameBase =
    context.campaignBase.name ??
    (campaignColumn === undefined ? undefined : fingerprint(textOf(row[campaignColumn])));
  write('campaign', input.campaign.name, nameBase);
  write('campaignId', input.campaign.id, context.campaignBase.id);
  return changed;
};

/** Updates a lead found on the sheet; returns the fingerprints to record for it. */
const refreshLead = (
  context: MergeContext,
  row: CellValue[],
  rowIndex: number,
  leadId: string,
  member: Member,
): string => {
  const { layout, previous, state } = context;
  const sheetRow = layout.top + rowIndex;
  const recorded = previous.get(leadId);
  let changed = refreshCampaignColumns(context, row, sheetRow);
  const fingerprints = COPIED_FIELDS.map((field, i) => {
    const source = copiedValue(field, member);
    const base = recorded === undefined ? undefined : fieldFingerprint(recorded, i);
    const column = layout.columns[field];
    const decision = column === undefined ? 'same' : decide(row[column], source, base);
    if (decision === 'write') {
      state.cells.push({ row: sheetRow, column: layout.left + column!, value: source });
      changed = true;
    } else if (decision === 'keptByHand' || decision === 'conflict') {
      state.counts.keptByHand++;
      if (decision === 'conflict') state.conflicts.push({ leadId, field, row: sheetRow + 1 });
    }
    return decision === 'noSource' ? (base ?? fingerprint(textOf(row[column!]))) : fingerprint(source);
  });
  changed = clearMergedMark(context, row, sheetRow) || changed;
  const updated = layout.columns.updated;
  if (changed && updated !== undefined)
    state.cells.push({ row: sheetRow, column: layout.left + updated, value: context.timestamp });
  state.counts[changed ? 'updated' : 'unchanged']++;
  // joined, not added up: a string grown by += is a chain of pieces, and a lead's record is kept until saved
  return fingerprints.join('');
};

/** A lead whose person came apart from a merge again is their own lead again: the mark goes. */
const clearMergedMark = (context: MergeContext, row: CellValue[], sheetRow: number): boolean => {
  const column = context.layout.mergedColumn;
  if (column === undefined || isBlankCell(row[column])) return false;
  context.state.cells.push({ row: sheetRow, column: context.layout.left + column, value: null });
  return true;
};

/** The mark column, added beside the last column (header cell included) the first time a lead needs it. */
const mergedColumn = (context: MergeContext): number => {
  const { layout, state } = context;
  if (layout.mergedColumn !== undefined) return layout.mergedColumn;
  layout.mergedColumn = layout.width;
  layout.width++;
  state.cells.push({
    row: layout.top + layout.headerIndex,
    column: layout.left + layout.mergedColumn,
    value: MERGED_HEADERS[layout.language],
  });
  return layout.mergedColumn;
};

/** Marks a lead whose person was merged into another member with the Lead-ID that member keeps. */
const markMerged = (context: MergeContext, row: CellValue[], rowIndex: number, into: string) => {
  const column = mergedColumn(context);
  const sheetRow = context.layout.top + rowIndex;
  context.state.counts.merged++;
  if (holdsText(row[column], into)) return;
  const { cells } = context.state;
  cells.push({ row: sheetRow, column: context.layout.left + column, value: into });
  const updated = context.layout.columns.updated;
  if (updated !== undefined)
    cells.push({ row: sheetRow, column: context.layout.left + updated, value: context.timestamp });
};

const newLeadRow = (context: MergeContext, leadId: string, member: Member): CellValue[] => {
  const { layout, input, timestamp } = context;
  const row: CellValue[] = new Array<CellValue>(layout.width).fill(null);
  const set = (field: LeadField, value: CellValue) => {
    const column = layout.columns[field];
    if (column !== undefined) row[column] = value;
  };
  set('leadId', leadId);
  set('campaign', input.campaign.name);
  set('campaignId', input.campaign.id);
  for (const field of COPIED_FIELDS) set(field, copiedValue(field, member));
  set('status', LEAD_STATUS_LABELS[layout.language].new);
  set('created', timestamp);
  set('updated', timestamp);
  return row;
};

const newLeadFingerprints = (member: Member): string =>
  COPIED_FIELDS.map((field) => fingerprint(copiedValue(field, member))).join('');

/** Standard text fields of the layout: ids, names, phones stay text, dates do not. */
const textColumnsOf = (layout: Layout): number[] =>
  LEAD_FIELDS.filter((field) => !DATE_FIELDS.has(field))
    .map((field) => layout.columns[field])
    .filter((column): column is number => column !== undefined)
    .sort((a, b) => a - b);

const unreadableSheet = (existing: SheetTable, previous: CampaignLeads | undefined, name: string) =>
  emptyResult(previous, name, [
    problem('headerNotFound', 'error', {
      sheet: existing.name,
      column: LEAD_HEADERS.de.leadId,
      detail: `no "${LEAD_HEADERS.de.leadId}" / "${LEAD_HEADERS.en.leadId}" header in the first ${HEADER_SEARCH_ROWS} rows`,
    }),
  ]);

const emptyResult = (
  previous: CampaignLeads | undefined,
  campaignName: string,
  problems: Problem[],
): LeadsMergeResult => ({
  table: null,
  update: null,
  record: previous ?? { campaignName, rows: '' },
  created: 0,
  updated: 0,
  unchanged: 0,
  notInGroup: 0,
  keptByHand: 0,
  conflicts: [],
  deleted: 0,
  merged: 0,
  problems,
});

/** Walks the existing lead rows: updates the campaign's leads in place, counts the rest. */
const mergeExistingRows = (context: MergeContext, rows: CellValue[][], owners: LeadOwners) => {
  const { memberAt, kept } = owners;
  const { layout, input, state } = context;
  const found = new Uint8Array(input.members.length);
  const leadColumn = layout.columns.leadId!;
  for (let r = layout.headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    if (isBlankRow(row)) continue;
    const leadId = textOf(row[leadColumn]);
    const at = memberAt.get(leadId);
    if (at !== undefined && kept[at] !== leadId) {
      markMerged(context, row, r, kept[at]!);
      const recorded = context.previous.get(leadId);
      if (recorded !== undefined) state.records.set(leadId, recorded);
    } else if (at !== undefined && found[at] === 1) {
      state.problems.push(
        problem('duplicateId', 'warning', {
          sheet: input.existing?.name,
          row: layout.top + r + 1,
          column: layout.headers[leadColumn],
          value: leadId,
        }),
      );
    } else if (at !== undefined) {
      found[at] = 1;
      const fingerprints = refreshLead(context, row, r, leadId, input.members[at]);
      if (isRecordableLeadId(leadId)) state.records.set(leadId, fingerprints);
    } else if (leadId !== '' && rowBelongsTo(row, layout.columns, input.campaign)) {
      state.counts.notInGroup++;
      const recorded = context.previous.get(leadId);
      if (recorded !== undefined) state.records.set(leadId, recorded);
    }
  }
  return found;
};

/** Members without a lead on the sheet get one, unless people deleted the one the add-in created. */
const appendNewLeads = (context: MergeContext, { memberAt, kept }: LeadOwners, found: Uint8Array) => {
  const { input, previous, state } = context;
  for (let at = 0; at < kept.length; at++) {
    const leadId = kept[at];
    if (found[at] === 1 || leadId === undefined) continue;
    const recorded = previous.get(leadId);
    if (recorded !== undefined && !input.recreateDeleted) {
      state.records.set(leadId, recorded);
      state.counts.deleted++;
      continue;
    }
    state.appended.push(newLeadRow(context, leadId, input.members[at]));
    state.records.set(leadId, newLeadFingerprints(input.members[at]));
    state.counts.created++;
  }
  // leads people deleted whose person has left the group stay deleted too
  previous.forEach((fingerprints, leadId) => {
    if (!state.records.has(leadId) && !memberAt.has(leadId)) state.records.set(leadId, fingerprints);
  });
};

interface LeadOwners {
  /** Lead id → the member it belongs to: the member's own id, and the ids of the rows merged into it. */
  memberAt: Map<string, number>;
  /** Per member the lead it keeps. */
  kept: Array<string | undefined>;
}

/**
 * The lead each member keeps: the one under its own key, else — its person was merged from people who had leads —
 * the first of theirs in sheet order. Own ids win over merged ones.
 */
const leadOwners = (
  rows: readonly CellValue[][],
  layout: Layout,
  campaignId: string,
  members: readonly Member[],
): LeadOwners => {
  const memberAt = new Map<string, number>();
  members.forEach((member, i) => {
    for (const key of member.mergedKeys ?? []) memberAt.set(leadIdFor(campaignId, key), i);
  });
  const own = members.map((member) => leadIdFor(campaignId, member.key));
  own.forEach((leadId, i) => memberAt.set(leadId, i));
  const kept: Array<string | undefined> = [];
  const leadColumn = layout.columns.leadId;
  if (leadColumn !== undefined) {
    for (let r = layout.headerIndex + 1; r < rows.length; r++) {
      const leadId = textOf(rows[r][leadColumn]);
      const at = memberAt.get(leadId);
      if (at !== undefined && (leadId === own[at] || kept[at] === undefined)) kept[at] = leadId;
    }
  }
  own.forEach((leadId, at) => {
    if (memberAt.get(leadId) === at) kept[at] ??= leadId;
  });
  return { memberAt, kept };
};

/**
 * Merges a campaign's members into the Leads sheet, which people edit: one lead per member per campaign, found again
 * by its Lead-ID wherever people moved or sorted it. The result says what to change, never the sheet as a whole:
 * new members become appended rows, changed source data becomes single cells, and a copied field is only
 * overwritten when the fingerprint shows nobody changed it since the add-in wrote it. Leads people deleted stay
 * deleted; other campaigns' leads, people's own rows and columns are never touched. When people who had leads turn
 * out to be one (a merge), one lead stays and the others keep their rows, marked "Zusammengeführt in" with its
 * Lead-ID; when they come apart again, each finds its own lead and the mark goes. Linear in rows + members.
 */
export const mergeLeads = (input: LeadsMergeInput): LeadsMergeResult => {
  const { existing, campaign, members, lang } = input;
  const timestamp = parseNow(input.now);
  const sourceRows = existing?.rows ?? [];
  const hasContent = sourceRows.some((row) => !isBlankRow(row));
  const header = hasContent ? readLeadsHeader(sourceRows) : null;
  if (existing && hasContent && !header) return unreadableSheet(existing, input.previous, campaign.name);
  const layout = header ? layoutOf(existing!, header, lang) : freshLayout(lang);
  const context: MergeContext = {
    input,
    layout,
    previous: parseLeadRecords(input.previous?.rows),
    timestamp,
    state: new MergeState(),
    campaignBase: {
      name: input.previous === undefined ? undefined : fingerprint(input.previous.campaignName),
      id: fingerprint(campaign.id),
    },
  };

  const owners = leadOwners(header ? sourceRows : [], layout, campaign.id, members);
  const found = header ? mergeExistingRows(context, sourceRows, owners) : new Uint8Array(members.length);
  appendNewLeads(context, owners, found);

  const { state } = context;
  const textColumns = textColumnsOf(layout);
  return {
    table: header
      ? null
      : {
          headers: layout.headers,
          rows: state.appended,
          textColumns,
        },
    update: header
      ? { cells: state.cells, append: { column: layout.left, rows: state.appended, textColumns } }
      : null,
    record: { campaignName: campaign.name, rows: serializeLeadRecords(state.records) },
    ...state.counts,
    conflicts: state.conflicts,
    problems: state.problems,
  };
};
