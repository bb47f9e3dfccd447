import {
  SHEET_ROLES,
  type MappingOverrides,
  type SalesColumns,
  type SheetMapping,
  type SheetRole,
  type WorkbookData,
} from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import { noSalesLines } from '../kernel/salesLines';
import type { SheetTable } from '../kernel/sheetTable';
import { runSteps, type Steps } from '../kernel/steps';
import { articlesFromSales, parseArticles } from './parseArticles';
import { contactSteps, customerSteps } from './parsePeople';
import { applyMargins } from './margins';
import { salesSteps } from './parseSales';
import { ProblemLog } from './problemLog';
import { CustomerRows } from './salesColumns';
import { readBlocklists } from './blocklist';
import { isHistorySheetName, readContactHistory, type HistoryReading } from './contactHistory';
import { isOpenQuestion, recognizeWorkbook } from './sheetRoles';
import { STATE_SHEET } from '../workbook/sheetNames';

/**
 * Reads the recognised sheets into records. Fails only when an explicit mapping names a sheet or column that is
 * not there (error problems); bad data are warnings and skipped rows, never a failure. An open question (two sheets
 * for one role, a merged header the data does not explain) is an error problem too, but the rest is still read, so
 * that the pane and `kampagne sheets` can show it and ask.
 */
export function parseWorkbook(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): Result<WorkbookData, Problem[]> {
  return runSteps(parseWorkbookSteps(tables, overrides, ownSheets));
}

/**
 * parseWorkbook in steps (kernel/steps.ts): it may pause between the sheets and every few thousand rows, so that the
 * pane lets the browser answer the user meanwhile (a contacts sheet of 100,000 rows takes a fifth of a second)
 * instead of freezing for the whole workbook.
 */
export function* parseWorkbookSteps(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): Steps<Result<WorkbookData, Problem[]>> {
  const blocklists = readBlocklists(tables, overrides, [STATE_SHEET, ...ownSheets]);
  const history = readContactHistory(tables);
  const historySheet = tables.find((table) => isHistorySheetName(table.name));
  const notInput = [
    ...ownSheets,
    ...blocklists.map((blocklist) => blocklist.sheet),
    ...(historySheet ? [historySheet.name] : []),
  ];
  const { mapping, problems, ambiguous } = recognizeWorkbook(tables, overrides, notInput);
  if (problems.some((p) => p.severity === 'error' && !isOpenQuestion(p))) return fail(problems);
  const log = new ProblemLog();
  const tableOf = (role: SheetRole): SheetTable | undefined =>
    tables.find((t) => t.name === mapping[role]?.sheet);
  const customersTable = tableOf('customers');
  const contactsTable = tableOf('contacts');
  const salesTable = tableOf('sales');
  const articlesTable = tableOf('articles');
  yield;
  const customers =
    customersTable && mapping.customers ? yield* customerSteps(customersTable, mapping.customers, log) : [];
  const customerRows = customersTable ? new CustomerRows(customers) : null;
  yield;
  const parsedContacts =
    contactsTable && mapping.contacts
      ? yield* contactSteps(contactsTable, mapping.contacts, log, customers, customerRows)
      : null;
  const contacts = parsedContacts?.contacts ?? null;
  yield;
  const parsedSales =
    salesTable && mapping.sales ? yield* salesSteps(salesTable, mapping.sales, log, customerRows) : null;
  const parsedLines = parsedSales?.lines ?? noSalesLines();
  yield;
  const articles =
    articlesTable && mapping.articles
      ? parseArticles(articlesTable, mapping.articles, log)
      : articlesFromSales(parsedLines);
  const { sales, summary: margins } = applyMargins(parsedLines, articles);
  const salesColumns: SalesColumns = {
    sales,
    customers,
    customerRows: parsedSales?.customerRows ?? new Int32Array(0),
    days: sales.days,
    firstRows: customerRows?.firstRows ?? new Int32Array(0),
  };
  for (const role of SHEET_ROLES) {
    const table = tableOf(role);
    if (table && mapping[role]) reportUncalculated(table, mapping[role], log);
  }
  const allProblems = [
    ...problems,
    ...log.problems(),
    ...(history?.problems ?? []),
    ...unreadableHistory(historySheet, history),
  ];
  const data: WorkbookData = {
    contacts,
    customers,
    sales,
    articles,
    mapping,
    problems: allProblems,
    salesColumns,
  };
  if (parsedContacts) data.personColumns = parsedContacts.columns;
  if (margins) data.margins = margins;
  if (blocklists.length > 0) data.blocklists = blocklists;
  if (history) data.history = history.history;
  if (Object.keys(ambiguous).length > 0) data.ambiguous = ambiguous;
  return ok(data);
}

/** Formula cells without a value in the rows and columns a role reads: empty by accident, worth a recalculation. */
function reportUncalculated(table: SheetTable, mapping: SheetMapping, log: ProblemLog): void {
  const startRow = table.startRow ?? 1;
  const startColumn = table.startColumn ?? 1;
  const lastRow = mapping.lastRow ?? startRow + table.rows.length - 1;
  for (const { row, column } of table.uncalculated ?? []) {
    const header = mapping.headers[column - startColumn];
    if (row > mapping.headerRow && row <= lastRow && header)
      log.add('formulaNotCalculated', 'warning', table.name, row, header);
  }
}

/** A sheet named like the contact history that has none of its headers: said once, when the workbook is read. */
const unreadableHistory = (sheet: SheetTable | undefined, reading: HistoryReading | null): Problem[] =>
  sheet && !reading && sheet.rows.some((row) => row.some((cell) => cell !== null && cell !== ''))
    ? [problem('historyUnreadable', 'warning', { sheet: sheet.name })]
    : [];
