import type { Language } from '../kernel/language';
import type { BlocklistSheet, Day, PersonData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { ok, type Result } from '../kernel/result';
import { blocklistWrite } from '../outputs/blocklistEntry';
import { readBlocklists } from '../read/blocklist';
import type { WorkbookPort } from '../workbook/workbookPort';
import { findSheet, hostProblems } from './campaignRun';

/**
 * Puts the person on the workbook's Sperrliste and names the sheet it is on. The lists are read again first: someone
 * may have added columns or rows, or deleted the sheet, since the pane read the workbook.
 */
export const addToBlocklist = (
  port: WorkbookPort,
  known: readonly BlocklistSheet[],
  person: PersonData,
  day: Day,
  lang: Language,
): Promise<Result<{ sheet: string }, Problem[]>> =>
  hostProblems(async () => {
    const sheets = await port.listSheets();
    const tables = [];
    for (const { sheet } of known) if (findSheet(sheets, sheet)) tables.push(await port.readSheet(sheet));
    const write = blocklistWrite(readBlocklists(tables, {}, []), person, day, lang, sheets);
    if (!write.ok) return write;
    const { kind, sheet, request } = write.value;
    if (kind === 'append') await port.updateTable(request);
    else await port.writeTable(request);
    return ok({ sheet });
  });
