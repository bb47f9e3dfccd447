import { createInflateRaw } from 'node:zlib';
import type { CellValue, SheetTable } from '../core/kernel/sheetTable';
import { isDateFormat, serialToDate } from './cellValues';
import { decodeCharData, scanXml, XmlReadError, xmlDecodeAgain } from './fastXml';
import type { SheetPackageInfo } from './packageInfo';
import { applyMailLinks, decodeEscapes, withSheetExtras } from './sheetExtras';
import { SheetGrid } from './sheetGrid';
import { SheetTail } from './sheetTail';
import { entryContent, storedBytes, zipEntriesOf, type ZipEntry } from './zipDirectory';

/**
 * The values of every sheet, read straight from the package's bytes: the zip entries from the file in memory, each
 * sheet part inflated in chunks and scanned byte by byte; only the text of a value is decoded. It reads exactly what
 * exceljs' streaming reader (kept as the oracle in test/xlsx/streamReaderOracle.ts) read, quirks included, so the
 * core sees the same tables — in about a fifth of the time and without a Cell and a Row object per cell.
 */

export interface ReadWorkbook {
  /** False where exceljs' streaming reader did not read every sheet: the caller reads the model instead. */
  complete: boolean;
  tables: SheetTable[];
}

type Packages = ReadonlyMap<string, SheetPackageInfo>;

interface WorkbookSheet {
  name: string;
  rId: string | undefined;
}

interface Relationship {
  Id?: string;
  Target?: string;
}

/**
 * exceljs' number formats 0–49 (lib/xlsx/defaultnumformats.js); an xf's numFmtId reads as the custom format of that
 * id first, then as one of these. Only whether a format shows a date matters here.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Which cell styles (cellXfs) show dates. `undefined` entries are styles the file lacks. Before styles.xml was read
 * (a sheet stored ahead of it), exceljs knows only its default style, and looking that one up fails.
 */
class DateStyles {
  constructor(
    private readonly dates: (boolean | undefined)[] | undefined,
    private readonly known: boolean,
  ) {}

  static readonly UNKNOWN = new DateStyles(undefined, false);

  static parse(xml: string): DateStyles {
    const formats: string[] = [];
    const xfIds: number[] = [];
    let inNumFmts = false;
    let inCellXfs = false;
    scanXml(xml, {
      open(name, attributes) {
        if (name === 'numFmts') inNumFmts = true;
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'numFmt' && inNumFmts) {
          const code = attributes.formatCode;
          if (code === undefined) throw new XmlReadError('numFmt without formatCode');
          formats[parseInt(attributes.numFmtId, 10)] = code.replace(/[\\](.)/g, '$1');
        } else if (name === 'xf' && inCellXfs) xfIds.push(parseInt(attributes.numFmtId, 10));
      },
      close(name) {
        if (name === 'numFmts') inNumFmts = false;
        else if (name === 'cellXfs') inCellXfs = false;
      },
    });
    if (xfIds.length === 0) return new DateStyles(undefined, true);
    const dates = xfIds.map((id) => (id ? isDateFormat(formats[id] || BUILT_IN_FORMATS[id]) : false));
    return new DateStyles(dates, true);
  }

  /** Whether style `id` shows dates; null when there is no such style (the cell keeps the row's format). */
  isDate(id: number): boolean | null {
    if (!this.known) {
      if (id === 0) throw new XmlReadError('style looked up before styles.xml was read');
      return null;
    }
    if (this.dates === undefined) throw new XmlReadError('styles.xml has no cell styles');
    return this.dates[id] ?? null;
  }
}

/** Shared strings as the cells read them: rich text joined, "" as empty, "_xHHHH_" decoded. */
const parseSharedStrings = (xml: string): (string | null)[] => {
  const strings: (string | null)[] = [];
  let text: string | null = null;
  let runs: (string | null)[] = [];
  scanXml(xml, {
    open(name) {
      if (name === 'si') {
        runs = [];
        text = null;
      } else if (name === 't') text = null;
    },
    text(value) {
      text = text ? text + value : value;
    },
    close(name) {
      if (name === 'r') {
        runs.push(text);
        text = null;
      } else if (name === 'si') {
        const value = runs.length > 0 ? runs.map((run) => run ?? '').join('') : text;
        strings.push(value ? (value.includes('_x') ? decodeEscapes(value) : value) : null);
        runs = [];
        text = null;
      }
    },
  });
  return strings;
};

const parseWorkbook = (xml: string): { sheets: WorkbookSheet[]; date1904: boolean } => {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'sheet') {
        if (attributes.name === undefined) throw new XmlReadError('sheet without a name');
        sheets.push({ name: xmlDecodeAgain(attributes.name), rId: attributes['r:id'] });
      } else if (name === 'workbookPr') date1904 = attributes.date1904 === '1';
    },
  });
  return { sheets, date1904 };
};

const parseRelationships = (xml: string): Relationship[] => {
  const relationships: Relationship[] = [];
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'Relationship') relationships.push(attributes);
    },
  });
  return relationships;
};

const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

interface PendingSheet {
  entry: ZipEntry;
  sheetNo: string;
  /** What exceljs had read when it met the part: everything, unless it read the sheet at once. */
  styles: DateStyles | null;
  workbookKnown: boolean;
}

/** `only` (a sheet name): read that sheet's cells and leave every other sheet empty. */
export const readWorkbookFast = async (
  input: Buffer,
  packages: Packages,
  only?: string,
): Promise<ReadWorkbook> => {
  const entries = zipEntriesOf(input);
  if (!entries) throw new Error('no complete zip directory');
  const text = (entry: ZipEntry) => entryContent(input, entry).toString('utf8');
  let relationships: Relationship[] | undefined;
  let workbook: { sheets: WorkbookSheet[]; date1904: boolean } | undefined;
  let shared: (string | null)[] | undefined;
  let styles = DateStyles.UNKNOWN;
  const now: PendingSheet[] = [];
  const later: PendingSheet[] = [];
  // exceljs meets the parts in the order they are stored; a sheet met after the shared strings and the
  // workbook's relationships is read at once with what is known by then, any other after the last part
  for (const entry of entries) {
    if (entry.name === 'xl/_rels/workbook.xml.rels') relationships = parseRelationships(text(entry));
    else if (entry.name === 'xl/workbook.xml') workbook = parseWorkbook(text(entry));
    else if (entry.name === 'xl/sharedStrings.xml') shared = parseSharedStrings(text(entry));
    else if (entry.name === 'xl/styles.xml') styles = DateStyles.parse(text(entry));
    else {
      const sheetNo = SHEET_PART.exec(entry.name)?.[1];
      if (sheetNo === undefined) continue;
      if (shared && relationships)
        now.push({ entry, sheetNo, styles, workbookKnown: workbook !== undefined });
      else later.push({ entry, sheetNo, styles: null, workbookKnown: true });
    }
  }
  const read = new Map<string, SheetTable>();
  let dateSystem: 1900 | 1904 = 1900;
  for (const sheet of [...now, ...later]) {
    const known = sheet.workbookKnown ? workbook : undefined;
    const target = `worksheets/sheet${sheet.sheetNo}.xml`;
    const matching = relationships?.find(({ Target }) => Target === target);
    if (matching && !known) throw new XmlReadError('sheet part before workbook.xml');
    let name = matching && known?.sheets.find(({ rId }) => rId === matching.Id)?.name;
    if (name === undefined) {
      const part = `xl/${target}`;
      const relationship = relationships?.find(({ Target }) => `xl/${Target}`.endsWith(part));
      name = known?.sheets.find(({ rId }) => rId === relationship?.Id)?.name;
    }
    dateSystem = known?.date1904 ? 1904 : 1900;
    if (only !== undefined && name?.toLowerCase() !== only.toLowerCase()) continue;
    const grid = new SheetGrid();
    const tail = new SheetTail();
    const scanner = new SheetScanner(grid, {
      shared,
      styles: sheet.styles ?? styles,
      date1904: known ? known.date1904 : undefined,
    });
    await scanPart(input, sheet.entry, scanner, tail);
    if (name === undefined) continue;
    const info = packages.get(name.toLowerCase());
    applyMailLinks(grid, tail.links, info);
    read.set(name, withSheetExtras(grid.toTable(name, dateSystem), info, tail.merges, grid.uncalculated));
  }
  const sheets = workbook?.sheets ?? [];
  return {
    complete: sheets.length > 0 && sheets.every(({ name }) => read.has(name)),
    tables: sheets.map(({ name }) => read.get(name) ?? new SheetGrid().toTable(name, dateSystem)),
  };
};

const CHUNK = 1 << 20;

/** Inflates a sheet part in chunks and hands the scanner whole rows; the bytes after the cells go to the tail. */
const scanPart = async (input: Buffer, entry: ZipEntry, scanner: SheetScanner, tail: SheetTail) => {
  const stored = storedBytes(input, entry);
  if (entry.method === 0) {
    tail.take(stored);
    scanner.feed(stored);
  } else {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(stored);
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      tail.take(chunk);
      scanner.feed(chunk);
    }
  }
  scanner.finish();
};

const enum Byte {
  Tab = 0x09,
  LF = 0x0a,
  CR = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Amp = 0x26,
  Apos = 0x27,
  Minus = 0x2d,
  Slash = 0x2f,
  Zero = 0x30,
  Nine = 0x39,
  Lt = 0x3c,
  Eq = 0x3d,
  Gt = 0x3e,
  Question = 0x3f,
  Bang = 0x21,
  A = 0x41,
  Z = 0x5a,
  Dollar = 0x24,
}

/** The cell types exceljs tells apart (the t attribute); anything else reads as a number. */
const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Error,
  Boolean,
}

/** What a cell holds when its row ends, as exceljs' Cell would: nothing, a value, or a formula. */
const enum Kind {
  None,
  Value,
  Formula,
  /** A formula element with no text (a shared formula's other cells): exceljs keeps it as plain JSON. */
  EmptyFormula,
}

const enum Sink {
  None,
  Formula,
  Value,
}

const SHEET_DATA = Buffer.from('<sheetData');
const SHEET_DATA_END = Buffer.from('</sheetData>');
const ROW_END = Buffer.from('</row>');

interface ScanContext {
  shared: (string | null)[] | undefined;
  styles: DateStyles;
  /** undefined: workbook.xml not read yet (exceljs fails on a date cell then). */
  date1904: boolean | undefined;
}

const isSpace = (byte: number) =>
  byte === Byte.Space || byte === Byte.LF || byte === Byte.Tab || byte === Byte.CR;

/** parseInt(text, 10) on bytes, the common case (digits only) without a string. */
const parseIntAt = (b: Buffer, start: number, end: number): number => {
  if (end > start && end - start <= 15) {
    let value = 0;
    let at = start;
    for (; at < end; at++) {
      const byte = b[at];
      if (byte < Byte.Zero || byte > Byte.Nine) break;
      value = value * 10 + byte - Byte.Zero;
    }
    if (at === end) return value;
  }
  return parseInt(b.toString('utf8', start, end), 10);
};

/** Decodes the bytes of one stretch of character data. */
const decodeText = (b: Buffer, start: number, end: number): string => {
  let plain = true;
  for (let at = start; at < end; at++) {
    const byte = b[at];
    if (byte >= 0x80 || byte === Byte.Amp || byte < Byte.Space) {
      plain = false;
      break;
    }
  }
  return plain ? b.toString('latin1', start, end) : decodeCharData(b.toString('utf8', start, end));
};

/** Scans the rows of a sheet part; mirrors exceljs' WorksheetReader.parse and streamReader's collectRow. */
class SheetScanner {
  private phase: 'before' | 'rows' | 'done' = 'before';
  private carry: Buffer | null = null;

  // the open row
  private rowOpen = false;
  private rowNumber = NaN;
  private rowIsDate = false;
  // the row's cells, in the order met
  private count = 0;
  private sorted = true;
  private readonly columns: number[] = [];
  private readonly kinds: Kind[] = [];
  private readonly values: (CellValue | number | string | undefined)[] = [];
  private readonly dates: boolean[] = [];

  // the open cell
  private cellOpen = false;
  private refStart = -1;
  private refEnd = -1;
  private styleStart = -1;
  private styleEnd = -1;
  private type = CellType.Number;
  private hasFormula = false;
  private formulaText = false;
  private hasValue = false;
  private sink = Sink.None;
  private valueStart = -1;
  private valueEnd = -1;
  private valueMore: string[] | null = null;
  private buffer: Buffer = Buffer.alloc(0);

  constructor(
    private readonly grid: SheetGrid,
    private readonly context: ScanContext,
  ) {}

  feed(chunk: Buffer): void {
    if (this.phase === 'done') return;
    const b = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    let from = 0;
    if (this.phase === 'before') {
      const at = b.indexOf(SHEET_DATA);
      if (at < 0) {
        this.carry = b.subarray(Math.max(0, b.length - SHEET_DATA.length));
        return;
      }
      const next = b[at + SHEET_DATA.length];
      if (next === undefined) {
        this.carry = b.subarray(at);
        return;
      }
      if (!(isSpace(next) || next === Byte.Gt || next === Byte.Slash)) {
        // another element whose name starts so; look on after it
        this.carry = null;
        this.feed(b.subarray(at + 1));
        return;
      }
      const gt = this.tagEnd(b, at + SHEET_DATA.length, b.length);
      if (gt < 0) {
        this.carry = b.subarray(at);
        return;
      }
      if (b[gt - 1] === Byte.Slash) {
        this.phase = 'done';
        return;
      }
      this.phase = 'rows';
      from = gt + 1;
    }
    const dataEnd = b.indexOf(SHEET_DATA_END, from);
    if (dataEnd >= 0) {
      this.scan(b, from, dataEnd);
      this.phase = 'done';
      return;
    }
    const lastRow = b.lastIndexOf(ROW_END);
    const until = lastRow >= from ? lastRow + ROW_END.length : from;
    this.scan(b, from, until);
    this.carry = until < b.length ? b.subarray(until) : null;
  }

  /** The part ended without </sheetData>: the rows that ended are read, as the SAX parser reported them. */
  finish(): void {
    if (this.phase === 'rows' && this.carry) {
      const b = this.carry;
      const lastRow = b.lastIndexOf(ROW_END);
      if (lastRow >= 0) this.scan(b, 0, lastRow + ROW_END.length);
    }
    this.carry = null;
    this.phase = 'done';
  }

  /** Where the tag whose attributes start at `at` ends ('>'), skipping quoted values; -1 if not in the bytes. */
  private tagEnd(b: Buffer, at: number, end: number): number {
    let quote = 0;
    for (let i = at; i < end; i++) {
      const byte = b[i];
      if (quote !== 0) {
        if (byte === quote) quote = 0;
      } else if (byte === Byte.Quote || byte === Byte.Apos) quote = byte;
      else if (byte === Byte.Gt) return i;
    }
    return -1;
  }

  private scan(b: Buffer, from: number, to: number): void {
    this.buffer = b;
    let at = from;
    while (at < to) {
      let lt = b.indexOf(Byte.Lt, at);
      if (lt < 0 || lt > to) lt = to;
      if (lt > at && this.sink !== Sink.None) this.text(b, at, lt);
      if (lt >= to) break;
      const next = b[lt + 1];
      if (next === Byte.Slash) {
        const gt = b.indexOf(Byte.Gt, lt + 2);
        if (gt < 0 || gt >= to) throw new XmlReadError('unterminated closing tag');
        this.close(b, lt + 2, gt);
        at = gt + 1;
      } else if (next === Byte.Bang) {
        at = this.skipDeclaration(b, lt, to);
      } else if (next === Byte.Question) {
        const end = b.indexOf('?>', lt + 2);
        if (end < 0 || end >= to) throw new XmlReadError('unterminated processing instruction');
        at = end + 2;
      } else {
        at = this.open(b, lt + 1, to);
      }
    }
  }

  private skipDeclaration(b: Buffer, lt: number, to: number): number {
    if (b[lt + 2] === Byte.Minus && b[lt + 3] === Byte.Minus) {
      const end = b.indexOf('-->', lt + 4);
      if (end < 0 || end >= to) throw new XmlReadError('unterminated comment');
      return end + 3;
    }
    if (b.toString('latin1', lt, lt + 9) === '<![CDATA[') {
      // exceljs listens to no CDATA event: the text is lost
      const end = b.indexOf(']]>', lt + 9);
      if (end < 0 || end >= to) throw new XmlReadError('unterminated CDATA section');
      return end + 3;
    }
    throw new XmlReadError('unsupported markup declaration');
  }

  private text(b: Buffer, start: number, end: number): void {
    if (this.sink === Sink.Formula) {
      this.formulaText = true;
      return;
    }
    if (this.valueStart < 0) {
      this.valueStart = start;
      this.valueEnd = end;
    } else (this.valueMore ??= []).push(b.toString('utf8', start, end));
  }

  /** Opens an element: `at` is just after '<'; returns where scanning goes on. */
  private open(b: Buffer, at: number, to: number): number {
    let nameEnd = at;
    while (nameEnd < to) {
      const byte = b[nameEnd];
      if (isSpace(byte) || byte === Byte.Gt || byte === Byte.Slash) break;
      nameEnd++;
    }
    const length = nameEnd - at;
    const first = b[at];
    let element = '';
    if (length === 1) {
      if (first === 0x63) element = 'c';
      else if (first === 0x76) element = 'v';
      else if (first === 0x66) element = 'f';
      else if (first === 0x74) element = 't';
    } else if (length === 2 && first === 0x69 && b[at + 1] === 0x73) element = 'is';
    else if (length === 3 && first === 0x72 && b[at + 1] === 0x6f && b[at + 2] === 0x77) element = 'row';
    // attributes
    let rStart = -1;
    let rEnd = -1;
    let sStart = -1;
    let sEnd = -1;
    let tStart = -1;
    let tEnd = -1;
    let i = nameEnd;
    let selfClosing = false;
    for (;;) {
      while (i < to && isSpace(b[i])) i++;
      if (i >= to) throw new XmlReadError('unterminated tag');
      const byte = b[i];
      if (byte === Byte.Gt) break;
      if (byte === Byte.Slash && b[i + 1] === Byte.Gt) {
        selfClosing = true;
        i++;
        break;
      }
      const attributeStart = i;
      while (i < to && b[i] !== Byte.Eq && !isSpace(b[i]) && b[i] !== Byte.Gt) i++;
      const attributeLength = i - attributeStart;
      while (i < to && isSpace(b[i])) i++;
      if (b[i] !== Byte.Eq) throw new XmlReadError('attribute without value');
      i++;
      while (i < to && isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== Byte.Quote && quote !== Byte.Apos) throw new XmlReadError('unquoted attribute');
      const valueEnd = b.indexOf(quote, i + 1);
      if (valueEnd < 0 || valueEnd >= to) throw new XmlReadError('unterminated attribute');
      if (attributeLength === 1 && element !== '') {
        const attribute = b[attributeStart];
        if (attribute === 0x72) [rStart, rEnd] = [i + 1, valueEnd];
        else if (attribute === 0x73) [sStart, sEnd] = [i + 1, valueEnd];
        else if (attribute === 0x74) [tStart, tEnd] = [i + 1, valueEnd];
      }
      i = valueEnd + 1;
    }
    const after = i + 1;
    switch (element) {
      case 'row':
        this.openRow(b, rStart, rEnd, sStart, sEnd);
        if (selfClosing) this.closeRow();
        break;
      case 'c':
        if (this.rowOpen) {
          this.cellOpen = true;
          this.refStart = rStart;
          this.refEnd = rEnd;
          this.styleStart = sStart;
          this.styleEnd = sEnd;
          this.type = tStart < 0 ? CellType.Number : cellType(attributeText(b, tStart, tEnd));
          this.hasFormula = false;
          this.hasValue = false;
          if (selfClosing) this.closeCell();
        }
        break;
      case 'f':
        if (this.cellOpen) {
          this.hasFormula = true;
          this.formulaText = false;
          this.sink = Sink.Formula;
        }
        break;
      case 'v':
      case 'is':
      case 't':
        if (this.cellOpen) {
          this.hasValue = true;
          this.valueStart = -1;
          this.valueEnd = -1;
          this.valueMore = null;
          this.sink = Sink.Value;
        }
        break;
      default:
        break;
    }
    return after;
  }

  private close(b: Buffer, start: number, end: number): void {
    let nameEnd = end;
    while (nameEnd > start && isSpace(b[nameEnd - 1])) nameEnd--;
    const length = nameEnd - start;
    if (length === 1 && b[start] === 0x63) {
      if (this.cellOpen) this.closeCell();
    } else if (length === 3 && b[start] === 0x72 && b[start + 1] === 0x6f && b[start + 2] === 0x77)
      this.closeRow();
  }

  private openRow(b: Buffer, rStart: number, rEnd: number, sStart: number, sEnd: number): void {
    this.rowOpen = true;
    this.rowNumber = rStart < 0 ? NaN : parseIntAt(b, rStart, rEnd);
    this.count = 0;
    this.sorted = true;
    this.rowIsDate = false;
    // exceljs gives a row its style when the attribute is there at all, and a new cell the row's number format
    if (sStart >= 0 && sEnd > sStart)
      this.rowIsDate = this.context.styles.isDate(parseIntAt(b, sStart, sEnd)) ?? false;
  }

  private closeCell(): void {
    this.cellOpen = false;
    this.sink = Sink.None;
    const b = this.buffer;
    const column = columnOf(b, this.refStart, this.refEnd);
    if (!(this.rowNumber >= 1)) throw new XmlReadError('cell in a row without a number');
    // the row's entry for this column (a column met twice in a row is one exceljs Cell)
    let index = this.count;
    if (index > 0 && column <= this.columns[index - 1]) {
      index = this.columns.lastIndexOf(column, this.count - 1);
      if (index < 0) {
        index = this.count;
        this.sorted = false;
      }
    }
    if (index === this.count) {
      this.columns[index] = column;
      this.kinds[index] = Kind.None;
      this.values[index] = undefined;
      this.dates[index] = this.rowIsDate;
      this.count++;
    }
    if (this.styleStart >= 0) {
      const style = parseIntAt(b, this.styleStart, this.styleEnd);
      if (style) {
        const isDate = this.context.styles.isDate(style);
        if (isDate !== null) this.dates[index] = isDate;
      }
    }
    if (this.hasFormula) {
      const result = this.hasValue
        ? this.type === CellType.Str
          ? xmlDecodeAgain(this.valueText())
          : this.valueNumber()
        : undefined;
      this.kinds[index] = this.formulaText ? Kind.Formula : Kind.EmptyFormula;
      this.values[index] = result;
    } else if (this.hasValue) {
      this.kinds[index] = Kind.Value;
      this.values[index] = this.plainValue(this.dates[index]);
    }
  }

  private plainValue(isDate: boolean): CellValue {
    switch (this.type) {
      case CellType.Shared: {
        const shared = this.context.shared;
        if (!shared) throw new XmlReadError('shared string without shared strings');
        const index =
          this.valueStart >= 0 && this.valueMore === null
            ? parseIntAt(this.buffer, this.valueStart, this.valueEnd)
            : parseInt(this.valueText(), 10);
        return shared[index] ?? null;
      }
      case CellType.Inline:
      case CellType.Str:
        return stringValue(xmlDecodeAgain(this.valueText()));
      case CellType.Error: {
        const text = this.valueText();
        return text.includes('_x') ? decodeEscapes(text) : text;
      }
      case CellType.Boolean:
        return parseInt(this.valueText(), 10) !== 0;
      default: {
        const serial = this.valueNumber();
        if (isDate) {
          if (this.context.date1904 === undefined) throw new XmlReadError('date cell before workbook.xml');
          const date = new Date(
            Math.round((serial - 25569 + (this.context.date1904 ? 1462 : 0)) * 24 * 3600 * 1000),
          );
          return Number.isNaN(date.getTime()) ? null : date;
        }
        return Number.isFinite(serial) ? serial : null;
      }
    }
  }

  private valueText(): string {
    if (this.valueStart < 0) return '';
    if (this.valueMore === null) return decodeText(this.buffer, this.valueStart, this.valueEnd);
    return decodeCharData(
      this.buffer.toString('utf8', this.valueStart, this.valueEnd) + this.valueMore.join(''),
    );
  }

  /** parseFloat of the value's text; digits alone without a string. */
  private valueNumber(): number {
    const b = this.buffer;
    const start = this.valueStart;
    const end = this.valueEnd;
    if (start >= 0 && this.valueMore === null && end > start && end - start <= 15) {
      let at = b[start] === Byte.Minus ? start + 1 : start;
      if (at < end) {
        let value = 0;
        for (; at < end; at++) {
          const byte = b[at];
          if (byte < Byte.Zero || byte > Byte.Nine) break;
          value = value * 10 + byte - Byte.Zero;
        }
        if (at === end) return b[start] === Byte.Minus ? -value : value;
      }
    }
    return parseFloat(this.valueText());
  }

  private closeRow(): void {
    if (!this.rowOpen) return;
    this.rowOpen = false;
    if (this.sorted) for (let i = 0; i < this.count; i++) this.emit(i);
    else
      Array.from({ length: this.count }, (_, i) => i)
        .sort((a, b) => this.columns[a] - this.columns[b])
        .forEach((i) => this.emit(i));
    this.count = 0;
  }

  /** One cell of the ended row into the grid, as streamReader's collectRow took it from exceljs. */
  private emit(i: number): void {
    const row = this.rowNumber;
    const column = this.columns[i];
    const value = this.values[i];
    switch (this.kinds[i]) {
      case Kind.Value:
        this.grid.set(row, column, value as CellValue);
        break;
      case Kind.Formula:
        if (value === undefined) this.grid.noteUncalculated(row, column);
        else
          this.grid.set(
            row,
            column,
            formulaResult(value as number | string, this.dates[i], this.context.date1904 ? 1904 : 1900),
          );
        break;
      case Kind.EmptyFormula:
        this.grid.set(row, column, emptyFormulaValue(value as number | string | undefined));
        break;
      default:
        break;
    }
  }
}

const stringValue = (text: string): string | null =>
  text === '' ? null : text.includes('_x') ? decodeEscapes(text) : text;

/** A formula's last result: an error result (NaN, exceljs keeps no text) as #N/A, a dated number as a Date. */
const formulaResult = (result: number | string, isDate: boolean, dateSystem: 1900 | 1904): CellValue => {
  if (typeof result === 'number') {
    if (Number.isNaN(result)) return '#N/A';
    if (isDate) return serialToDate(result, dateSystem);
    return Number.isFinite(result) ? result : null;
  }
  return result === '' ? null : result;
};

const emptyFormulaValue = (result: number | string | undefined): CellValue => {
  if (typeof result === 'number') return Number.isFinite(result) ? result : null;
  if (result === undefined) return null;
  return stringValue(result);
};

const attributeText = (b: Buffer, start: number, end: number): string => {
  const raw = b.toString('utf8', start, end);
  return raw.includes('&') || /[\t\n\r]/.test(raw) ? decodeCharData(raw.replace(/\r\n?|[\n\t]/g, ' ')) : raw;
};

const cellType = (t: string): CellType => {
  switch (t) {
    case 's':
      return CellType.Shared;
    case 'str':
      return CellType.Str;
    case 'inlineStr':
      return CellType.Inline;
    case 'e':
      return CellType.Error;
    case 'b':
      return CellType.Boolean;
    default:
      return CellType.Number;
  }
};

/** The column of a cell reference as exceljs' colCache.decodeAddress reads it ("AB12" → 28). */
const columnOf = (b: Buffer, start: number, end: number): number => {
  if (start < 0) throw new XmlReadError('cell without a reference');
  let column = 0;
  let hasColumn = false;
  let hasRow = false;
  for (let at = start; at < end; at++) {
    const byte = b[at];
    if (!hasRow && byte >= Byte.A && byte <= Byte.Z) {
      hasColumn = true;
      column = column * 26 + byte - 64;
    } else if (byte >= Byte.Zero && byte <= Byte.Nine) hasRow = true;
    else if (hasRow && hasColumn && byte !== Byte.Dollar) break;
  }
  if (!hasColumn || column > 16_384) throw new XmlReadError('cell reference without a valid column');
  return column;
};
