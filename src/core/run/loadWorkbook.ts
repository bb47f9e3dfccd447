import { withDuplicateSteps } from '../group/duplicates';
import { runSteps, runStepsPausing, type Steps } from '../kernel/steps';
import type { MappingOverrides, WorkbookData } from '../kernel/model';
import type { Problem } from '../kernel/problems';
import { parseWorkbook, parseWorkbookSteps } from '../read/parseWorkbook';
import { fail, type Result } from '../kernel/result';
import type { SheetTable } from '../kernel/sheetTable';
import { STATE_SHEET } from '../workbook/sheetNames';
import { WorkbookError } from '../workbook/workbookError';
import type { WorkbookPort } from '../workbook/workbookPort';

/**
 * Reads the user's sheets through the port and parses them. Not read: very hidden sheets (only add-ins create
 * those), the state sheet and the sheets the add-in wrote itself (`ownSheets`, from the state) — a target group
 * sheet can be as big as the input. The probable duplicates of the person sheets come with the data's problems,
 * unless `duplicatesLater`: finding them builds the identity graph (half a second at 100,000 contacts), which the pane
 * does after its first screen (completeWithDuplicates).
 * Host failures become one error problem; other exceptions are bugs and propagate.
 */
export async function loadWorkbookData(
  port: WorkbookPort,
  overrides: MappingOverrides = {},
  ownSheets: readonly string[] = [],
  { duplicatesLater = false, pause }: LoadOptions = {},
): Promise<Result<WorkbookData, Problem[]>> {
  const skipped = new Set([STATE_SHEET, ...ownSheets].map((name) => name.toLowerCase()));
  const explicit = new Set(Object.values(overrides.sheets ?? {}).map((name) => name.toLowerCase()));
  try {
    const sheets = await port.listSheets();
    const tables: SheetTable[] = [];
    for (const sheet of sheets) {
      const name = sheet.name.toLowerCase();
      const wanted = explicit.has(name) || (sheet.visibility !== 'veryHidden' && !skipped.has(name));
      if (wanted) tables.push(await port.readSheet(sheet.name));
    }
    const parsed = pause
      ? await runStepsPausing(parseWorkbookSteps(tables, overrides, ownSheets), pause)
      : parseWorkbook(tables, overrides, ownSheets);
    if (parsed.ok && !duplicatesLater) completeWithDuplicates(parsed.value);
    return parsed;
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    return fail([{ code: error.code, severity: 'error', sheet: error.sheet }]);
  }
}

export interface LoadOptions {
  /** The first screen does not wait for the duplicates; completeWithDuplicates adds them. */
  duplicatesLater?: boolean;
  /** Awaited between the sheets while parsing: the pane lets the browser answer the user there. */
  pause?: () => Promise<void>;
}

/**
 * Adds the probable duplicates to the problems of data loaded with `duplicatesLater`, in place: the data keeps its
 * identity, so the identity graph built for them stays with it for the target group.
 */
export const completeWithDuplicates = (data: WorkbookData): void => runSteps(duplicatesSteps(data));

/** completeWithDuplicates with `pause` awaited between its steps (see LoadOptions). */
export const completeWithDuplicatesPausing = (
  data: WorkbookData,
  pause: () => Promise<void>,
): Promise<void> => runStepsPausing(duplicatesSteps(data), pause);

function* duplicatesSteps(data: WorkbookData): Steps<void> {
  if (completed.has(data)) return;
  const problems = yield* withDuplicateSteps(data);
  // completed meanwhile (the pane paused, something needed them at once): the problems are the same
  if (completed.has(data)) return;
  completed.add(data);
  data.problems = problems;
}

const completed = new WeakSet<WorkbookData>();
