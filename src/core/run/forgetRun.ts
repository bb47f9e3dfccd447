import type { StoredCampaign } from '../campaign/campaign';
import { forgottenKey, forgottenToken, newSalt, tokenText, type ForgettablePerson } from '../group/forgotten';
import { identityGraph, type IdentityGraph } from '../group/identity';
import type { Language } from '../kernel/language';
import type { BlocklistSheet, Day, WorkbookData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { CellValue, SheetTable } from '../kernel/sheetTable';
import { cellText, dayToDate } from '../kernel/values';
import { blocklistWrite } from '../outputs/blocklistEntry';
import { leadIdFor } from '../outputs/leads';
import { parseLeadRecords, serializeLeadRecords } from '../outputs/leadRecords';
import { readLeadsHeader } from '../outputs/leadsSheet';
import { readBlocklists } from '../read/blocklist';
import type { AddinState, OutputRole } from '../state/state';
import { locateSheet } from '../state/ownedSheets';
import type { WorkbookPort } from '../workbook/workbookPort';
import { findSheet, hostProblems, loadCampaignData, readAddinState, saveAddinState } from './campaignRun';
import {
  describePerson,
  peopleFound,
  type PersonFound,
  type PersonQuery,
  type PersonRows,
} from './personRun';

/**
 * "Forget" (Art. 17 DSGVO with Art. 21): a person leaves every campaign's state, the contact history, the leads and
 * the add-in's own target sheets, and stays on the Sperrliste only as salted hashes (group/forgotten.ts), so that
 * they are never mailed again. The evaluations keep their figures: a forgotten member's key in a campaign's stored
 * assignment becomes an opaque one ("x:…"), so group sizes stay; their purchases no longer count for the campaign.
 * The workbook's own master data — contacts, customers, sales lines — is the firm's to delete or keep (sales lines
 * are often under a retention duty, § 147 AO, § 257 HGB): forget names those rows and leaves them alone.
 */

/** Rows forget takes out of one sheet. */
export interface ForgetSheetRows {
  sheet: string;
  kind: 'history' | 'leads' | 'blocklist' | 'addinSheet';
  tableName?: string;
  rows: number[];
}

export interface ForgetPlan {
  person: PersonFound;
  /** Rows that go. */
  deletions: ForgetSheetRows[];
  /** Rows of the firm's own sheets that name the person and stay (contacts, customers, sales). */
  remaining: PersonRows[];
  /** Campaigns whose state names the person (hand removals, stored assignment, leads record). */
  campaigns: string[];
  /** False when nothing could recognise the person again (no e-mail, no full name with firm or postal code). */
  blockable: boolean;
}

export interface ForgetOutcome extends ForgetPlan {
  /** Per sheet, whether its rows were deleted or, where the host could not move what is below, emptied in place. */
  done: Array<ForgetSheetRows & { how: 'deleted' | 'cleared' }>;
  /** The Sperrliste sheet the hashed entry went to. */
  blocklistSheet: string;
}

interface Located {
  state: AddinState;
  data: WorkbookData;
  graph: IdentityGraph;
  person: number;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The one person the query names; none or several is a problem (forget never guesses). */
const locate = async (port: WorkbookPort, query: PersonQuery): Promise<Result<Located, Problem[]>> => {
  const state = await readAddinState(port);
  if (!state.ok) return state;
  const data = await loadCampaignData(port, state.value, { name: '', type: 'other', selections: [] });
  if (!data.ok) return fail(data.error);
  const graph = identityGraph(data.value);
  const people = peopleFound(graph, query);
  const value = [query.email, query.name, query.firm].filter((part) => part !== undefined).join(', ');
  if (people.length === 0) return fail([problem('forgetNotFound', 'error', { value })]);
  if (people.length > 1)
    return fail([
      problem('forgetAmbiguous', 'error', {
        value,
        detail: people.map((p) => describeName(graph, p)).join('; '),
      }),
    ]);
  return ok({ state: state.value, data: data.value, graph, person: people[0] });
};

const describeName = (graph: IdentityGraph, person: number): string => {
  const recipient = graph.personRecipient(person);
  const name = `${recipient.firstName} ${recipient.lastName}`.trim() || recipient.company;
  const source = graph.records.source(person);
  return `${name}${recipient.email ? ` <${recipient.email}>` : ''} (${source.sheet} ${source.row})`;
};

/** The Excel table whose data rows hold all the given rows, if any. */
const tableOver = (table: SheetTable, rows: readonly number[]): string | undefined =>
  table.tables?.find((t) =>
    rows.every(
      (row) => row > t.area.top - (t.hasHeaderRow ? 0 : 1) && row <= t.area.bottom - t.totalsRowCount,
    ),
  )?.name;

const rowsWhere = (
  table: SheetTable,
  from: number,
  test: (cells: readonly CellValue[]) => boolean,
): number[] => {
  const start = table.startRow ?? 1;
  const rows: number[] = [];
  for (let i = from; i < table.rows.length; i++) if (test(table.rows[i])) rows.push(start + i);
  return rows;
};

/** A row names the person when a cell holds one of their e-mails, or their first and last name. */
const namesAnyOf = (people: readonly ForgettablePerson[]) => {
  const emails = new Set(people.map((p) => p.email.trim().toLowerCase()).filter(Boolean));
  const names = people.filter((p) => p.firstName.trim() !== '' && p.lastName.trim() !== '');
  return (cells: readonly CellValue[]): boolean => {
    const texts = new Set(cells.map((cell) => cellText(cell).trim().toLowerCase()).filter(Boolean));
    for (const email of emails) if (texts.has(email) || texts.has(`mailto:${email}`)) return true;
    return names.some((p) => {
      const first = p.firstName.trim().toLowerCase();
      const last = p.lastName.trim().toLowerCase();
      return texts.has(`${first} ${last}`) || (texts.has(first) && texts.has(last));
    });
  };
};

const ROLES_TO_CLEAN: readonly OutputRole[] = ['leads', 'target', 'csv'];

/** The rows of the add-in's own sheets that name the person: the leads (also by lead id), target and CSV sheets. */
const ownSheetRows = async (
  port: WorkbookPort,
  located: Located,
  people: readonly ForgettablePerson[],
  keys: readonly string[],
): Promise<ForgetSheetRows[]> => {
  const { state } = located;
  const sheets = await port.listSheets();
  const names = namesAnyOf(people);
  const leadIds = new Set(state.campaigns.flatMap((c) => keys.map((key) => leadIdFor(c.id, key))));
  const found: ForgetSheetRows[] = [];
  const seen = new Set<string>();
  for (const owned of state.sheets ?? []) {
    if (!ROLES_TO_CLEAN.includes(owned.role)) continue;
    const sheet = locateSheet(owned, sheets);
    if (!sheet || seen.has(sheet.name.toLowerCase())) continue;
    seen.add(sheet.name.toLowerCase());
    const table = await port.readSheet(sheet.name);
    let rows: number[];
    if (owned.role === 'leads') {
      const header = readLeadsHeader(table.rows);
      if (!header) continue;
      const idColumn = header.columns.leadId;
      rows = rowsWhere(
        table,
        header.index + 1,
        (cells) => (idColumn !== undefined && leadIds.has(cellText(cells[idColumn] ?? null))) || names(cells),
      );
    } else rows = rowsWhere(table, 1, names);
    if (rows.length === 0) continue;
    const kind = owned.role === 'leads' ? 'leads' : 'addinSheet';
    const tableName = tableOver(table, rows) ?? owned.table;
    found.push({ sheet: sheet.name, kind, ...(tableName ? { tableName } : {}), rows });
  }
  return found;
};

/** Clear-text Sperrliste rows that name the person: they give way to the hashed entry. */
const blocklistRows = (
  lists: readonly BlocklistSheet[],
  people: readonly ForgettablePerson[],
): ForgetSheetRows[] =>
  lists.flatMap((list) => {
    const rows = list.entries
      .filter(
        (entry) =>
          !entry.forgotten &&
          people.some(
            (p) =>
              (entry.email !== '' && same(entry.email, p.email)) ||
              (entry.lastName !== '' &&
                same(entry.lastName, p.lastName) &&
                same(entry.firstName, p.firstName) &&
                (entry.postalCode === '' || p.postalCode === '' || same(entry.postalCode, p.postalCode))),
          ),
      )
      .map((entry) => entry.row);
    return rows.length === 0
      ? []
      : [
          {
            sheet: list.sheet,
            kind: 'blocklist' as const,
            ...(list.tableName ? { tableName: list.tableName } : {}),
            rows,
          },
        ];
  });

const campaignsNaming = (
  campaigns: readonly StoredCampaign[],
  keys: ReadonlySet<string>,
  state: AddinState,
) =>
  campaigns.filter((c) => {
    const leadIds = [...keys].map((key) => leadIdFor(c.id, key));
    const records = parseLeadRecords(state.leads?.[c.id]?.rows);
    return (
      (c.removed ?? []).some((key) => keys.has(key)) ||
      (c.assignment?.control ?? []).some((key) => keys.has(key)) ||
      (c.assignment?.contacted ?? []).some((key) => keys.has(key)) ||
      leadIds.some((id) => records.has(id))
    );
  });

const planOf = async (port: WorkbookPort, located: Located): Promise<ForgetPlan> => {
  const { graph, person, data, state } = located;
  const found = await describePerson(port, state, data, graph, person);
  const people: ForgettablePerson[] = graph.recordsOf(person).map((r) => graph.records.recipient(r));
  const keys = new Set(found.keys);
  const history = data.history;
  const historyRows = (history?.entries ?? []).filter((e) => keys.has(e.key)).map((e) => e.row);
  const deletions: ForgetSheetRows[] = [
    ...(history && historyRows.length > 0
      ? [
          {
            sheet: history.sheet,
            kind: 'history' as const,
            ...(history.tableName ? { tableName: history.tableName } : {}),
            rows: historyRows,
          },
        ]
      : []),
    ...(await ownSheetRows(port, located, people, found.keys)),
    ...blocklistRows(data.blocklists ?? [], people),
  ];
  return {
    person: found,
    deletions,
    remaining: found.rows.filter((rows) => ['contact', 'customer', 'sale'].includes(rows.kind)),
    campaigns: campaignsNaming(state.campaigns, keys, state).map((c) => c.name),
    blockable: people.some((p) => forgottenToken(p, 'probe') !== null),
  };
};

/** What forget would remove, without changing anything (the command line's --dry-run, the pane's question). */
export const planForget = (port: WorkbookPort, query: PersonQuery): Promise<Result<ForgetPlan, Problem[]>> =>
  hostProblems(async () => {
    const located = await locate(port, query);
    return located.ok ? ok(await planOf(port, located.value)) : located;
  });

/** The state without the person: hand removals dropped, assignment keys made opaque, leads records dropped. */
export const stateWithout = (state: AddinState, keys: ReadonlySet<string>, salt: string): AddinState => {
  const opaque = (list: string[]) => list.map((key) => (keys.has(key) ? forgottenKey(key, salt) : key));
  const leads = Object.fromEntries(
    Object.entries(state.leads ?? {}).map(([campaignId, entry]) => {
      const records = parseLeadRecords(entry.rows);
      for (const key of keys) records.delete(leadIdFor(campaignId, key));
      return [campaignId, { ...entry, rows: serializeLeadRecords(records) }];
    }),
  );
  return {
    ...state,
    forgetSalt: salt,
    campaigns: state.campaigns.map((c) => ({
      ...c,
      ...(c.removed ? { removed: c.removed.filter((key) => !keys.has(key)) } : {}),
      ...(c.assignment
        ? { assignment: { control: opaque(c.assignment.control), contacted: opaque(c.assignment.contacted) } }
        : {}),
    })),
    ...(state.leads ? { leads } : {}),
  };
};

export interface ForgetOptions {
  today: Day;
  lang: Language;
  /** Where a new salt comes from (tests pass a fixed one). */
  salt?: () => string;
}

/**
 * Forgets the one person the query names. Order: the hashed Sperrliste entry first — should anything after it fail,
 * the person is at least never mailed again — then the rows, then the state.
 */
export const forgetPerson = (
  port: WorkbookPort,
  query: PersonQuery,
  options: ForgetOptions,
): Promise<Result<ForgetOutcome, Problem[]>> =>
  hostProblems(async () => {
    const located = await locate(port, query);
    if (!located.ok) return located;
    const plan = await planOf(port, located.value);
    const { graph, person, state, data } = located.value;
    const salt = state.forgetSalt ?? (options.salt ?? newSalt)();
    const people = graph.recordsOf(person).map((r) => graph.records.recipient(r));
    const tokens = [
      ...new Set(people.flatMap((p) => forgottenToken(p, salt) ?? []).map((token) => tokenText(token))),
    ];
    if (tokens.length === 0)
      return fail([problem('forgetUnrecognisable', 'error', { value: plan.person.name })]);
    const blocklistSheet = await addTokens(port, data.blocklists ?? [], tokens, options);
    if (!blocklistSheet.ok) return blocklistSheet;
    const done: ForgetOutcome['done'] = [];
    for (const deletion of plan.deletions) {
      const { how, rows } = await port.deleteRows(deletion);
      if (rows > 0) done.push({ ...deletion, how });
    }
    await saveAddinState(port, stateWithout(state, new Set(plan.person.keys), salt));
    return ok({ ...plan, done, blocklistSheet: blocklistSheet.value });
  });

/**
 * The hashed entries go on the workbook's first Sperrliste, in its e-mail column (else its name column), one row
 * per distinct token, dated today; a workbook without a Sperrliste gets one. The list is read again first.
 */
const addTokens = async (
  port: WorkbookPort,
  known: readonly BlocklistSheet[],
  wanted: readonly string[],
  { today, lang }: ForgetOptions,
): Promise<Result<string, Problem[]>> => {
  let tokens = [...wanted];
  const sheets = await port.listSheets();
  const tables: SheetTable[] = [];
  for (const { sheet } of known) if (findSheet(sheets, sheet)) tables.push(await port.readSheet(sheet));
  const lists = readBlocklists(tables, {}, []);
  const present = new Set(
    lists.flatMap((l) => l.entries.flatMap((e) => (e.forgotten ? [tokenText(e.forgotten)] : []))),
  );
  // forgetting twice adds nothing: with the workbook's salt the same person gives the same entry
  tokens = tokens.filter((token) => !present.has(token));
  const list = lists[0];
  if (tokens.length === 0) return ok(lists.find((l) => l.entries.some((e) => e.forgotten))?.sheet ?? '');
  if (list === undefined) {
    const write = blocklistWrite([], { ...NO_ONE, email: tokens[0] }, today, lang, sheets);
    if (!write.ok || write.value.kind !== 'create') return write.ok ? fail([]) : write;
    const request = write.value.request;
    const width = request.data.headers.length;
    const dated = request.data.rows[0][width - 1];
    request.data.rows = tokens.map((token) => [token, ...new Array<CellValue>(width - 2).fill(null), dated]);
    await port.writeTable(request);
    return ok(write.value.sheet);
  }
  const column = list.columns.email ?? list.columns.lastName ?? list.columns.fullName;
  if (column === undefined)
    return fail([problem('blocklistCannotName', 'error', { sheet: list.sheet, row: list.headerRow })]);
  await port.updateTable({
    sheet: list.sheet,
    ...(list.tableName ? { tableName: list.tableName } : {}),
    cells: [],
    append: {
      column: (list.startColumn ?? 1) - 1,
      rows: tokens.map((token) => {
        const row: CellValue[] = list.headers.map(() => null);
        row[column] = token;
        if (list.dateColumn !== undefined) row[list.dateColumn] = dayToDate(today);
        return row;
      }),
      textColumns: [column],
    },
  });
  return ok(list.sheet);
};

const NO_ONE = { email: '', firstName: '', lastName: '', street: '', postalCode: '', city: '' };
