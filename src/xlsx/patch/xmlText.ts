// XML 1.0 allows tab, LF, CR and everything from U+0020 except lone surrogates, U+FFFE and U+FFFF
const ILLEGAL_XML_CHARS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for element content or a double-quoted attribute; characters XML cannot hold are dropped. */
export const escapeXml = (text: string): string =>
  text.replace(ILLEGAL_XML_CHARS, '').replace(/[&<>"]/g, (char) => ESCAPES[char]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export const unescapeXml = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()];
    const code =
      entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return String.fromCodePoint(code);
  });

/** The attributes of one start or empty-element tag, values unescaped. */
export const attributesOf = (tag: string): Map<string, string> => {
  const attributes = new Map<string, string>();
  for (const [, name, double, single] of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    attributes.set(name, unescapeXml(double ?? single));
  return attributes;
};

/** Every `<name …/>` or `<name …>…</name>` element in `xml` (not nested in itself), as its full text. */
export const elementsNamed = (xml: string, name: string): string[] =>
  xml.match(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, 'g')) ?? [];

/** Sets or adds one attribute in the start tag that opens `element`. */
export const withAttribute = (element: string, name: string, value: string): string => {
  const tagEnd = element.search(/\/?>/);
  const tag = element.slice(0, tagEnd);
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const newTag = pattern.test(tag)
    ? tag.replace(pattern, `$1"${escapeXml(value)}"`)
    : `${tag} ${name}="${escapeXml(value)}"`;
  return newTag + element.slice(tagEnd);
};

export const withoutAttribute = (element: string, name: string): string => {
  const tagEnd = element.search(/\/?>/);
  const tag = element.slice(0, tagEnd).replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
  return tag + element.slice(tagEnd);
};
