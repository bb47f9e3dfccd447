import type { CampaignDefinition, SelectionDefinition } from './campaign';
import { compileFilter } from './filters';
import type { SalesField, SheetRole, WorkbookData } from './model';
import { problem, type Problem } from './problems';

const roleMissing = (role: SheetRole, path: string): Problem =>
  problem('sheetRoleNotFound', 'error', { value: role, detail: path });

const salesColumnsMissing = (data: WorkbookData, selection: SelectionDefinition, path: string): Problem[] => {
  const sales = data.mapping.sales;
  if (!sales) return [roleMissing('sales', path)];
  const required: SalesField[] = ['customerId', 'date'];
  const missing = required.filter((field) => sales.columns[field] === undefined);
  if (
    selection.from === 'purchasedArticles' &&
    sales.columns.articleNo === undefined &&
    sales.columns.articleName === undefined
  ) {
    missing.push('articleNo');
  }
  return missing.map((field) =>
    problem('requiredColumnMissing', 'error', { sheet: sales.sheet, column: field, detail: path }),
  );
};

const selectionProblems = (data: WorkbookData, selection: SelectionDefinition, index: number): Problem[] => {
  const path = `selections[${index}]`;
  if (selection.from === 'contacts' || selection.from === 'customers') {
    const mapping = data.mapping[selection.from];
    if (!mapping || (selection.from === 'contacts' && data.contacts === null))
      return [roleMissing(selection.from, path)];
    const compiled = compileFilter(selection.filter ?? [], mapping, selection.from);
    return compiled.ok ? [] : compiled.error.map((p) => ({ ...p, detail: path }));
  }
  const customers = data.mapping.customers ? [] : [roleMissing('customers', path)];
  return [...customers, ...salesColumnsMissing(data, selection, path)];
};

/**
 * What keeps a campaign from running on this workbook, before anything runs: a selection from a sheet the workbook
 * does not have, sales without customer or date column, filters on columns that do not exist. All errors.
 */
export const checkCampaignAgainstData = (definition: CampaignDefinition, data: WorkbookData): Problem[] =>
  definition.selections.flatMap((selection, index) => selectionProblems(data, selection, index));
