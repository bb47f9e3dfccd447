import type JSZip from 'jszip';
import type { SheetVisibility } from '../../core/workbook/workbookPort';
import { toVisibility } from '../sheetExtras';
import { definedNamesOf, parseRelationships, parseSheets, REL_TYPE, type SheetEntry } from './packageParts';
import { attributesOf } from './xmlText';

export const WORKBOOK = 'xl/workbook.xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

export interface IndexedTable {
  name: string;
  part: string;
  /** "A1:O51" */
  ref: string;
}

export interface IndexedSheet {
  name: string;
  sheetId: number;
  visibility: SheetVisibility;
  /** The worksheet part, e.g. "xl/worksheets/sheet3.xml"; '' when the workbook points nowhere. */
  part: string;
  tables: IndexedTable[];
}

/** What the package says about its sheets without reading any cell: names, ids, tables, names in use. */
export interface PackageIndex {
  sheets: IndexedSheet[];
  /** Table names and defined names, lower case: a new table must not take one (Excel would repair the file). */
  takenNames: Set<string>;
  dateSystem: 1900 | 1904;
}

export const text = async (zip: JSZip, part: string): Promise<string> => {
  const entry = zip.file(part);
  if (!entry) throw new Error(`Missing part ${part}`);
  return entry.async('string');
};

export const relsPartOf = (part: string): string => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
};

export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/'));

/** The start tag of a table part: its name and range, without reading the rest. */
const tableHead = async (zip: JSZip, part: string): Promise<Map<string, string>> =>
  attributesOf(/<table\b[^>]*>/.exec(await text(zip, part))?.[0] ?? '');

export const sheetTables = async (zip: JSZip, sheetPart: string): Promise<IndexedTable[]> => {
  const rels = zip.file(relsPartOf(sheetPart));
  if (!rels) return [];
  const tables: IndexedTable[] = [];
  for (const relationship of parseRelationships(await rels.async('string'), folderOf(sheetPart))) {
    if (relationship.type !== REL_TYPE.table || !zip.file(relationship.part)) continue;
    const head = await tableHead(zip, relationship.part);
    tables.push({ name: head.get('name') ?? '', part: relationship.part, ref: head.get('ref') ?? '' });
  }
  return tables;
};

export const sheetPartOf = (entry: SheetEntry, relationships: { id: string; part: string }[]): string =>
  relationships.find((relationship) => relationship.id === entry.relationId)?.part ?? '';

export const readPackageIndex = async (zip: JSZip): Promise<PackageIndex> => {
  const workbookXml = await text(zip, WORKBOOK);
  const relationships = parseRelationships(await text(zip, WORKBOOK_RELS), 'xl');
  const sheets: IndexedSheet[] = [];
  for (const entry of parseSheets(workbookXml)) {
    const part = sheetPartOf(entry, relationships);
    sheets.push({
      name: entry.name,
      sheetId: entry.sheetId,
      visibility: toVisibility(entry.visibility),
      part,
      tables: part ? await sheetTables(zip, part) : [],
    });
  }
  const takenNames = new Set(definedNamesOf(workbookXml).map((name) => name.toLowerCase()));
  for (const entry of zip.file(/^xl\/tables\/[^/]+\.xml$/)) {
    const head = await tableHead(zip, entry.name);
    for (const key of ['name', 'displayName']) takenNames.add((head.get(key) ?? '').toLowerCase());
  }
  const workbookPr = attributesOf(/<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '');
  const date1904 = ['1', 'true'].includes(workbookPr.get('date1904') ?? '');
  return { sheets, takenNames, dateSystem: date1904 ? 1904 : 1900 };
};
