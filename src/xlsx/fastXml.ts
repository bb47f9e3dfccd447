/**
 * The XML reading rules of the SAX parser exceljs uses (saxes), for the fast values reader (fastReader.ts): line ends
 * read as "\n", the five predefined entities and numeric character references decoded, anything else — an undefined
 * entity, a character XML 1.0 does not allow — is an error, as it is there (the caller then reads the file with
 * exceljs' model instead).
 */

const PREDEFINED: Record<string, string> = { amp: '&', gt: '>', lt: '<', quot: '"', apos: "'" };

/** XML 1.0's Char production. */
const isXmlChar = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

export class XmlReadError extends Error {}

const resolveEntity = (entity: string): string => {
  if (entity[0] !== '#') {
    const defined = PREDEFINED[entity];
    if (defined === undefined) throw new XmlReadError(`undefined entity &${entity};`);
    return defined;
  }
  let code = NaN;
  if (entity[1] === 'x' && /^#x[0-9a-f]+$/i.test(entity)) code = parseInt(entity.slice(2), 16);
  else if (/^#[0-9]+$/.test(entity)) code = parseInt(entity.slice(1), 10);
  if (!isXmlChar(code)) throw new XmlReadError(`malformed character entity &${entity};`);
  return String.fromCodePoint(code);
};

const DISALLOWED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Character data as the parser reports it: "\r\n" and "\r" read as "\n", entities resolved. */
export const decodeCharData = (raw: string): string => {
  if (DISALLOWED.test(raw)) throw new XmlReadError('disallowed character');
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&]*);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlReadError('unterminated entity');
    return resolveEntity(entity);
  });
};

/** An attribute value as the parser reports it: tabs and line ends read as spaces, entities resolved. */
const decodeAttribute = (raw: string): string => decodeCharData(raw.replace(/\r\n?|[\n\t]/g, ' '));

/** exceljs decodes some texts a second time (inline strings, formula results, sheet names): these five only. */
export const xmlDecodeAgain = (text: string): string =>
  text.replace(/&([a-z]*);/g, (match) => {
    switch (match) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return match;
    }
  });

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Reports the elements and character data of a small part (workbook, relationships, styles, shared strings) in
 * document order, an empty element as open then close, as the SAX parser does. Comments, processing instructions and
 * CDATA sections give no text (exceljs listens to no CDATA event).
 */
export const scanXml = (xml: string, handler: XmlHandler): void => {
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > at && handler.text) {
      const text = decodeCharData(xml.slice(at, textEnd));
      if (text !== '') handler.text(text);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      const end = xml.startsWith('<!--', lt)
        ? xml.indexOf('-->', lt + 4) + 3
        : xml.startsWith('<![CDATA[', lt)
          ? xml.indexOf(']]>', lt + 9) + 3
          : -1;
      if (end < 3) throw new XmlReadError('unsupported markup declaration');
      at = end;
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlReadError('unterminated processing instruction');
      at = end + 2;
    } else if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new XmlReadError('unterminated closing tag');
      handler.close?.(xml.slice(lt + 2, end).trim());
      at = end + 1;
    } else {
      // the tag ends at the first '>' outside quotes
      let end = lt + 1;
      let quote = 0;
      for (; end < length; end++) {
        const code = xml.charCodeAt(end);
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === 0x22 || code === 0x27) quote = code;
        else if (code === 0x3e) break;
      }
      if (end >= length) throw new XmlReadError('unterminated tag');
      const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
      const body = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const nameEnd = body.search(/[\s/>]|$/);
      const name = body.slice(0, nameEnd);
      const attributes: Record<string, string> = {};
      for (const [, key, double, single] of body.slice(nameEnd).matchAll(ATTRIBUTE))
        attributes[key] = decodeAttribute(double ?? single);
      handler.open(name, attributes);
      if (selfClosing) handler.close?.(name);
      at = end + 1;
    }
  }
};
