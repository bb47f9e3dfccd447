import { isKnownHeader, normalizeHeader, recognizeColumns, type RecognizedColumns } from './headers';
import {
  SHEET_ROLES,
  type Field,
  type MappingOverrides,
  type SheetMapping,
  type SheetRole,
  type SourceCandidate,
  type WorkbookMapping,
} from '../kernel/model';
import type { Problem } from '../kernel/problems';
import type { SheetTable } from '../kernel/sheetTable';
import { STATE_SHEET } from '../workbook/sheetNames';
import { mergedHeaderFields } from './mergedHeaders';
import { describeSource, isNamed, sourcesOf, type Source } from './sources';
import { HEADER_SCAN_ROWS } from './headers';

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
  source: Source;
  index: number;
  scores: Record<SheetRole, number>;
}

const MIN_SCORE = 2;

function scoreSource(source: Source, index: number): Candidate {
  const byRole = {} as ColumnsByRole;
  for (const role of SHEET_ROLES) byRole[role] = recognizeColumns(source.headers, role);
  const scores = {} as Record<SheetRole, number>;
  for (const role of SHEET_ROLES) {
    const byName = Math.max(nameScore(source.table.name, role), nameScore(source.excelTable ?? '', role));
    scores[role] = roleScore(byName, columnScore(role, byRole));
  }
  return { source, index, scores };
}

/** The user's own column choices for the role win; a merged header adds what its data makes clear. */
function columnOverrides(
  role: SheetRole,
  source: Source,
  overrides: MappingOverrides,
  problems: Problem[],
): Partial<Record<Field, string>> {
  const chosen = overrides.columns?.[role] ?? {};
  const named = new Set(Object.values(chosen).map(normalizeHeader));
  const fromMerges: Partial<Record<Field, string>> = {};
  const headerRow = (source.table.startRow ?? 1) + source.headerIndex;
  for (const merged of source.merged) {
    const columns = Array.from({ length: merged.span }, (_, k) => source.headers[merged.column + k]);
    if (columns.some((header) => named.has(normalizeHeader(header)))) continue;
    const fields = mergedHeaderFields(source, merged);
    const where = { sheet: source.table.name, row: headerRow, value: merged.header };
    if (fields) {
      fields.forEach((field, k) => (fromMerges[field] = columns[k]));
      problems.push({ code: 'mergedHeaderSplit', severity: 'info', ...where });
    } else if (isKnownHeader(merged.header, role)) {
      problems.push({
        code: 'mergedHeaderUnclear',
        severity: 'error',
        ...where,
        detail: String(merged.span),
      });
    }
  }
  return { ...fromMerges, ...chosen };
}

function buildMapping(
  role: SheetRole,
  source: Source,
  overrides: MappingOverrides,
  problems: Problem[],
): SheetMapping {
  const { table, headers } = source;
  const recognized = recognizeColumns(headers, role, columnOverrides(role, source, overrides, problems));
  for (const p of recognized.problems) problems.push({ ...p, sheet: table.name });
  const startRow = table.startRow ?? 1;
  const mapping: SheetMapping = {
    role,
    sheet: table.name,
    headerRow: startRow + source.headerIndex,
    headers,
    columns: recognized.columns,
    optOutColumns: recognized.optOutColumns,
    extraColumns: recognized.extraColumns,
  };
  if (recognized.houseNumberColumn !== undefined) mapping.houseNumberColumn = recognized.houseNumberColumn;
  if (source.excelTable !== undefined) {
    mapping.table = source.excelTable;
    mapping.lastRow = startRow + source.endIndex - 1;
  }
  return mapping;
}

/** The problem that asks the user to choose, and the candidates to show. */
function askForRole(role: SheetRole, tied: Candidate[], result: Recognition): void {
  const candidates = tied.map((candidate) => describeSource(candidate.source));
  result.ambiguous[role] = candidates;
  result.problems.push({ code: 'sheetRoleAmbiguous', severity: 'error', detail: role, candidates });
}

/** The best candidates for the role, or several when they fit equally well (never guessed). */
const bestFor = (role: SheetRole, candidates: readonly Candidate[]): Candidate[] => {
  const top = Math.max(0, ...candidates.map((c) => c.scores[role]));
  return candidates.filter((c) => c.scores[role] === top);
};

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A sheet the user names, by its own name or the name of an Excel table on it. */
const isTableNamed = (table: SheetTable, name: string): boolean =>
  sameName(table.name, name) || (table.tables ?? []).some((definition) => sameName(definition.name, name));

const sameSource = (a: Source, b: Source): boolean => a.table === b.table && a.excelTable === b.excelTable;

/** The roles the user named a sheet for; returns the sources taken that way. */
function applySheetOverrides(
  tables: readonly SheetTable[],
  overrides: MappingOverrides,
  result: Recognition,
): Source[] {
  const taken: Source[] = [];
  for (const role of SHEET_ROLES) {
    const name = overrides.sheets?.[role];
    if (!name) continue;
    const named = tables.filter((table) => isTableNamed(table, name));
    if (named.length === 0) {
      result.problems.push({ code: 'sheetNotFound', severity: 'error', sheet: name, detail: role });
      continue;
    }
    const sources = named.flatMap((table) => (sourcesOf(table, role) ?? []).filter((s) => isNamed(s, name)));
    if (sources.length === 0) {
      result.problems.push(headerNotFound(named[0]));
      continue;
    }
    const best = bestFor(role, sources.map(scoreSource));
    if (best.length > 1) askForRole(role, best, result);
    else {
      result.mapping[role] = buildMapping(role, best[0].source, overrides, result.problems);
      taken.push(best[0].source);
    }
  }
  return taken;
}

function assignByScore(
  candidates: Candidate[],
  overrides: MappingOverrides,
  decided: ReadonlySet<SheetRole>,
  result: Recognition,
): void {
  const pairs = candidates.flatMap((candidate) =>
    SHEET_ROLES.filter((role) => candidate.scores[role] >= MIN_SCORE).map((role) => ({ candidate, role })),
  );
  pairs.sort(
    (a, b) =>
      b.candidate.scores[b.role] - a.candidate.scores[a.role] || a.candidate.index - b.candidate.index,
  );
  const used = new Set<Candidate>();
  for (const { candidate, role } of pairs) {
    if (decided.has(role) || result.mapping[role] || result.ambiguous[role] || used.has(candidate)) continue;
    const tied = candidates.filter((c) => !used.has(c) && c.scores[role] === candidate.scores[role]);
    tied.forEach((c) => used.add(c));
    if (tied.length > 1) askForRole(role, tied, result);
    else result.mapping[role] = buildMapping(role, candidate.source, overrides, result.problems);
  }
}

const headerNotFound = (table: SheetTable): Problem => {
  const first = table.startRow ?? 1;
  const last = first + Math.min(table.rows.length, HEADER_SCAN_ROWS) - 1;
  return { code: 'headerNotFound', severity: 'warning', sheet: table.name, detail: `${first}-${last}` };
};

export interface Recognition {
  mapping: WorkbookMapping;
  problems: Problem[];
  /** Roles several sheets fit equally well, with those sheets: the user chooses. */
  ambiguous: Partial<Record<SheetRole, SourceCandidate[]>>;
}

/** A sheet worth a word when no header row is found in it: more than a note or a title. */
const holdsData = (table: SheetTable): boolean => table.rows.length >= 2;

/**
 * Which sheet (or Excel table) plays which role, by its name and its columns; explicit `overrides.sheets` always
 * win. Never read: the state sheet and the sheets the state records as the add-in's own (`ownSheets`) — never a
 * guess from column names. Two sources that fit a role equally well are not guessed between: the role stays open
 * with a 'sheetRoleAmbiguous' error and its candidates in `ambiguous`.
 */
export function recognizeWorkbook(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): Recognition {
  const result: Recognition = { mapping: {}, problems: [], ambiguous: {} };
  const taken = applySheetOverrides(tables, overrides, result);
  const decided = new Set(SHEET_ROLES.filter((role) => overrides.sheets?.[role]));
  const skipped = new Set([STATE_SHEET, ...ownSheets].map((name) => name.toLowerCase()));
  const candidates: Candidate[] = [];
  for (const table of tables) {
    if (skipped.has(table.name.toLowerCase())) continue;
    const sources = sourcesOf(table);
    const reported = result.problems.some((p) => p.code === 'headerNotFound' && p.sheet === table.name);
    if (sources === null && holdsData(table) && !reported) result.problems.push(headerNotFound(table));
    for (const source of sources ?? [])
      if (!taken.some((chosen) => sameSource(chosen, source)))
        candidates.push(scoreSource(source, candidates.length));
  }
  assignByScore(candidates, overrides, decided, result);
  if (isUnexplained('customers', result))
    result.problems.push({ code: 'sheetRoleNotFound', severity: 'warning', detail: 'customers' });
  if (isUnexplained('sales', result))
    result.problems.push({ code: 'sheetRoleNotFound', severity: 'info', detail: 'sales' });
  return result;
}

/** A role without a sheet that no other problem explains (several fit, or the sheet chosen for it is missing). */
const isUnexplained = (role: SheetRole, result: Recognition): boolean =>
  !result.mapping[role] &&
  !result.ambiguous[role] &&
  !result.problems.some((p) => p.code === 'sheetNotFound' && p.detail === role);

/** The problems that leave a role open for the user to decide: reading goes on, running a campaign does not. */
export const isOpenQuestion = (p: Problem): boolean =>
  p.code === 'sheetRoleAmbiguous' || p.code === 'mergedHeaderUnclear';
