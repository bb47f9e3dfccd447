import { parseArea, type TableDefinition } from '../core/kernel/sheetTable';
import { parseRelationships, parseSheets, REL_TYPE } from './patch/packageParts';
import { attributesOf, elementsNamed } from './patch/xmlText';

/** What a sheet's cell values leave out, read from the small parts of the package beside it. */
export interface SheetPackageInfo {
  /** The sheet's part, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
  tables: TableDefinition[];
  /** Hyperlink relationship id → its target ("mailto:bernd@example.de", "https://…"). */
  linkTargets: Map<string, string>;
}

const HYPERLINK_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/'));
const relsOf = (part: string): string =>
  `${folderOf(part)}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

/** A part of the package as text; null when the package has no such part. */
export type PartReader = (part: string) => Promise<string | null>;

/** An Excel table part (xl/tables/tableN.xml); Excel leaves out headerRowCount when it is 1, the default. */
export const parseTableXml = (xml: string): TableDefinition | null => {
  const tag = /<table\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return null;
  const attributes = attributesOf(tag);
  const area = parseArea(attributes.get('ref') ?? '');
  if (!area) return null;
  const columns = elementsNamed(xml, 'tableColumn').map((column) => attributesOf(column).get('name') ?? '');
  return {
    name: attributes.get('displayName') ?? attributes.get('name') ?? '',
    area,
    hasHeaderRow: attributes.get('headerRowCount') !== '0',
    totalsRowCount: Number(attributes.get('totalsRowCount') ?? 0),
    columns,
  };
};

async function sheetInfo(text: PartReader, part: string): Promise<SheetPackageInfo> {
  const rels = await text(relsOf(part));
  const relationships = rels ? parseRelationships(rels, folderOf(part)) : [];
  const tables: TableDefinition[] = [];
  for (const relationship of relationships.filter((r) => r.type === REL_TYPE.table)) {
    const xml = await text(relationship.part);
    const table = xml ? parseTableXml(xml) : null;
    if (table) tables.push(table);
  }
  // hyperlink targets are external: the raw Target attribute, not a part in the package
  const linkTargets = new Map<string, string>();
  for (const element of elementsNamed(rels ?? '', 'Relationship')) {
    const attributes = attributesOf(element);
    if (attributes.get('Type') === HYPERLINK_TYPE)
      linkTargets.set(attributes.get('Id') ?? '', attributes.get('Target') ?? '');
  }
  return { part, tables, linkTargets };
}

/** Per sheet (by its name in lower case): its part, its Excel tables and its hyperlink targets. */
export async function readPackageInfo(text: PartReader): Promise<Map<string, SheetPackageInfo>> {
  const workbookXml = (await text('xl/workbook.xml')) ?? '';
  const relationships = parseRelationships((await text('xl/_rels/workbook.xml.rels')) ?? '', 'xl');
  const info = new Map<string, SheetPackageInfo>();
  for (const sheet of parseSheets(workbookXml)) {
    const part = relationships.find((r) => r.id === sheet.relationId)?.part;
    if (part) info.set(sheet.name.toLowerCase(), await sheetInfo(text, part));
  }
  return info;
}
