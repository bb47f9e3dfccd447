import type { Language } from '../kernel/language';
import { problem, type Problem } from '../kernel/problems';
import { fail, ok, type Result } from '../kernel/result';
import type { SheetTable } from '../kernel/sheetTable';
import { historyWrite, type ContactUse } from '../outputs/contactHistory';
import { isHistorySheetName, readContactHistory } from '../read/contactHistory';
import type { WorkbookPort } from '../workbook/workbookPort';

export interface RecordedContacts {
  sheet: string;
  /** Rows added; 0 when this use was recorded already (the same campaign, day and channel). */
  added: number;
}

const isBlank = (table: SheetTable): boolean =>
  table.rows.every((row) => row.every((cell) => cell === null || cell === ''));

/**
 * Records a use of a campaign in the contact history, at the moment it is used (target sheet, CSV export, leads). The
 * history is read again first: people may have added, edited or deleted rows since. A sheet of the history's name
 * the add-in cannot read as one is never written over ('historyUnreadable').
 */
export const recordContacts = async (
  port: WorkbookPort,
  use: ContactUse,
  lang: Language,
): Promise<Result<RecordedContacts, Problem[]>> => {
  const sheets = await port.listSheets();
  const existing = sheets.find((sheet) => isHistorySheetName(sheet.name));
  const table = existing ? await port.readSheet(existing.name) : null;
  const reading = table ? readContactHistory([table]) : null;
  if (table && !reading && !isBlank(table))
    return fail([problem('historyUnreadable', 'warning', { sheet: table.name })]);
  const write = historyWrite(reading?.history ?? null, use, lang, sheets, existing?.name);
  if (write.kind === 'append') await port.updateTable(write.request);
  if (write.kind === 'create') await port.writeTable(write.request);
  return ok({ sheet: write.sheet, added: write.added });
};
