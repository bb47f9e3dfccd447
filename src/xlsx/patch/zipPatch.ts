import JSZip from 'jszip';
import { deflatedEntry } from './deflatedEntry';
import type { CellWrite, WriteTableRequest } from '../../core/workbook/workbookPort';
import {
  activeTabOf,
  CONTENT_TYPE,
  editContentTypes,
  editRelationships,
  editWorkbookXml,
  ensureCellStyles,
  MINIMAL_STYLES,
  parseRelationships,
  parseSheets,
  REL_TYPE,
  relationshipsXml,
  type NewOverride,
  type NewRelationship,
  type Relationship,
  type SheetEntry,
} from './packageParts';
import { cellRange, rangeRef } from './cellRefs';
import {
  folderOf,
  readPackageIndex,
  relsPartOf,
  sheetPartOf,
  sheetTables,
  text,
  WORKBOOK,
  WORKBOOK_RELS,
} from './packageIndex';
import {
  editCells,
  editsOf,
  growRules,
  grownDimension,
  keptStyles,
  continuedStyles,
  replaceSheetData,
  withDimension,
  withTabSelected,
} from './worksheetEdit';
import {
  colsXml,
  rowElements,
  SHEET_DATA_SLOT,
  tableRange,
  tableXml,
  withRows,
  worksheetPart,
  type CellStyles,
} from './worksheetXml';
import { attributesOf, withAttribute } from './xmlText';
import { deleteSheetRows, shiftFormula, shrunkTable, withFormulas, withMovedNames } from './rowDeletion';

/** A sheet to write as a whole: new, or an input sheet rewritten in place. */
export interface PatchWrite extends WriteTableRequest {
  /** The sheetId a new sheet gets (the adapter told the core already); one is allocated when absent. */
  sheetId?: number;
}

/** Cells written into an input sheet, and how far its table grew. */
export interface PatchUpdate {
  sheet: string;
  cells: CellWrite[];
  /** The table that grew: its first data row, its new last row and the first row added (0-based sheet rows). */
  table?: { name: string; firstDataRow: number; lastRow: number; newRowsFrom: number };
  /** Whole rows deleted, step by step (1-based, each in the rows of its moment), before the cells are written. */
  deletedRows?: number[][];
}

/** What a session changed: the input file plus these changes is the output. */
export interface WorkbookPatch {
  /** The final content of each written sheet, in the order first written; an input sheet is rewritten in place. */
  writes: PatchWrite[];
  updates?: PatchUpdate[];
  /** Input sheets to remove. */
  deletions: string[];
  /** The sheet the workbook opens on, when a write asked for it. */
  activeSheet?: string;
  dateSystem: 1900 | 1904;
}

const CONTENT_TYPES = '[Content_Types].xml';
const STYLES = 'xl/styles.xml';

interface PlannedSheet extends SheetEntry {
  /** For a new sheet, or an input sheet rewritten in place. */
  request?: PatchWrite;
  isNew: boolean;
}

interface Layout {
  sheets: PlannedSheet[];
  /** Input sheets that are deleted: their parts go. */
  removed: SheetEntry[];
  newIndexOf: (oldIndex: number) => number | null;
  activeTab: number;
  /** The input tab that was active, when another one becomes active. */
  deselect?: SheetEntry;
  /** Whether the tab list or the active tab changed: else workbook.xml stays as it is. */
  changed: boolean;
}

/**
 * Writes the input package with the patch applied, at any file size. A sheet the add-in writes again is rewritten in
 * its own part (same sheetId, same table, same relationships: references to it and its identity stay); a sheet it
 * updates gets only its cells written. Every part the patch does not touch keeps its bytes — JSZip copies an entry's
 * deflated data when the output compression is DEFLATE too — so charts, pivot tables, drawings, comments, names and
 * a million-row sheet pass through unread.
 */
export const patchWorkbook = async (input: Buffer, patch: WorkbookPatch): Promise<NodeJS.ReadableStream> => {
  const zip = await JSZip.loadAsync(input);
  const inputWorkbookXml = await text(zip, WORKBOOK);
  let workbookXml = inputWorkbookXml;
  for (const update of patch.updates ?? [])
    for (const rows of update.deletedRows ?? [])
      workbookXml = withMovedNames(workbookXml, update.sheet, rows);
  const relationships = parseRelationships(await text(zip, WORKBOOK_RELS), 'xl');
  const layout = planLayout(parseSheets(workbookXml), workbookXml, patch);
  const context: PatchContext = {
    zip,
    patch,
    ids: new IdAllocator(zip, relationships, layout.sheets),
    styles: new LazyStyles(zip, relationships, numberFormatsOf(patch.writes)),
    tableNames: (await readPackageIndex(zip)).takenNames,
    relationships: [],
    contentTypes: [],
    removedParts: await removeSheetParts(zip, layout.removed, relationships),
    dropCalcChain: layout.removed.length > 0,
  };
  const deselected = (entry: SheetEntry) =>
    layout.deselect !== undefined && same(entry.name, layout.deselect.name);
  for (const [index, entry] of layout.sheets.entries()) {
    const selected = index === layout.activeTab && (layout.deselect !== undefined || entry.isNew);
    if (entry.request && entry.isNew) await writeNewSheet(context, entry, selected);
    else if (entry.request) {
      const tab = selected ? 'selected' : deselected(entry) ? 'deselected' : 'kept';
      await rewriteSheet(context, sheetPartOf(entry, relationships), entry.request, tab);
    }
  }
  for (const update of patch.updates ?? []) {
    const entry = layout.sheets.find((sheet) => same(sheet.name, update.sheet));
    if (!entry || !update.deletedRows) continue;
    const others = layout.sheets
      .filter((sheet) => sheet !== entry && !sheet.request)
      .map((sheet) => sheetPartOf(sheet, relationships));
    for (const rows of update.deletedRows)
      await deleteRows(context, sheetPartOf(entry, relationships), entry.name, rows, others);
  }
  for (const update of patch.updates ?? []) {
    const entry = layout.sheets.find((sheet) => same(sheet.name, update.sheet));
    if (entry) await updateSheet(context, sheetPartOf(entry, relationships), update);
  }
  const selectedPart = layout.sheets[layout.activeTab];
  if (layout.deselect && selectedPart && !selectedPart.request)
    await editPart(zip, sheetPartOf(selectedPart, relationships), (xml) => withTabSelected(xml, true));
  const rewritten = layout.sheets.some((entry) => entry.request && deselected(entry));
  if (layout.deselect && !rewritten)
    await editPart(zip, sheetPartOf(layout.deselect, relationships), (xml) => withTabSelected(xml, false));
  if (context.rowsDeleted) workbookXml = withFullCalculation(workbookXml);
  await finishPackage(context, layout, workbookXml, relationships, inputWorkbookXml);
  return zip.generateNodeStream({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
};

interface PatchContext {
  zip: JSZip;
  patch: WorkbookPatch;
  ids: IdAllocator;
  styles: LazyStyles;
  tableNames: Set<string>;
  relationships: NewRelationship[];
  contentTypes: NewOverride[];
  removedParts: Set<string>;
  dropCalcChain: boolean;
  /** Rows were deleted: the cached values of formulas that pointed at them are stale until Excel calculates. */
  rowsDeleted?: boolean;
}

/** workbook.xml, its relationships and the content types: each written only where it changed. */
const finishPackage = async (
  context: PatchContext,
  layout: Layout,
  workbookXml: string,
  relationships: Relationship[],
  inputWorkbookXml: string,
): Promise<void> => {
  const { zip } = context;
  const calcChain = relationships.find((relationship) => relationship.type === REL_TYPE.calcChain);
  if (calcChain && context.dropCalcChain && zip.file(calcChain.part)) {
    zip.remove(calcChain.part);
    context.removedParts.add(calcChain.part);
  }
  const styles = context.styles.finish(context.ids);
  context.relationships.push(...styles.relationships);
  context.contentTypes.push(...styles.contentTypes);
  const removedIds = new Set(layout.removed.map((sheet) => sheet.relationId));
  for (const relationship of relationships)
    if (context.removedParts.has(relationship.part)) removedIds.add(relationship.id);
  const finalWorkbookXml = layout.changed ? editWorkbookXml(workbookXml, layout) : workbookXml;
  putIfChanged(zip, WORKBOOK, inputWorkbookXml, finalWorkbookXml);
  const rels = await text(zip, WORKBOOK_RELS);
  putIfChanged(zip, WORKBOOK_RELS, rels, editRelationships(rels, removedIds, context.relationships));
  const types = await text(zip, CONTENT_TYPES);
  putIfChanged(
    zip,
    CONTENT_TYPES,
    types,
    editContentTypes(types, context.removedParts, context.contentTypes),
  );
};

// JSZip would add an entry for every folder; Excel writes none and other readers need none
const put = (zip: JSZip, part: string, data: string | Buffer): void => {
  zip.file(part, data, { createFolders: false });
};

/** A sheet's rows, deflated as they are made (deflatedEntry.ts). */
const putRows = async (zip: JSZip, part: string, xml: Iterable<Buffer>): Promise<void> => {
  zip.file(part, (await deflatedEntry(xml)) as unknown as Buffer, { createFolders: false });
};

const putIfChanged = (zip: JSZip, part: string, before: string, after: string): void => {
  if (after !== before) put(zip, part, after);
};

const editPart = async (zip: JSZip, part: string, edit: (xml: string) => string): Promise<void> => {
  if (!zip.file(part)) return;
  const before = await text(zip, part);
  putIfChanged(zip, part, before, edit(before));
};

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const planLayout = (input: SheetEntry[], workbookXml: string, patch: WorkbookPatch): Layout => {
  const deleted = (entry: SheetEntry) => patch.deletions.some((name) => same(name, entry.name));
  const writeFor = (name: string) => patch.writes.find((request) => same(request.sheet, name));
  const kept = input.filter((entry) => !deleted(entry));
  let changed = kept.length !== input.length;
  const sheets: PlannedSheet[] = kept.map((entry) => {
    const request = writeFor(entry.name);
    if (!request) return { ...entry, isNew: false };
    const visibility = request.visibility ?? 'visible';
    const element = entry.element && withVisibility(entry.element, visibility);
    if (element !== entry.element) changed = true;
    return { ...entry, element, request, isNew: false, visibility };
  });
  for (const request of patch.writes) {
    if (kept.some((entry) => same(entry.name, request.sheet))) continue;
    changed = true;
    sheets.push({
      name: request.sheet,
      element: null,
      sheetId: request.sheetId ?? 0,
      relationId: '',
      request,
      isNew: true,
      visibility: request.visibility,
    });
  }
  const stays = (entry: SheetEntry | undefined) => entry !== undefined && !deleted(entry);
  const oldActiveTab = activeTabOf(workbookXml);
  const oldActive = stays(input[oldActiveTab]) ? input[oldActiveTab] : undefined;
  const previous = oldActive ? sheets.findIndex((sheet) => sheet.name === oldActive.name) : oldActiveTab;
  const activeTab = chooseActiveTab(sheets, patch.activeSheet, previous);
  return {
    sheets,
    removed: input.filter((entry) => !stays(entry)),
    newIndexOf: (oldIndex) =>
      stays(input[oldIndex]) ? sheets.findIndex((sheet) => sheet.name === input[oldIndex].name) : null,
    activeTab,
    deselect: oldActive && sheets[activeTab]?.name !== oldActive.name ? oldActive : undefined,
    changed: changed || activeTab !== oldActiveTab,
  };
};

/** The `<sheet/>` element with the visibility a rewrite asks for (the state sheet stays very hidden). */
const withVisibility = (element: string, visibility: string): string => {
  const current = attributesOf(element).get('state') ?? 'visible';
  if (current === visibility) return element;
  if (visibility !== 'visible') return withAttribute(element, 'state', visibility);
  return element.replace(/\sstate\s*=\s*("[^"]*"|'[^']*')/, '');
};

/** The requested sheet, else the tab that was active (or took its place), within the tabs left. */
const chooseActiveTab = (sheets: SheetEntry[], requested: string | undefined, previous: number): number => {
  const index = requested === undefined ? -1 : sheets.findIndex((entry) => same(entry.name, requested));
  return index >= 0 ? index : Math.max(0, Math.min(previous, sheets.length - 1));
};

/** Removes the sheet parts with their rels and tables. */
const removeSheetParts = async (
  zip: JSZip,
  removed: SheetEntry[],
  relationships: Relationship[],
): Promise<Set<string>> => {
  const parts = new Set<string>();
  for (const entry of removed) {
    const part = sheetPartOf(entry, relationships);
    const rels = zip.file(relsPartOf(part));
    if (rels) {
      for (const relationship of parseRelationships(await rels.async('string'), folderOf(part)))
        if (relationship.type === REL_TYPE.table) parts.add(relationship.part);
      parts.add(relsPartOf(part));
    }
    parts.add(part);
  }
  for (const part of parts) zip.remove(part);
  return parts;
};

class IdAllocator {
  private nextRelation: number;
  private nextSheetId: number;
  private nextTableId = 1;

  constructor(
    private readonly zip: JSZip,
    relationships: Relationship[],
    sheets: SheetEntry[],
  ) {
    const numbers = relationships.map(({ id }) => Number(/^rId(\d+)$/.exec(id)?.[1] ?? 0));
    this.nextRelation = Math.max(0, ...numbers) + 1;
    this.nextSheetId = Math.max(0, ...sheets.map((sheet) => sheet.sheetId || 0)) + 1;
  }

  relationId(): string {
    return `rId${this.nextRelation++}`;
  }

  sheetId(): number {
    return this.nextSheetId++;
  }

  /** Table ids must be unique across the workbook, not just per sheet. */
  async tableId(): Promise<number> {
    if (this.nextTableId === 1) {
      const ids = await Promise.all(
        this.zip
          .file(/^xl\/tables\/[^/]+\.xml$/)
          .map(async (entry) =>
            Number(
              attributesOf(/<table\b[^>]*>/.exec(await entry.async('string'))?.[0] ?? '').get('id') ?? 0,
            ),
          ),
      );
      this.nextTableId = Math.max(0, ...ids) + 1;
    }
    return this.nextTableId++;
  }

  freePart(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.zip.file(pattern(n))) return pattern(n);
  }
}

/** Every number format code the written sheets use, once. */
const numberFormatsOf = (writes: WriteTableRequest[]): string[] => [
  ...new Set(writes.flatMap((request) => Object.values(request.data.numberFormats ?? {}))),
];

/** The text, date and requested number formats, added to styles.xml only when a written cell uses them. */
class LazyStyles {
  private prepared: { part: string; before: string; xml: string; styles: CellStyles } | undefined;
  private used = false;
  private missingPart = false;

  constructor(
    private readonly zip: JSZip,
    private readonly workbookRelationships: Relationship[],
    private readonly numberFormats: string[],
  ) {}

  /** Knows the formats' indexes without changing styles.xml yet. */
  async prepare(): Promise<void> {
    if (this.prepared) return;
    const part = this.workbookRelationships.find(
      (relationship) => relationship.type === REL_TYPE.styles,
    )?.part;
    this.missingPart = part === undefined;
    const before = part ? await text(this.zip, part) : MINIMAL_STYLES;
    this.prepared = { part: part ?? STYLES, before, ...ensureCellStyles(before, this.numberFormats) };
  }

  /** The formats, for a cell written with one of them. */
  use(): CellStyles {
    if (!this.prepared) throw new Error('LazyStyles.use before prepare');
    this.used = true;
    return this.prepared.styles;
  }

  async get(): Promise<CellStyles> {
    await this.prepare();
    return this.use();
  }

  finish(ids: IdAllocator): { relationships: NewRelationship[]; contentTypes: NewOverride[] } {
    const { prepared } = this;
    if (!this.used || !prepared) return { relationships: [], contentTypes: [] };
    if (prepared.xml !== prepared.before || this.missingPart) put(this.zip, prepared.part, prepared.xml);
    return this.missingPart
      ? {
          relationships: [{ id: ids.relationId(), type: REL_TYPE.styles, target: 'styles.xml' }],
          contentTypes: [{ part: STYLES, contentType: CONTENT_TYPE.styles }],
        }
      : { relationships: [], contentTypes: [] };
  }
}

const uniqueName = (wanted: string, taken: Set<string>): string => {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
};

const writeNewSheet = async (
  context: PatchContext,
  entry: PlannedSheet,
  selected: boolean,
): Promise<void> => {
  const { zip, ids } = context;
  const request = entry.request!;
  entry.sheetId = request.sheetId ?? ids.sheetId();
  entry.relationId = ids.relationId();
  const part = ids.freePart((n) => `xl/worksheets/sheet${n}.xml`);
  const table = request.tableName ? await writeNewTable(context, part, request) : undefined;
  const xml = worksheetPart({
    request,
    styles: await context.styles.get(),
    dateSystem: context.patch.dateSystem,
    tabSelected: selected,
    tableRelationId: table ? 'rId1' : undefined,
  });
  await putRows(zip, part, xml);
  context.relationships.push({
    id: entry.relationId,
    type: REL_TYPE.worksheet,
    target: part.replace(/^xl\//, ''),
  });
  context.contentTypes.push({ part, contentType: CONTENT_TYPE.worksheet });
  if (table) context.contentTypes.push({ part: table, contentType: CONTENT_TYPE.table });
};

const writeNewTable = async (context: PatchContext, sheetPart: string, request: WriteTableRequest) => {
  const part = context.ids.freePart((n) => `xl/tables/table${n}.xml`);
  const name = uniqueName(request.tableName!, context.tableNames);
  put(context.zip, part, tableXml({ id: await context.ids.tableId(), name, request }));
  const target = `../tables/${part.split('/').pop()}`;
  put(context.zip, relsPartOf(sheetPart), relationshipsXml([{ id: 'rId1', type: REL_TYPE.table, target }]));
  return part;
};

/**
 * An input sheet written again: its rows are replaced, its table takes the new range under its old name and style,
 * and everything else of the part — column widths, people's cell formats (kept per column from the old first rows),
 * validation, conditional formats, views — stays. Its rows are made and deflated piece by piece; reading the part
 * back would build its whole XML, so every edit of it (tab, table part) is made here.
 */
const rewriteSheet = async (
  context: PatchContext,
  part: string,
  request: PatchWrite,
  tab: 'selected' | 'deselected' | 'kept',
): Promise<void> => {
  const { zip } = context;
  const before = await text(zip, part);
  if (/<f[\s>]/.test(before)) context.dropCalcChain = true;
  const styles = await context.styles.get();
  const { data } = request;
  let xml = withDimension(replaceSheetData(before, SHEET_DATA_SLOT), tableRange(data));
  if (!/<cols\b/.test(xml))
    xml = xml.replace('<sheetData>', `${colsXml(data, new Set(data.textColumns), styles.text)}<sheetData>`);
  if (tab !== 'kept') xml = withTabSelected(xml, tab === 'selected');
  const [table] = await sheetTables(zip, part);
  if (table && request.tableName) {
    const old = await text(zip, table.part);
    const head = attributesOf(/<table\b[^>]*>/.exec(old)?.[0] ?? '');
    const styleInfo = /<tableStyleInfo\b[^>]*\/>/.exec(old)?.[0];
    const name = head.get('name') ?? request.tableName;
    put(zip, table.part, tableXml({ id: Number(head.get('id') ?? 1), name, request, styleInfo }));
  } else if (request.tableName) {
    xml = withTablePart(xml, await addTablePart(context, part, request));
  }
  const rows = rowElements(request, styles, context.patch.dateSystem, keptStyles(before));
  await putRows(zip, part, withRows(xml, rows));
};

/** A table on an input sheet that had none: a part of its own and a relationship; returns the relationship's id. */
const addTablePart = async (context: PatchContext, sheetPart: string, request: WriteTableRequest) => {
  const { zip, ids } = context;
  const part = ids.freePart((n) => `xl/tables/table${n}.xml`);
  const name = uniqueName(request.tableName!, context.tableNames);
  put(zip, part, tableXml({ id: await ids.tableId(), name, request }));
  const relsPart = relsPartOf(sheetPart);
  const rels = zip.file(relsPart) ? await text(zip, relsPart) : relationshipsXml([]);
  const taken = parseRelationships(rels, folderOf(sheetPart)).map(({ id }) => id);
  let n = 1;
  while (taken.includes(`rId${n}`)) n++;
  const target = `../tables/${part.split('/').pop()}`;
  put(zip, relsPart, editRelationships(rels, new Set(), [{ id: `rId${n}`, type: REL_TYPE.table, target }]));
  context.contentTypes.push({ part, contentType: CONTENT_TYPE.table });
  return `rId${n}`;
};

const withTablePart = (sheetXml: string, relationId: string): string => {
  const element = `<tableParts count="1"><tablePart r:id="${relationId}"/></tableParts>`;
  const at = sheetXml.search(/<extLst\b|<\/worksheet>/);
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
};

/**
 * Cells written into an input sheet people work in: changed cells in place, new rows below the table taking the
 * styles of its last row (as Excel does), the table and the ranges that follow it grown. Nothing else changes.
 */
const updateSheet = async (context: PatchContext, part: string, update: PatchUpdate): Promise<void> => {
  const { zip } = context;
  const before = await text(zip, part);
  const grown = update.table;
  const inherited = grown
    ? continuedStyles(before, grown.newRowsFrom, grown.firstDataRow)
    : new Map<number, number>();
  await context.styles.prepare();
  // a string written inline stays text without a text format; only a date needs one to look like a date
  const edited = editCells(before, editsOf(update.cells), context.patch.dateSystem, (row, column, value) => {
    const isNew = grown !== undefined && row >= grown.newRowsFrom;
    const style = isNew ? inherited.get(column) : undefined;
    return style ?? (value instanceof Date ? context.styles.use().date : undefined);
  });
  if (edited.overwroteFormula) context.dropCalcChain = true;
  let xml = edited.xml;
  const rows = update.cells.map((cell) => cell.row);
  const columns = update.cells.map((cell) => cell.column);
  if (rows.length > 0)
    xml = grownDimension(xml, {
      firstRow: Math.min(...rows),
      firstColumn: Math.min(...columns),
      lastRow: Math.max(...rows),
      lastColumn: Math.max(...columns),
    });
  if (grown) xml = await growTable(context, part, grown, xml);
  put(zip, part, xml);
};

/**
 * Whole rows deleted from an input sheet (rowDeletion.ts): its part, its tables, and the formulas of the other
 * sheets that name it. The calculation chain goes and Excel calculates everything on opening: cached values of
 * formulas that pointed at the deleted rows are stale.
 */
const deleteRows = async (
  context: PatchContext,
  part: string,
  sheetName: string,
  rows: number[],
  others: string[],
): Promise<void> => {
  const { zip } = context;
  await editPart(zip, part, (xml) => deleteSheetRows(xml, sheetName, rows));
  for (const table of await sheetTables(zip, part))
    await editPart(zip, table.part, (xml) => shrunkTable(xml, rows));
  for (const other of others)
    await editPart(zip, other, (xml) =>
      xml.includes('!') ? withFormulas(xml, (formula) => shiftFormula(formula, sheetName, false, rows)) : xml,
    );
  context.dropCalcChain = true;
  context.rowsDeleted = true;
};

const withFullCalculation = (workbookXml: string): string => {
  const calcPr = /<calcPr\b[^>]*?\/?>/.exec(workbookXml)?.[0];
  if (calcPr) return workbookXml.replace(calcPr, withAttribute(calcPr, 'fullCalcOnLoad', '1'));
  const at = workbookXml.search(
    /<(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/,
  );
  return `${workbookXml.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${workbookXml.slice(at)}`;
};

/** The table's range and filter grow to the new last row, and so do the rules over its columns. */
const growTable = async (
  context: PatchContext,
  sheetPart: string,
  grown: NonNullable<PatchUpdate['table']>,
  sheetXml: string,
): Promise<string> => {
  const table = (await sheetTables(context.zip, sheetPart)).find((t) => same(t.name, grown.name));
  if (!table) return sheetXml;
  const range = cellRange(table.ref);
  const ref = rangeRef({ ...range, lastRow: grown.lastRow });
  await editPart(context.zip, table.part, (xml) =>
    xml.replace(/<(table|autoFilter)\b[^>]*>/g, (tag) =>
      attributesOf(tag).get('ref') === table.ref ? withAttribute(tag, 'ref', ref) : tag,
    ),
  );
  return growRules(sheetXml, range, grown.lastRow);
};
