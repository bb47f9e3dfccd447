import { readsHistory, type CampaignDefinition, type SelectionDefinition } from '../campaign/campaign';
import { compileSelectionFilter } from './filters';
import type { SalesField, SheetRole, WorkbookData } from '../kernel/model';
import { problem, type Problem } from '../kernel/problems';

const roleMissing = (role: SheetRole): Problem => problem('sheetRoleNotFound', 'error', { detail: role });

const salesColumnsMissing = (data: WorkbookData, selection: SelectionDefinition): Problem[] => {
  const sales = data.mapping.sales;
  if (!sales) return [roleMissing('sales')];
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
    problem('requiredColumnMissing', 'error', { sheet: sales.sheet, detail: field }),
  );
};

/** A selection from the contact history needs none of the user's sheets: without a history it finds nobody. */
const selectionProblems = (data: WorkbookData, selection: SelectionDefinition): Problem[] => {
  if (readsHistory(selection)) return [];
  if (selection.from === 'contacts' || selection.from === 'customers') {
    const mapping = data.mapping[selection.from];
    if (!mapping || (selection.from === 'contacts' && data.contacts === null))
      return [roleMissing(selection.from)];
    const compiled = compileSelectionFilter(data, selection);
    return compiled.ok ? [] : compiled.error;
  }
  const customers = data.mapping.customers ? [] : [roleMissing('customers')];
  return [...customers, ...salesColumnsMissing(data, selection)];
};

/**
 * What keeps a campaign from running on this workbook, before anything runs: a selection from a sheet the workbook
 * does not have, sales without customer or date column, filters on columns that do not exist. All errors.
 */
export const checkCampaignAgainstData = (definition: CampaignDefinition, data: WorkbookData): Problem[] =>
  definition.selections.flatMap((selection) => selectionProblems(data, selection));
