/**
 * What every benchmark part measures: the scales, the campaign with its four selections, the edited Leads sheet, the
 * floor (one plain pass over every cell) and the whole pipeline. Shared with test/bench so the correctness check
 * runs exactly what the benchmark times.
 */
import type { CampaignDefinition, SheetSelection } from '../src/core/campaign/campaign';
import type { WorkbookData } from '../src/core/kernel/model';
import { toCsv } from '../src/core/outputs/csv';
import { mergeLeads, type LeadsMergeResult } from '../src/core/outputs/leads';
import { LEAD_HEADERS } from '../src/core/outputs/leadsSheet';
import type { CampaignLeads } from '../src/core/state/state';
import { targetGroupTable } from '../src/core/outputs/targetTable';
import { parseWorkbook } from '../src/core/read/parseWorkbook';
import { describeSelection } from '../src/core/select/selectionLabels';
import type { CellValue, SheetTable, TableData } from '../src/core/kernel/sheetTable';
import { buildTargetGroup } from '../src/core/group/targetGroup';
import type { TargetGroup } from '../src/core/group/targetGroupModel';
import { isoToDay } from '../src/core/kernel/values';
import { DEFAULT_SIZES, seededRandom, type SyntheticSizes } from '../src/sample/syntheticWorkbook';

export const SCALE_NAMES = ['tiny', 'S', 'M', 'L', 'C200'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

/**
 * L's sales sheet fills Excel's 1,048,576 rows with its header and totals row (one more and Excel could not hold it). `tiny` is for the jest check only. C200 is the
 * command line's workbook: 200,000 contacts with 1,000,000 sales lines (≤ 60 s, ≤ 1.5 GB RSS).
 */
export const SCALES: Record<ScaleName, SyntheticSizes> = {
  tiny: { ...DEFAULT_SIZES, contacts: 3_000, customers: 600, sales: 30_000 },
  S: { ...DEFAULT_SIZES, contacts: 10_000, customers: 2_000, sales: 100_000 },
  M: { ...DEFAULT_SIZES, contacts: 100_000, customers: 20_000, sales: 1_000_000 },
  L: { ...DEFAULT_SIZES, contacts: 300_000, customers: 60_000, sales: 1_048_574 },
  C200: { ...DEFAULT_SIZES, contacts: 200_000, customers: 40_000, sales: 1_000_000 },
};

/** Measured runs after one warm-up: fewer at the larger scales to keep `npm run bench` under ten minutes. */
export const DEFAULT_RUNS: Record<ScaleName, number> = { tiny: 3, S: 7, M: 5, L: 3, C200: 3 };

export const AS_OF = '2026-05-31';
export const TODAY = isoToDay(AS_OF) as number;
const FIRST_MERGE = '2026-05-31T10:00:00Z';
export const MERGE_NOW = '2026-06-01T10:00:00Z';
export const CAMPAIGN_REF = { id: 'bench-campaign', name: 'Frühjahr 2026' };

export const SELECTION_NAMES = ['contacts', 'customers', 'purchasedArticles', 'inactiveCustomers'] as const;
export type SelectionName = (typeof SELECTION_NAMES)[number];

export const SELECTIONS: Record<SelectionName, SheetSelection> = {
  contacts: {
    from: 'contacts',
    filter: [
      { column: 'Position', op: 'in', value: ['Einkauf', 'Geschäftsführung'] },
      { column: 'E-Mail', op: 'isNotEmpty' },
    ],
  },
  customers: {
    from: 'customers',
    filter: [
      { column: 'Branche', op: 'equals', value: 'Bau' },
      { column: 'PLZ', op: 'gte', value: '01000' },
      { column: 'PLZ', op: 'lte', value: '09999' },
    ],
  },
  purchasedArticles: {
    from: 'purchasedArticles',
    articles: ['A-1001', 'A-1002', 'Artikel 17'],
    since: '2026-01-01',
    minQuantity: 5,
  },
  inactiveCustomers: { from: 'inactiveCustomers', months: 3, asOf: AS_OF },
};

export const CAMPAIGN: CampaignDefinition = {
  name: CAMPAIGN_REF.name,
  type: 'email',
  language: 'de',
  selections: SELECTION_NAMES.map((name) => SELECTIONS[name]),
};

export const SELECTION_LABELS = CAMPAIGN.selections.map((s, i) => describeSelection(s, i, 'de'));

export const parseOrThrow = (tables: SheetTable[]): WorkbookData => {
  const parsed = parseWorkbook(tables);
  if (!parsed.ok)
    throw new Error(`synthetic workbook did not parse: ${JSON.stringify(parsed.error.slice(0, 3))}`);
  return parsed.value;
};

/** A fresh copy of the data: the engine caches its sales and recipient indexes per WorkbookData object. */
export const cold = (data: WorkbookData): WorkbookData => ({ ...data });

export const buildGroup = (data: WorkbookData): TargetGroup =>
  buildTargetGroup(cold(data), CAMPAIGN, { today: TODAY });

/** The Leads sheet as people left it, and what the add-in recorded when it wrote it. */
export interface EditedLeads {
  sheet: SheetTable;
  previous: CampaignLeads;
}

/** Yesterday's source: every 13th member had another e-mail address, which the re-run brings up to date. */
const yesterday = (group: TargetGroup): TargetGroup['members'] =>
  group.members.map((member, i) =>
    i % 13 === 0
      ? { ...member, recipient: { ...member.recipient, email: `alt.${member.recipient.email}` } }
      : member,
  );

/**
 * The Leads sheet as sales staff left it a day after the first run: statuses and notes changed, a column of their
 * own added, some phone numbers corrected, rows sorted by hand (shuffled). Same size as the group; since then the
 * source changed a few e-mail addresses.
 */
export const editedLeadsSheet = (group: TargetGroup, seed: number): EditedLeads => {
  const first = mergeLeads({
    existing: null,
    campaign: CAMPAIGN_REF,
    members: yesterday(group),
    now: FIRST_MERGE,
    lang: 'de',
  });
  const { headers, rows } = first.table!;
  const status = headers.indexOf(LEAD_HEADERS.de.status);
  const note = headers.indexOf(LEAD_HEADERS.de.note);
  const phone = headers.indexOf(LEAD_HEADERS.de.phone);
  const random = seededRandom(seed);
  const edited: CellValue[][] = rows.map((row, i) => {
    const copy = [...row];
    if (i % 3 === 0) copy[status] = 'Kontaktiert';
    if (i % 7 === 0) copy[status] = 'Gewonnen';
    if (i % 5 === 0) copy[note] = `Rückruf am ${1 + (i % 28)}.06. – Angebot ${i}`;
    if (i % 10 === 0) copy[phone] = `+49 30 ${1_000_000 + i}`;
    copy.push(i % 4 === 0 ? 'Messe Köln' : '');
    return copy;
  });
  for (let i = edited.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [edited[i], edited[j]] = [edited[j], edited[i]];
  }
  return {
    sheet: { name: 'Leads', rows: [[...headers, 'Quelle Vertrieb'], ...edited] },
    previous: first.record,
  };
};

export const mergeIntoLeads = (leads: EditedLeads, group: TargetGroup): LeadsMergeResult =>
  mergeLeads({
    existing: leads.sheet,
    campaign: CAMPAIGN_REF,
    members: group.members,
    now: MERGE_NOW,
    lang: 'de',
    previous: leads.previous,
  });

export const groupTable = (group: TargetGroup): TableData =>
  targetGroupTable(group, CAMPAIGN, SELECTION_LABELS);

/**
 * The floor: one plain pass over the same input arrays that reads every cell and its type. No work on the data can
 * be faster than looking at it once; each step's time is reported as a multiple of this.
 */
export const touchEveryCell = (tables: readonly SheetTable[]): number => {
  let sum = 0;
  for (const table of tables) {
    for (const row of table.rows) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (typeof cell === 'string') sum += cell.length;
        else if (typeof cell === 'number') sum += 1;
        else if (cell !== null) sum += 2;
      }
    }
  }
  return sum;
};

export interface PipelineResult {
  members: number;
  /** Cells the leads update writes: changed fields, their dates, and the appended rows' cells. */
  leadsCellsWritten: number;
  csvChars: number;
}

/** What one campaign run does after reading the sheets: parse → group → target table → leads → CSV. */
export const runPipeline = (
  tables: SheetTable[],
  leads: EditedLeads,
  afterStep: (step: string) => void = () => undefined,
): PipelineResult => {
  const data = parseOrThrow(tables);
  afterStep('parse');
  const group = buildTargetGroup(data, CAMPAIGN, { today: TODAY });
  afterStep('group');
  const table = groupTable(group);
  afterStep('targetTable');
  const merged = mergeIntoLeads(leads, group);
  afterStep('leads');
  const csv = toCsv(table);
  afterStep('csv');
  const update = merged.update!;
  const appended = update.append.rows.reduce((sum, row) => sum + row.length, 0);
  return {
    members: group.members.length,
    leadsCellsWritten: update.cells.length + appended,
    csvChars: csv.length,
  };
};
