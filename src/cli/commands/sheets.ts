import { inspectWorkbook } from '../../core/run/campaignRun';
import { describeProblem } from '../../core/kernel/problemMessages';
import type { Field, SheetMapping, SheetRole, SourceCandidate, WorkbookData } from '../../core/kernel/model';
import { SHEET_ROLES } from '../../core/kernel/model';
import type { SheetInfo } from '../../core/workbook/workbookPort';
import type { CommandContext, ExitCode } from '../cliIo';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { dayText, problemCount, problemLines } from '../summary';
import { openWorkbook } from '../workbookFile';

export interface SheetsOptions {
  workbook: string;
  json: boolean;
  /** Set by --sheet: the sheet that plays a role, as `kampagne run` would read it. */
  sheets: Partial<Record<SheetRole, string>>;
}

type ColumnMeaning = { kind: 'field'; field: Field } | { kind: 'optOut' } | { kind: 'extra' };

interface ColumnReport {
  header: string;
  meaning: ColumnMeaning;
}

const columnMeaning = (mapping: SheetMapping, index: number): ColumnMeaning => {
  const field = (Object.entries(mapping.columns) as Array<[Field, number]>).find(
    ([, column]) => column === index,
  );
  if (field) return { kind: 'field', field: field[0] };
  return mapping.optOutColumns.includes(index) ? { kind: 'optOut' } : { kind: 'extra' };
};

const columnsOf = (mapping: SheetMapping): ColumnReport[] =>
  mapping.headers
    .map((header, index) => ({ header, meaning: columnMeaning(mapping, index) }))
    .filter((c) => c.header);

const recordCount = (data: WorkbookData, role: SheetRole): number =>
  ({
    contacts: data.contacts?.length ?? 0,
    customers: data.customers.length,
    sales: data.sales.length,
    articles: data.articles.length,
  })[role];

const meaningText = (meaning: ColumnMeaning, texts: Translator): string => {
  if (meaning.kind === 'field') return texts.field(meaning.field);
  return texts.t(meaning.kind === 'optOut' ? 'sheetsOptOutColumn' : 'sheetsExtraColumn');
};

const missingRoleLine = (role: SheetRole, texts: Translator): string => {
  if (role === 'contacts') return texts.t('sheetsNoContacts');
  if (role === 'articles') return texts.t('sheetsNoArticles');
  return texts.t('sheetsRoleMissing', { role: texts.role(role) });
};

/** "Kontakte 2024", or "Daten › tblKontakte" for an Excel table. */
const sourceLabel = (mapping: SheetMapping): string =>
  mapping.table ? `${mapping.sheet} › ${mapping.table}` : mapping.sheet;

const candidateLine = (candidate: SourceCandidate, texts: Translator): string =>
  texts.t(candidate.newest === null ? 'sheetsCandidate' : 'sheetsCandidateDated', {
    name: candidate.name,
    rows: candidate.rows,
    newest: candidate.newest === null ? '' : dayText(candidate.newest, texts),
  });

const roleLines = (data: WorkbookData, role: SheetRole, texts: Translator): string[] => {
  const mapping = data.mapping[role];
  const candidates = data.ambiguous?.[role];
  if (candidates)
    return [
      texts.t('sheetsRoleAmbiguous', { role: texts.role(role), option: role }),
      ...candidates.map((candidate) => candidateLine(candidate, texts)),
    ];
  if (!mapping) return [missingRoleLine(role, texts)];
  return [
    texts.t('sheetsRole', {
      sheet: sourceLabel(mapping),
      role: texts.role(role),
      headerRow: mapping.headerRow,
      records: recordCount(data, role),
    }),
    ...columnsOf(mapping).map((column) =>
      texts.t('sheetsColumn', { header: column.header, field: meaningText(column.meaning, texts) }),
    ),
  ];
};

/** The Sperrlisten: which sheet, where its header is, how many people it names, and its columns. */
const blocklistLines = (data: WorkbookData, texts: Translator): string[] => {
  const blocklists = data.blocklists ?? [];
  if (blocklists.length === 0) return [texts.t('sheetsNoBlocklist')];
  return blocklists.flatMap((blocklist) => [
    texts.t('sheetsBlocklist', {
      sheet: blocklist.sheet,
      headerRow: blocklist.headerRow,
      entries: blocklist.entries.length,
    }),
    ...(Object.entries(blocklist.columns) as Array<[Field, number]>).map(([field, column]) =>
      texts.t('sheetsColumn', { header: blocklist.headers[column], field: texts.field(field) }),
    ),
  ]);
};

const unusedSheets = (data: WorkbookData, sheets: SheetInfo[]): string[] => {
  const used = new Set(
    [...Object.values(data.mapping), ...(data.blocklists ?? [])].map((mapping) =>
      mapping.sheet.toLowerCase(),
    ),
  );
  return sheets
    .filter((s) => s.visibility === 'visible' && !used.has(s.name.toLowerCase()))
    .map((s) => s.name);
};

const sheetsLines = (file: string, data: WorkbookData, sheets: SheetInfo[], texts: Translator): string[] => {
  const others = unusedSheets(data, sheets);
  return [
    texts.t('sheetsHeadline', { path: file }),
    ...SHEET_ROLES.flatMap((role) => roleLines(data, role, texts)),
    ...blocklistLines(data, texts),
    ...(others.length > 0 ? [texts.t('sheetsOtherSheets', { sheets: others.join(', ') })] : []),
    ...problemLines(data.problems, texts),
  ];
};

const sheetsJson = (file: string, data: WorkbookData, sheets: SheetInfo[], texts: Translator) => ({
  ok: true,
  workbook: file,
  roles: Object.fromEntries(
    SHEET_ROLES.map((role) => {
      const mapping = data.mapping[role];
      if (!mapping) return [role, null];
      const columns = columnsOf(mapping).map(({ header, meaning }) => ({
        header,
        field: meaning.kind === 'field' ? meaning.field : null,
        optOut: meaning.kind === 'optOut',
        extra: meaning.kind === 'extra',
      }));
      return [
        role,
        {
          sheet: mapping.sheet,
          table: mapping.table ?? null,
          headerRow: mapping.headerRow,
          records: recordCount(data, role),
          columns,
        },
      ];
    }),
  ),
  blocklists: (data.blocklists ?? []).map(({ sheet, headerRow, entries }) => ({
    sheet,
    headerRow,
    entries: entries.length,
  })),
  otherSheets: unusedSheets(data, sheets),
  choices: data.ambiguous ?? {},
  problems: {
    count: problemCount(data.problems),
    items: data.problems.map((p) => ({ ...p, message: describeProblem(p, texts.language) })),
  },
});

export const sheetsCommand = async (
  options: SheetsOptions,
  { io, texts }: CommandContext,
): Promise<ExitCode> => {
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return printFailure(port.error, io, options.json);
  const inspected = await inspectWorkbook(port.value, options.sheets);
  if (!inspected.ok) {
    const failed = problemFailure(inspected.error, texts, (problem) =>
      texts.t('inspectFailed', { path: options.workbook, problem }),
    );
    return printFailure(failed, io, options.json);
  }
  const sheets = await port.value.listSheets();
  if (options.json) io.out(JSON.stringify(sheetsJson(options.workbook, inspected.value, sheets, texts)));
  else sheetsLines(options.workbook, inspected.value, sheets, texts).forEach((line) => io.out(line));
  return 0;
};
