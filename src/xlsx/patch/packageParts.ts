import { MAIN_NS, REL_NS, type CellStyles } from './worksheetXml';
import { attributesOf, elementsNamed, escapeXml, withAttribute, withoutAttribute } from './xmlText';

export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  table: `${REL_NS}/table`,
  calcChain: `${REL_NS}/calcChain`,
  styles: `${REL_NS}/styles`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
} as const;

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  /** The part the relationship points to, as a zip entry name ("xl/worksheets/sheet1.xml"). */
  part: string;
}

/** Relationship targets are relative to the source part's folder, or absolute from the package root. */
export const resolveTarget = (sourceFolder: string, target: string): string => {
  const segments = target.startsWith('/') ? [] : sourceFolder.split('/').filter(Boolean);
  for (const segment of target.split('/').filter(Boolean)) {
    if (segment === '..') segments.pop();
    else if (segment !== '.') segments.push(segment);
  }
  return segments.join('/');
};

export const parseRelationships = (xml: string, sourceFolder: string): Relationship[] =>
  elementsNamed(xml, 'Relationship').map((element) => {
    const attributes = attributesOf(element);
    return {
      id: attributes.get('Id') ?? '',
      type: attributes.get('Type') ?? '',
      part: resolveTarget(sourceFolder, attributes.get('Target') ?? ''),
    };
  });

export interface NewRelationship {
  id: string;
  type: string;
  /** Relative to the source part's folder. */
  target: string;
}

export interface NewOverride {
  part: string;
  contentType: string;
}

export const relationshipsXml = (relationships: NewRelationship[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">` +
  relationships
    .map(({ id, type, target }) => `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`)
    .join('') +
  '</Relationships>';

/** Drops the relationships with the given ids and appends new ones, leaving every other one as written. */
export const editRelationships = (xml: string, removeIds: Set<string>, add: NewRelationship[]): string => {
  const kept = xml.replace(/<Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/Relationship>)/g, (element) =>
    removeIds.has(attributesOf(element).get('Id') ?? '') ? '' : element,
  );
  const added = add
    .map(({ id, type, target }) => `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`)
    .join('');
  return kept.replace('</Relationships>', `${added}</Relationships>`);
};

export const editContentTypes = (xml: string, removeParts: Set<string>, add: NewOverride[]): string => {
  const kept = xml.replace(/<Override\b[^>]*?\/>/g, (element) =>
    removeParts.has((attributesOf(element).get('PartName') ?? '').replace(/^\//, '')) ? '' : element,
  );
  const added = add
    .map(({ part, contentType }) => `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`)
    .join('');
  return kept.replace('</Types>', `${added}</Types>`);
};

// cellXfs entries the patch appends; found again by their exact text when a patched file is patched again
const TEXT_XF = '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
const DATE_XF = '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
const formatXf = (numFmtId: number): string =>
  `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
/** Excel reserves the ids below this one for its built-in formats. */
const FIRST_CUSTOM_FORMAT_ID = 164;

export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/**
 * The custom number formats the written sheets need, each under the id styles.xml already has for it or a new one;
 * `<numFmts>` must be the first child of `<styleSheet>`.
 */
const ensureNumberFormats = (
  stylesXml: string,
  codes: string[],
): { xml: string; ids: Map<string, number> } => {
  const block = /<numFmts\b[^>]*>([\s\S]*?)<\/numFmts>|<numFmts\b[^>]*\/>/.exec(stylesXml);
  const existing = elementsNamed(block?.[1] ?? '', 'numFmt');
  const ids = new Map<string, number>();
  let nextId = FIRST_CUSTOM_FORMAT_ID;
  for (const element of existing) {
    const attributes = attributesOf(element);
    const id = Number(attributes.get('numFmtId'));
    ids.set(attributes.get('formatCode') ?? '', id);
    nextId = Math.max(nextId, id + 1);
  }
  const added: string[] = [];
  for (const code of codes) {
    if (ids.has(code)) continue;
    ids.set(code, nextId);
    added.push(`<numFmt numFmtId="${nextId}" formatCode="${escapeXml(code)}"/>`);
    nextId++;
  }
  if (added.length === 0) return { xml: stylesXml, ids };
  const numFmts = `<numFmts count="${existing.length + added.length}">${existing.join('')}${added.join('')}</numFmts>`;
  const xml = block
    ? stylesXml.replace(block[0], numFmts)
    : stylesXml.replace(/<styleSheet\b[^>]*>/, (start) => start + numFmts);
  return { xml, ids };
};

/**
 * Adds the text ('@'), date and the requested number formats as cell formats to styles.xml, each unless a previous
 * patch (or the input) already has it.
 */
export const ensureCellStyles = (
  stylesXml: string,
  numberFormats: string[] = [],
): { xml: string; styles: CellStyles } => {
  const formats = ensureNumberFormats(stylesXml, numberFormats);
  const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(formats.xml);
  if (!block) throw new Error('styles.xml without cellXfs');
  const xfs = elementsNamed(block[1], 'xf');
  const wanted = [TEXT_XF, DATE_XF, ...numberFormats.map((code) => formatXf(formats.ids.get(code)!))];
  const missing = [...new Set(wanted)].filter((xf) => !xfs.includes(xf));
  const all = [...xfs, ...missing];
  const styles: CellStyles = {
    text: all.indexOf(TEXT_XF),
    date: all.indexOf(DATE_XF),
    numberFormats: new Map(
      numberFormats.map((code) => [code, all.indexOf(formatXf(formats.ids.get(code)!))]),
    ),
  };
  // the input's styles.xml stays as it is when it already has every format
  if (missing.length === 0) return { xml: formats.xml, styles };
  const cellXfs = `<cellXfs count="${all.length}">${block[1]}${missing.join('')}</cellXfs>`;
  return { xml: formats.xml.replace(block[0], cellXfs), styles };
};

export interface SheetEntry {
  name: string;
  /** The `<sheet/>` element as the input has it; null for a sheet the patch writes. */
  element: string | null;
  sheetId: number;
  relationId: string;
  visibility?: string;
}

/** The prefix workbook.xml binds to the relationships namespace ("r" in every writer we know). */
export const relationshipPrefix = (workbookXml: string): string =>
  new RegExp(`xmlns:([\\w.-]+)="${REL_NS}"`).exec(workbookXml)?.[1] ?? 'r';

export const parseSheets = (workbookXml: string): SheetEntry[] => {
  const idAttribute = `${relationshipPrefix(workbookXml)}:id`;
  const block = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  return elementsNamed(block, 'sheet').map((element) => {
    const attributes = attributesOf(element);
    return {
      name: attributes.get('name') ?? '',
      element,
      sheetId: Number(attributes.get('sheetId')),
      relationId: attributes.get(idAttribute) ?? '',
      visibility: attributes.get('state'),
    };
  });
};

const sheetElement = (entry: SheetEntry, idAttribute: string): string => {
  if (entry.element) return entry.element;
  const state = entry.visibility && entry.visibility !== 'visible' ? ` state="${entry.visibility}"` : '';
  return `<sheet name="${escapeXml(entry.name)}" sheetId="${entry.sheetId}"${state} ${idAttribute}="${entry.relationId}"/>`;
};

export interface WorkbookEdit {
  sheets: SheetEntry[];
  /** New tab index of each input tab index; null for a sheet removed or replaced (its local names go). */
  newIndexOf: (oldIndex: number) => number | null;
  activeTab: number;
}

export const editWorkbookXml = (xml: string, edit: WorkbookEdit): string => {
  const idAttribute = `${relationshipPrefix(xml)}:id`;
  const sheets = edit.sheets.map((entry) => sheetElement(entry, idAttribute)).join('');
  let result = xml.replace(/<sheets\b[^>]*>[\s\S]*?<\/sheets>|<sheets\s*\/>/, `<sheets>${sheets}</sheets>`);
  result = editDefinedNames(result, edit.newIndexOf);
  return withActiveTab(result, edit.activeTab);
};

/** Names local to a sheet refer to it by tab index (localSheetId), so they follow the sheet or go with it. */
const editDefinedNames = (xml: string, newIndexOf: (oldIndex: number) => number | null): string => {
  const edited = xml.replace(/<definedName\b[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g, (element) => {
    const local = attributesOf(element).get('localSheetId');
    if (local === undefined) return element;
    const index = newIndexOf(Number(local));
    return index === null ? '' : withAttribute(element, 'localSheetId', String(index));
  });
  return edited.replace(/<definedNames\b[^>]*>\s*<\/definedNames>/, '');
};

const withActiveTab = (xml: string, activeTab: number): string => {
  const view = /<workbookView\b[^>]*?\/?>/.exec(xml);
  if (!view)
    return xml.replace(/<sheets>/, `<bookViews><workbookView activeTab="${activeTab}"/></bookViews><sheets>`);
  // firstSheet is the first tab shown in the tab bar; it must not hide the active one
  const firstSheet = Number(attributesOf(view[0]).get('firstSheet') ?? 0);
  let edited = withAttribute(view[0], 'activeTab', String(activeTab));
  if (firstSheet > activeTab) edited = withoutAttribute(edited, 'firstSheet');
  return xml.replace(view[0], edited);
};

export const activeTabOf = (workbookXml: string): number =>
  Number(attributesOf(/<workbookView\b[^>]*?\/?>/.exec(workbookXml)?.[0] ?? '').get('activeTab') ?? 0);

export const definedNamesOf = (workbookXml: string): string[] =>
  elementsNamed(workbookXml, 'definedName').map((element) => attributesOf(element).get('name') ?? '');
