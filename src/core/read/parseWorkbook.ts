import type { MappingOverrides, SalesColumns, SheetRole, WorkbookData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { SheetTable } from '../kernel/sheetTable';
import { articlesFromSales, parseArticles } from './parseArticles';
import { parseContacts, parseCustomers } from './parsePeople';
import { applyMargins } from './margins';
import { parseSales } from './parseSales';
import { ProblemLog } from './problemLog';
import { CustomerRows } from './salesColumns';
import { recognizeWorkbook } from './sheetRoles';

/**
 * Reads the recognised sheets into records. Fails only when an explicit mapping names a sheet or column that is
 * not there (error problems); bad data are warnings and skipped rows, never a failure.
 */
export function parseWorkbook(
  tables: readonly SheetTable[],
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
): Result<WorkbookData, Problem[]> {
  const { mapping, problems } = recognizeWorkbook(tables, overrides, ownSheets);
  if (problems.some((p) => p.severity === 'error')) return fail(problems);
  const log = new ProblemLog();
  const tableOf = (role: SheetRole): SheetTable | undefined =>
    tables.find((t) => t.name === mapping[role]?.sheet);
  const customersTable = tableOf('customers');
  const contactsTable = tableOf('contacts');
  const salesTable = tableOf('sales');
  const articlesTable = tableOf('articles');
  const customers =
    customersTable && mapping.customers ? parseCustomers(customersTable, mapping.customers, log) : [];
  const customerRows = customersTable ? new CustomerRows(customers) : null;
  const contacts =
    contactsTable && mapping.contacts
      ? parseContacts(contactsTable, mapping.contacts, log, customerRows)
      : null;
  const parsedSales =
    salesTable && mapping.sales ? parseSales(salesTable, mapping.sales, log, customerRows) : null;
  const sales = parsedSales?.lines ?? [];
  const articles =
    articlesTable && mapping.articles
      ? parseArticles(articlesTable, mapping.articles, log)
      : articlesFromSales(sales);
  const margins = applyMargins(sales, articles);
  const salesColumns: SalesColumns = {
    sales,
    customers,
    customerRows: parsedSales?.customerRows ?? new Int32Array(0),
    days: parsedSales?.days ?? new Float64Array(0),
    firstRows: customerRows?.firstRows ?? new Int32Array(0),
  };
  const allProblems = [...problems, ...log.problems()];
  return ok({
    contacts,
    customers,
    sales,
    articles,
    mapping,
    problems: allProblems,
    salesColumns,
    ...(margins ? { margins } : {}),
  });
}
