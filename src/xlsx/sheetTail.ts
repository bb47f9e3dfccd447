import { parseArea, type CellArea } from '../core/kernel/sheetTable';
import { attributesOf, elementsNamed } from './patch/xmlText';

const END_OF_DATA = Buffer.from('</sheetData>');

/** A hyperlink on a cell or range; its target is in the sheet's relationships under `relationId`. */
export interface SheetLink {
  area: CellArea;
  relationId: string;
}

/**
 * What a sheet part holds after its cells — merged areas and hyperlinks — collected from the bytes as they stream
 * past to the cell reader: the cells are not read twice, and only the few kilobytes after `</sheetData>` are kept.
 */
export class SheetTail {
  private carry: Buffer = Buffer.alloc(0);
  private tail: Buffer[] | null = null;

  wrap(source: AsyncIterable<Buffer | string>): AsyncIterable<Buffer | string> {
    const take = (chunk: Buffer | string): void => this.take(chunk);
    return (async function* () {
      for await (const chunk of source) {
        take(chunk);
        yield chunk;
      }
    })();
  }

  get merges(): CellArea[] {
    return elementsNamed(this.text(), 'mergeCell').flatMap((element) => {
      const area = parseArea(attributesOf(element).get('ref') ?? '');
      return area ? [area] : [];
    });
  }

  get links(): SheetLink[] {
    return elementsNamed(this.text(), 'hyperlink').flatMap((element) => {
      const attributes = attributesOf(element);
      const area = parseArea(attributes.get('ref') ?? '');
      const relationId = [...attributes].find(([name]) => name.endsWith(':id'))?.[1];
      return area && relationId ? [{ area, relationId }] : [];
    });
  }

  /** The next bytes of the sheet part, in order. */
  take(chunk: Buffer | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (this.tail) {
      this.tail.push(bytes);
      return;
    }
    const joined = this.carry.length > 0 ? Buffer.concat([this.carry, bytes]) : bytes;
    const at = joined.indexOf(END_OF_DATA);
    if (at >= 0) {
      this.tail = [joined.subarray(at)];
      this.carry = Buffer.alloc(0);
    } else this.carry = Buffer.from(joined.subarray(Math.max(0, joined.length - END_OF_DATA.length + 1)));
  }

  private text(): string {
    return this.tail ? Buffer.concat(this.tail).toString('utf8') : '';
  }
}
