import { ForgottenMatcher } from '../group/forgotten';
import { identityGraph, type IdentityGraph } from '../group/identity';
import type { MemberGroup } from '../group/targetGroupModel';
import type { ContactChannel, ContactEntry, Day, Recipient, RowRef, WorkbookData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { CellValue } from '../kernel/sheetTable';
import { cellText } from '../kernel/values';
import { customerKey } from '../read/customerKeys';
import type { AddinState } from '../state/state';
import { STATE_SHEET } from '../workbook/sheetNames';
import type { WorkbookPort } from '../workbook/workbookPort';
import { hostProblems, loadCampaignData, readAddinState } from './campaignRun';

/** Whom `kampagne person` looks for: an e-mail address, or a name (optionally at a firm). */
export interface PersonQuery {
  email?: string;
  name?: string;
  firm?: string;
  /** One person the search found (one of PersonFound.keys): the pane forgets exactly the person shown. */
  key?: string;
}

/** What a row says about the person. */
export type RowKind = 'contact' | 'customer' | 'sale' | 'blocklist' | 'history' | 'addinSheet';

export interface PersonRows {
  sheet: string;
  kind: RowKind;
  rows: number[];
}

export interface PersonUse {
  day: Day;
  channel: ContactChannel | null;
}

export interface PersonCampaign {
  campaign: string;
  group: MemberGroup;
  /** The uses the contact history records, oldest first; none when only the campaign's state knows of them. */
  uses: PersonUse[];
}

/** One person the query found, with everything the workbook holds about them (DSGVO Art. 15). */
export interface PersonFound {
  name: string;
  email: string;
  keys: string[];
  campaigns: PersonCampaign[];
  rows: PersonRows[];
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const fullName = (person: Pick<Recipient, 'firstName' | 'lastName'>): string =>
  `${person.firstName} ${person.lastName}`.trim();

const matches = (recipient: Recipient, query: PersonQuery): boolean =>
  (query.email === undefined || same(recipient.email.replace(/^mailto:/i, ''), query.email)) &&
  (query.name === undefined || same(fullName(recipient), query.name)) &&
  (query.firm === undefined || same(recipient.company, query.firm));

/** The people (first records) the query names. */
export const peopleFound = (graph: IdentityGraph, query: PersonQuery): number[] => {
  const people = new Set<number>();
  for (let record = 0; record < graph.records.count; record++)
    if (
      query.key !== undefined
        ? graph.keyOf(record) === query.key
        : matches(graph.records.recipient(record), query)
    )
      people.add(graph.person[record]);
  return [...people].sort((a, b) => a - b);
};

const grouped = (refs: ReadonlyArray<RowRef & { kind: RowKind }>): PersonRows[] => {
  const bySheet = new Map<string, PersonRows>();
  for (const { sheet, row, kind } of refs) {
    const id = `${kind}|${sheet}`;
    const entry = bySheet.get(id) ?? { sheet, kind, rows: [] };
    if (!entry.rows.includes(row)) entry.rows.push(row);
    bySheet.set(id, entry);
  }
  return [...bySheet.values()].map((entry) => ({ ...entry, rows: entry.rows.sort((a, b) => a - b) }));
};

const campaignsOf = (keys: ReadonlySet<string>, history: readonly ContactEntry[], state: AddinState) => {
  const byCampaign = new Map<string, PersonCampaign>();
  for (const entry of history) {
    const id = entry.campaignId || entry.campaign.toLowerCase();
    const campaign = byCampaign.get(id) ?? { campaign: entry.campaign, group: 'contacted', uses: [] };
    if (entry.control) campaign.group = 'control';
    if (!campaign.uses.some((use) => use.day === entry.day && use.channel === entry.channel))
      campaign.uses.push({ day: entry.day, channel: entry.channel });
    byCampaign.set(id, campaign);
  }
  for (const stored of state.campaigns) {
    const { assignment } = stored;
    if (byCampaign.has(stored.id) || !assignment) continue;
    const group: MemberGroup | null = assignment.control.some((key) => keys.has(key))
      ? 'control'
      : assignment.contacted.some((key) => keys.has(key))
        ? 'contacted'
        : null;
    if (group) byCampaign.set(stored.id, { campaign: stored.name, group, uses: [] });
  }
  return [...byCampaign.values()]
    .map((campaign) => ({ ...campaign, uses: campaign.uses.sort((a, b) => a.day - b.day) }))
    .sort((a, b) => (a.uses[0]?.day ?? Infinity) - (b.uses[0]?.day ?? Infinity));
};

/** A row of a sheet the add-in wrote names the person when a cell holds their e-mail, or their first and last name. */
const namesPerson = (cells: readonly CellValue[], person: Recipient): boolean => {
  const texts = cells.map((cell) => cellText(cell).toLowerCase());
  if (person.email !== '' && texts.includes(person.email.toLowerCase())) return true;
  if (person.firstName === '' || person.lastName === '') return false;
  return (
    texts.includes(fullName(person).toLowerCase()) ||
    (texts.includes(person.firstName.toLowerCase()) && texts.includes(person.lastName.toLowerCase()))
  );
};

const addinSheetRows = async (
  port: WorkbookPort,
  state: AddinState,
  person: Recipient,
): Promise<PersonRows[]> => {
  const sheets = await port.listSheets();
  const own = new Set(
    state.ownedSheets.filter((name) => !same(name, STATE_SHEET)).map((name) => name.toLowerCase()),
  );
  const found: PersonRows[] = [];
  for (const sheet of sheets) {
    if (!own.has(sheet.name.toLowerCase())) continue;
    const table = await port.readSheet(sheet.name);
    const start = table.startRow ?? 1;
    const rows = table.rows.flatMap((cells, i) => (namesPerson(cells, person) ? [start + i] : []));
    if (rows.length > 0) found.push({ sheet: sheet.name, kind: 'addinSheet', rows });
  }
  return found;
};

export const describePerson = async (
  port: WorkbookPort,
  state: AddinState,
  data: WorkbookData,
  graph: IdentityGraph,
  person: number,
): Promise<PersonFound> => {
  const records = graph.recordsOf(person);
  const keys = new Set(records.map((record) => graph.keyOf(record)));
  const recipient = graph.personRecipient(person);
  const refs: Array<RowRef & { kind: RowKind }> = records.map((record) => ({
    ...graph.records.source(record),
    kind: record < graph.records.contactCount ? 'contact' : 'customer',
  }));
  const ownCustomers = new Set(
    records
      .filter((r) => r >= graph.records.contactCount)
      .map((r) => customerKey(graph.records.source(r).customerId)),
  );
  const salesSheet = data.mapping.sales?.sheet;
  if (salesSheet) {
    const owns = data.sales.customerIdTexts.map((customerId) => ownCustomers.has(customerKey(customerId)));
    for (let i = 0; i < data.sales.length; i++)
      if (owns[data.sales.customerCodes[i]])
        refs.push({ sheet: salesSheet, row: data.sales.rows[i], kind: 'sale' });
  }
  const hashed = new ForgottenMatcher(
    (data.blocklists ?? []).flatMap((list) =>
      list.entries.flatMap((entry) => (entry.forgotten ? [{ token: entry.forgotten, value: entry }] : [])),
    ),
  );
  for (const r of records) {
    const entry = hashed.match(graph.records.recipient(r));
    if (entry) refs.push({ sheet: entry.sheet, row: entry.row, kind: 'blocklist' });
  }
  for (const list of data.blocklists ?? [])
    for (const entry of list.entries)
      if (
        (entry.email !== '' && same(entry.email, recipient.email)) ||
        (entry.lastName !== '' && same(fullName(entry), fullName(recipient)))
      )
        refs.push({ sheet: entry.sheet, row: entry.row, kind: 'blocklist' });
  const history = (data.history?.entries ?? []).filter((entry) => keys.has(entry.key));
  for (const entry of history) refs.push({ sheet: entry.sheet, row: entry.row, kind: 'history' });
  return {
    name: fullName(recipient) || recipient.company,
    email: recipient.email,
    keys: [...keys],
    campaigns: campaignsOf(keys, history, state),
    rows: [...grouped(refs), ...(await addinSheetRows(port, state, recipient))],
  };
};

/**
 * Everything the workbook holds about a person — the answer to a request under Art. 15 DSGVO: the campaigns they were
 * in (from the contact history and the campaigns' state), and every sheet and row that names them. The person is
 * found with the identity graph, so their other rows (another sheet, another spelling) come along.
 */
export const findPerson = (
  port: WorkbookPort,
  query: PersonQuery,
): Promise<Result<PersonFound[], Problem[]>> =>
  hostProblems(async () => {
    const state = await readAddinState(port);
    if (!state.ok) return state;
    const data = await loadCampaignData(port, state.value, { name: '', type: 'other', selections: [] });
    if (!data.ok) return fail(data.error);
    const graph = identityGraph(data.value);
    const found: PersonFound[] = [];
    for (const person of peopleFound(graph, query))
      found.push(await describePerson(port, state.value, data.value, graph, person));
    return ok(found);
  });
