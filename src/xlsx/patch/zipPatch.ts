import JSZip from 'jszip';
import type { WriteTableRequest } from '../../core/workbook/workbookPort';
import {
  activeTabOf,
  CONTENT_TYPE,
  definedNamesOf,
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
import { tableXml, worksheetXml } from './worksheetXml';
import { attributesOf } from './xmlText';

/** What a streamed workbook changed: the input file plus these sheets is the output. */
export interface WorkbookPatch {
  /** The final content of each written sheet, in the order first written; an input sheet's name replaces it in place. */
  writes: WriteTableRequest[];
  /** Input sheets to remove. */
  deletions: string[];
  /** The sheet the workbook opens on, when a write asked for it. */
  activeSheet?: string;
  dateSystem: 1900 | 1904;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';
const STYLES = 'xl/styles.xml';

interface PlannedSheet extends SheetEntry {
  request?: WriteTableRequest;
}

interface Layout {
  sheets: PlannedSheet[];
  /** Input sheets that are deleted or replaced: their parts go. */
  removed: SheetEntry[];
  newIndexOf: (oldIndex: number) => number | null;
  activeTab: number;
  /** The input sheet that was active, if it stays as it is and another sheet becomes active. */
  deselect?: SheetEntry;
}

/**
 * Writes the input package with the patch applied. Every part the patch does not touch keeps its compressed
 * bytes (JSZip copies an entry's deflated data when the output compression is DEFLATE too), so a million-row
 * sheet is neither parsed nor inflated.
 */
export const patchWorkbook = async (input: Buffer, patch: WorkbookPatch): Promise<NodeJS.ReadableStream> => {
  const zip = await JSZip.loadAsync(input);
  const workbookXml = await text(zip, WORKBOOK);
  const relationships = parseRelationships(await text(zip, WORKBOOK_RELS), 'xl');
  const layout = planLayout(parseSheets(workbookXml), workbookXml, patch);
  const ids = new IdAllocator(zip, relationships, layout.sheets);
  const removedParts = await removeSheetParts(zip, layout.removed, relationships);
  const styles = await ensureStyles(zip, relationships, ids, numberFormatsOf(patch.writes));
  const tableNames = await takenTableNames(zip, workbookXml);
  const added = await writeSheets(zip, layout, { patch, styles, ids, tableNames });
  if (layout.deselect) await deselectTab(zip, partOf(layout.deselect, relationships));

  const removedIds = new Set(layout.removed.map((sheet) => sheet.relationId));
  for (const relationship of relationships)
    if (removedParts.has(relationship.part)) removedIds.add(relationship.id);
  put(zip, WORKBOOK, editWorkbookXml(workbookXml, layout));
  put(zip, WORKBOOK_RELS, editRelationships(await text(zip, WORKBOOK_RELS), removedIds, added.relationships));
  put(zip, CONTENT_TYPES, editContentTypes(await text(zip, CONTENT_TYPES), removedParts, added.contentTypes));
  return zip.generateNodeStream({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
};

const text = async (zip: JSZip, part: string): Promise<string> => {
  const entry = zip.file(part);
  if (!entry) throw new Error(`Missing part ${part}`);
  return entry.async('string');
};

// JSZip would add an entry for every folder; Excel writes none and other readers need none
const put = (zip: JSZip, part: string, data: string | Buffer): void => {
  zip.file(part, data, { createFolders: false });
};

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const planLayout = (input: SheetEntry[], workbookXml: string, patch: WorkbookPatch): Layout => {
  const deleted = (entry: SheetEntry) => patch.deletions.some((name) => same(name, entry.name));
  const writeFor = (name: string) => patch.writes.find((request) => same(request.sheet, name));
  const kept = input.filter((entry) => !deleted(entry));
  const sheets: PlannedSheet[] = kept.map((entry) => {
    const request = writeFor(entry.name);
    // a replaced sheet keeps its tab position and the name as the user spelled it
    return request ? { ...entry, element: null, request, visibility: request.visibility } : entry;
  });
  for (const request of patch.writes) {
    if (kept.some((entry) => same(entry.name, request.sheet))) continue;
    sheets.push({
      name: request.sheet,
      element: null,
      sheetId: 0,
      relationId: '',
      request,
      visibility: request.visibility,
    });
  }
  const stays = (entry: SheetEntry | undefined) => entry !== undefined && sheets.includes(entry);
  const oldActiveTab = activeTabOf(workbookXml);
  const oldActive = stays(input[oldActiveTab]) ? input[oldActiveTab] : undefined;
  const activeTab = chooseActiveTab(
    sheets,
    patch.activeSheet,
    oldActive ? sheets.indexOf(oldActive) : oldActiveTab,
  );
  return {
    sheets,
    removed: input.filter((entry) => !stays(entry)),
    newIndexOf: (oldIndex) => (stays(input[oldIndex]) ? sheets.indexOf(input[oldIndex]) : null),
    activeTab,
    deselect: oldActive && sheets[activeTab] !== oldActive ? oldActive : undefined,
  };
};

/** The requested sheet, else the tab that was active (or took its place), within the tabs left. */
const chooseActiveTab = (sheets: SheetEntry[], requested: string | undefined, previous: number): number => {
  const index = requested === undefined ? -1 : sheets.findIndex((entry) => same(entry.name, requested));
  return index >= 0 ? index : Math.max(0, Math.min(previous, sheets.length - 1));
};

const partOf = (entry: SheetEntry, relationships: Relationship[]): string =>
  relationships.find((relationship) => relationship.id === entry.relationId)?.part ?? '';

const relsPartOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/'));

/** Removes the sheet parts with their rels and tables, and calcChain.xml, which lists cells of removed sheets. */
const removeSheetParts = async (
  zip: JSZip,
  removed: SheetEntry[],
  relationships: Relationship[],
): Promise<Set<string>> => {
  const parts = new Set<string>();
  for (const entry of removed) {
    const part = partOf(entry, relationships);
    const rels = zip.file(relsPartOf(part));
    if (rels) {
      for (const relationship of parseRelationships(await rels.async('string'), folderOf(part)))
        if (relationship.type === REL_TYPE.table) parts.add(relationship.part);
      parts.add(relsPartOf(part));
    }
    parts.add(part);
  }
  // Excel rebuilds the calculation chain when it is missing
  const calcChain = relationships.find((relationship) => relationship.type === REL_TYPE.calcChain);
  if (calcChain && removed.length > 0) parts.add(calcChain.part);
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
        tableParts(this.zip).map(async (entry) =>
          tableAttributes(entry).then((a) => Number(a.get('id') ?? 0)),
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

const tableParts = (zip: JSZip): JSZip.JSZipObject[] => zip.file(/^xl\/tables\/[^/]+\.xml$/);

const tableAttributes = async (entry: JSZip.JSZipObject): Promise<Map<string, string>> =>
  attributesOf(/<table\b[^>]*>/.exec(await entry.async('string'))?.[0] ?? '');

/** Excel rejects a table whose name equals another table's or a defined name, ignoring case. */
const takenTableNames = async (zip: JSZip, workbookXml: string): Promise<Set<string>> => {
  const names = new Set(definedNamesOf(workbookXml).map((name) => name.toLowerCase()));
  for (const entry of tableParts(zip)) {
    const attributes = await tableAttributes(entry);
    for (const key of ['name', 'displayName']) names.add((attributes.get(key) ?? '').toLowerCase());
  }
  return names;
};

const uniqueName = (wanted: string, taken: Set<string>): string => {
  let name = wanted;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}_${n}`;
  taken.add(name.toLowerCase());
  return name;
};

/** Every number format code the written sheets use, once. */
const numberFormatsOf = (writes: WriteTableRequest[]): string[] => [
  ...new Set(writes.flatMap((request) => Object.values(request.data.numberFormats ?? {}))),
];

const ensureStyles = async (
  zip: JSZip,
  relationships: Relationship[],
  ids: IdAllocator,
  numberFormats: string[],
) => {
  const part = relationships.find((relationship) => relationship.type === REL_TYPE.styles)?.part;
  const stylesPart = part ?? STYLES;
  const { xml, styles } = ensureCellStyles(part ? await text(zip, part) : MINIMAL_STYLES, numberFormats);
  put(zip, stylesPart, xml);
  const missing = part === undefined;
  return {
    styles,
    relationships: missing ? [{ id: ids.relationId(), type: REL_TYPE.styles, target: 'styles.xml' }] : [],
    contentTypes: missing ? [{ part: STYLES, contentType: CONTENT_TYPE.styles }] : [],
  };
};

interface WriteContext {
  patch: WorkbookPatch;
  styles: Awaited<ReturnType<typeof ensureStyles>>;
  ids: IdAllocator;
  tableNames: Set<string>;
}

const writeSheets = async (zip: JSZip, layout: Layout, context: WriteContext) => {
  const relationships: NewRelationship[] = [...context.styles.relationships];
  const contentTypes: NewOverride[] = [...context.styles.contentTypes];
  for (const [index, entry] of layout.sheets.entries()) {
    if (!entry.request) continue;
    entry.sheetId = context.ids.sheetId();
    entry.relationId = context.ids.relationId();
    const part = context.ids.freePart((n) => `xl/worksheets/sheet${n}.xml`);
    const table = entry.request.tableName ? await writeTable(zip, part, entry.request, context) : undefined;
    const xml = worksheetXml({
      request: entry.request,
      styles: context.styles.styles,
      dateSystem: context.patch.dateSystem,
      tabSelected: index === layout.activeTab,
      tableRelationId: table ? 'rId1' : undefined,
    });
    put(zip, part, Buffer.from(xml));
    relationships.push({ id: entry.relationId, type: REL_TYPE.worksheet, target: part.replace(/^xl\//, '') });
    contentTypes.push({ part, contentType: CONTENT_TYPE.worksheet });
    if (table) contentTypes.push({ part: table, contentType: CONTENT_TYPE.table });
  }
  return { relationships, contentTypes };
};

const writeTable = async (
  zip: JSZip,
  sheetPart: string,
  request: WriteTableRequest,
  context: WriteContext,
): Promise<string> => {
  const part = context.ids.freePart((n) => `xl/tables/table${n}.xml`);
  const name = uniqueName(request.tableName!, context.tableNames);
  put(zip, part, tableXml({ id: await context.ids.tableId(), name, request }));
  const target = `../tables/${part.split('/').pop()}`;
  put(zip, relsPartOf(sheetPart), relationshipsXml([{ id: 'rId1', type: REL_TYPE.table, target }]));
  return part;
};

/** A second selected tab would make Excel open the workbook with a sheet group selected. */
const deselectTab = async (zip: JSZip, part: string): Promise<void> => {
  const entry = zip.file(part);
  if (!entry) return;
  const xml = await entry.async('nodebuffer');
  const head = xml.subarray(0, Math.max(xml.indexOf('<sheetData'), 0)).toString('utf8');
  const selected = /(<sheetView\b[^>]*?)\stabSelected\s*=\s*"(1|true)"/.exec(head);
  if (!selected) return;
  const edited = Buffer.from(head.replace(selected[0], selected[1]));
  put(zip, part, Buffer.concat([edited, xml.subarray(Buffer.byteLength(head))]));
};
