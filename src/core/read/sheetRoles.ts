import {
  findHeaderRow,
  headerTexts,
  normalizeHeader,
  recognizeColumns,
  type RecognizedColumns,
} from './headers';
import {
  SHEET_ROLES,
  type MappingOverrides,
  type SheetMapping,
  type SheetRole,
  type WorkbookMapping,
} from '../kernel/model';
import type { Problem } from '../kernel/problems';
import type { SheetTable } from '../kernel/sheetTable';
import { STATE_SHEET } from '../workbook/sheetNames';

const ROLE_SHEET_NAMES: Record<SheetRole, readonly string[]> = {
  contacts: ['Kontakte', 'Kontakt', 'Ansprechpartner', 'Kontaktpersonen', 'Personen', 'Contacts', 'People'],
  customers: ['Kunden', 'Kundenstamm', 'Kundendaten', 'Debitoren', 'Customers', 'Clients', 'Accounts'],
  sales: [
    'Umsätze',
    'Umsatz',
    'Verkäufe',
    'Rechnungen',
    'Aufträge',
    'Bestellungen',
    'Belege',
    'Sales',
    'Orders',
    'Invoices',
  ],
  articles: ['Artikel', 'Artikelstamm', 'Produkte', 'Products', 'Articles', 'Items'],
};

const NORMALIZED_SHEET_NAMES = Object.fromEntries(
  SHEET_ROLES.map((role) => [role, ROLE_SHEET_NAMES[role].map(normalizeHeader)]),
) as Record<SheetRole, string[]>;

/** 3: the name is a role name ("Kunden"); 2: it starts with one ("Kundenliste 2024"); 1: it contains one. */
function nameScore(sheetName: string, role: SheetRole): number {
  const name = normalizeHeader(sheetName);
  let best = 0;
  for (const known of NORMALIZED_SHEET_NAMES[role]) {
    if (name === known) return 3;
    if (name.startsWith(known)) best = 2;
    else if (best === 0 && name.includes(known)) best = 1;
  }
  return best;
}

type ColumnsByRole = Record<SheetRole, RecognizedColumns>;

/** How much the columns look like the role: 4 = unmistakable, 0 = not at all. */
function columnScore(role: SheetRole, byRole: ColumnsByRole): number {
  const c = byRole[role].columns;
  const hasArticle = c.articleNo !== undefined || c.articleName !== undefined;
  const hasName = c.firstName !== undefined || c.lastName !== undefined || c.fullName !== undefined;
  const hasAddress = c.street !== undefined || c.city !== undefined || c.postalCode !== undefined;
  const hasContactId = byRole.contacts.columns.contactId !== undefined;
  const hasCustomer = c.customerId !== undefined;
  switch (role) {
    case 'sales':
      if (hasCustomer && hasArticle && c.date !== undefined) return 4;
      return hasCustomer && hasArticle && (c.quantity !== undefined || c.amount !== undefined) ? 3 : 0;
    case 'customers':
      if (hasContactId || !hasCustomer) return 0;
      return (c.company !== undefined || hasName) && hasAddress ? 4 : c.company !== undefined ? 2 : 0;
    case 'contacts':
      if (hasContactId) return hasName || c.email !== undefined ? 4 : 2;
      return hasName && hasCustomer ? 3 : 0;
    case 'articles':
      if (byRole.sales.columns.customerId !== undefined) return 0;
      return c.articleNo !== undefined && c.articleName !== undefined ? 4 : 0;
  }
}

/**
 * A name alone only counts when it is exactly a role name: "Kontaktverlauf" without person columns is no contacts
 * sheet, but "Kunden" with unusual columns is the customers sheet.
 */
const roleScore = (byName: number, byColumns: number): number =>
  byColumns === 0 && byName < 3 ? 0 : byName + byColumns;

interface Candidate {
  table: SheetTable;
  index: number;
  headerIndex: number;
  headers: string[];
  scores: Record<SheetRole, number>;
}

const MIN_SCORE = 2;

/** The add-in's outputs (Leads, target-group sheets) look like contact lists; they must never be read as input. */
function isOwnOutput(headers: readonly string[], sheetName: string): boolean {
  const normalized = headers.map(normalizeHeader);
  if (normalized.includes('leadid')) return true;
  const hasSourceColumn = normalized.includes('quelle') || normalized.includes('source');
  return hasSourceColumn && SHEET_ROLES.every((role) => nameScore(sheetName, role) === 0);
}

function scoreTable(table: SheetTable, index: number): Candidate | null {
  const headerIndex = findHeaderRow(table.rows);
  if (headerIndex === null) return null;
  const headers = headerTexts(table.rows[headerIndex]);
  const byRole = {} as ColumnsByRole;
  for (const role of SHEET_ROLES) byRole[role] = recognizeColumns(headers, role);
  const scores = {} as Record<SheetRole, number>;
  for (const role of SHEET_ROLES)
    scores[role] = roleScore(nameScore(table.name, role), columnScore(role, byRole));
  return { table, index, headerIndex, headers, scores };
}

function buildMapping(
  role: SheetRole,
  table: SheetTable,
  headerIndex: number,
  overrides: MappingOverrides,
  problems: Problem[],
): SheetMapping {
  const headers = headerTexts(table.rows[headerIndex]);
  const recognized = recognizeColumns(headers, role, overrides.columns?.[role]);
  for (const p of recognized.problems) problems.push({ ...p, sheet: table.name });
  const mapping: SheetMapping = {
    role,
    sheet: table.name,
    headerRow: (table.startRow ?? 1) + headerIndex,
    headers,
    columns: recognized.columns,
    optOutColumns: recognized.optOutColumns,
    extraColumns: recognized.extraColumns,
  };
  if (recognized.houseNumberColumn !== undefined) mapping.houseNumberColumn = recognized.houseNumberColumn;
  return mapping;
}

const findTable = (tables: readonly SheetTable[], name: string): SheetTable | undefined =>
  tables.find((t) => t.name.toLowerCase() === name.toLowerCase());

function applySheetOverrides(
  tables: readonly SheetTable[],
  overrides: MappingOverrides,
  mapping: WorkbookMapping,
  problems: Problem[],
): void {
  for (const role of SHEET_ROLES) {
    const name = overrides.sheets?.[role];
    if (!name) continue;
    const table = findTable(tables, name);
    if (!table) {
      problems.push({ code: 'sheetNotFound', severity: 'error', sheet: name, detail: role });
      continue;
    }
    const headerIndex = findHeaderRow(table.rows, role);
    if (headerIndex === null)
      problems.push({ code: 'headerNotFound', severity: 'warning', sheet: table.name });
    else mapping[role] = buildMapping(role, table, headerIndex, overrides, problems);
  }
}

function assignByScore(
  candidates: Candidate[],
  overrides: MappingOverrides,
  mapping: WorkbookMapping,
  problems: Problem[],
) {
  const pairs = candidates.flatMap((candidate) =>
    SHEET_ROLES.filter((role) => candidate.scores[role] >= MIN_SCORE).map((role) => ({ candidate, role })),
  );
  pairs.sort(
    (a, b) =>
      b.candidate.scores[b.role] - a.candidate.scores[a.role] || a.candidate.index - b.candidate.index,
  );
  const used = new Set<Candidate>();
  const assigned = new Map<SheetRole, Candidate>();
  for (const { candidate, role } of pairs) {
    if (mapping[role] || used.has(candidate)) continue;
    used.add(candidate);
    assigned.set(role, candidate);
    mapping[role] = buildMapping(role, candidate.table, candidate.headerIndex, overrides, problems);
  }
  for (const [role, chosen] of assigned) {
    const rival = candidates.find((c) => !used.has(c) && c.scores[role] === chosen.scores[role]);
    if (rival) {
      problems.push({
        code: 'sheetRoleAmbiguous',
        severity: 'warning',
        sheet: chosen.table.name,
        value: role,
        detail: rival.table.name,
      });
    }
  }
}

/**
 * Which sheet plays which role, by its name and its columns; explicit `overrides.sheets` always win.
 * Never read: the state sheet, the sheets the add-in created (`ownSheets`), and sheets that look like its outputs —
 * a "Lead-ID" column, or a "Quelle"/"Source" column on a sheet whose name is no role name.
 */
export function recognizeWorkbook(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): { mapping: WorkbookMapping; problems: Problem[] } {
  const mapping: WorkbookMapping = {};
  const problems: Problem[] = [];
  applySheetOverrides(tables, overrides, mapping, problems);
  const overridden = new Set(Object.values(mapping).map((m) => m.sheet));
  const skipped = new Set([STATE_SHEET, ...ownSheets].map((name) => name.toLowerCase()));
  const candidates: Candidate[] = [];
  tables.forEach((table, index) => {
    if (overridden.has(table.name) || skipped.has(table.name.toLowerCase())) return;
    const candidate = scoreTable(table, index);
    if (candidate && !isOwnOutput(candidate.headers, table.name)) candidates.push(candidate);
  });
  assignByScore(candidates, overrides, mapping, problems);
  if (!mapping.customers)
    problems.push({ code: 'sheetRoleNotFound', severity: 'warning', detail: 'customers' });
  if (!mapping.sales) problems.push({ code: 'sheetRoleNotFound', severity: 'info', detail: 'sales' });
  return { mapping, problems };
}
