import type { Language } from '../core/kernel/language';
import { ADDRESS_COLUMNS, mergeFieldHeaders } from '../core/outputs/targetTable';
import { TEMPLATE_TEXTS, type TemplateTexts } from './templateTexts';

/**
 * The Word letter template (DIN 5008 form B) as the parts of a .docx: one MERGEFIELD per address line and one for the
 * Briefanrede, bound by name to the columns of the target table and its CSV, so the template needs no IF fields.
 * Word and LibreOffice both merge these fields; scripts/generate-templates.ts writes the files into templates/.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Twips: 1 mm = 56.7 twips. */
const mm = (millimetres: number): number => Math.round(millimetres * 56.6929);

/** DIN 5008 form B: letterhead 45 mm, address field below it, text from 25 mm to 20 mm before the right edge. */
const PAGE = { width: mm(210), height: mm(297), top: mm(45), left: mm(25), right: mm(20), bottom: mm(30) };
/** The address field's Zusatz- und Vermerkzone (5 lines, 17.7 mm) and Anschriftzone (6 lines, 27.3 mm). */
const NOTE_ZONE = mm(17.7);
const ADDRESS_LINE = mm(27.3 / 6);
const RETURN_LINE = mm(17.7 / 5);
/** Fold marks at 105 mm and 210 mm, punch mark at 148.5 mm from the top (form B). */
const MARKS = [
  { top: mm(105), length: mm(5) },
  { top: mm(148.5), length: mm(8) },
  { top: mm(210), length: mm(5) },
];

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Inline = { text: string } | { field: string } | { date: string };

interface RunStyle {
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

/** In the schema's order (b before sz before u): Word refuses a document whose properties are out of order. */
const runProperties = ({ size, bold, underline }: RunStyle): string => {
  const inner = [
    bold ? '<w:b/>' : '',
    size ? `<w:sz w:val="${size * 2}"/>` : '',
    underline ? '<w:u w:val="single"/>' : '',
  ].join('');
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
};

const textRun = (text: string, style: RunStyle): string =>
  `<w:r>${runProperties(style)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** A complex field: Word and LibreOffice show «Name» until the merge replaces it. */
const fieldRuns = (instruction: string, shown: string, style: RunStyle): string => {
  const props = runProperties(style);
  return [
    `<w:r>${props}<w:fldChar w:fldCharType="begin"/></w:r>`,
    `<w:r>${props}<w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText></w:r>`,
    `<w:r>${props}<w:fldChar w:fldCharType="separate"/></w:r>`,
    textRun(shown, style),
    `<w:r>${props}<w:fldChar w:fldCharType="end"/></w:r>`,
  ].join('');
};

const inlineXml = (inline: Inline, style: RunStyle): string => {
  if ('field' in inline)
    return fieldRuns(`MERGEFIELD ${inline.field} \\* MERGEFORMAT`, `«${inline.field}»`, style);
  if ('date' in inline) return fieldRuns(`DATE \\@ "${inline.date}"`, inline.date, style);
  return textRun(inline.text, style);
};

interface ParagraphStyle extends RunStyle {
  /** Exact line height in twips (the address field's zones are measured in lines). */
  line?: number;
  before?: number;
  after?: number;
  align?: 'right' | 'center';
}

const paragraph = (inlines: Inline[], style: ParagraphStyle = {}): string => {
  const spacing = `<w:spacing w:before="${style.before ?? 0}" w:after="${style.after ?? 0}"${
    style.line ? ` w:line="${style.line}" w:lineRule="exact"` : ''
  }/>`;
  const align = style.align ? `<w:jc w:val="${style.align}"/>` : '';
  return `<w:p><w:pPr>${spacing}${align}${runProperties(style)}</w:pPr>${inlines.map((i) => inlineXml(i, style)).join('')}</w:p>`;
};

const BODY_GAP = 240;

const letterBody = (texts: TemplateTexts, lang: Language): string => {
  const fields = mergeFieldHeaders(lang);
  const dateFormat = lang === 'de' ? 'dd.MM.yyyy' : 'd MMMM yyyy';
  return [
    // Zusatz- und Vermerkzone: four empty lines, then the return address on the fifth, right above the address.
    paragraph([], { line: NOTE_ZONE - RETURN_LINE }),
    paragraph([{ text: texts.returnAddress }], { line: RETURN_LINE, size: 7, underline: true }),
    ...ADDRESS_COLUMNS.map((column) =>
      paragraph([{ field: fields[column] }], { line: ADDRESS_LINE, size: 10 }),
    ),
    paragraph([{ text: `${texts.place}, ` }, { date: dateFormat }], { align: 'right', before: BODY_GAP * 2 }),
    paragraph([{ text: texts.subject }], { bold: true, before: BODY_GAP * 2 }),
    paragraph([{ field: fields.greeting }], { before: BODY_GAP * 2, after: BODY_GAP }),
    ...texts.body.map((text) => paragraph([{ text }], { after: BODY_GAP })),
    paragraph([{ text: texts.closing }], { before: BODY_GAP }),
    paragraph([], { before: BODY_GAP * 2 }),
    ...texts.signature.map((text) => paragraph([{ text }])),
  ].join('');
};

const sectionProperties = (): string =>
  [
    '<w:sectPr>',
    '<w:headerReference w:type="default" r:id="rIdHeader"/>',
    '<w:footerReference w:type="default" r:id="rIdFooter"/>',
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>`,
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${mm(12)}" w:footer="${mm(10)}" w:gutter="0"/>`,
    '</w:sectPr>',
  ].join('');

/** A short line at the left edge, in a frame fixed to the page: Word and LibreOffice print it on every page. */
const markParagraph = ({ top, length }: { top: number; length: number }): string =>
  `<w:p><w:pPr><w:framePr w:w="${length}" w:h="20" w:hRule="exact" w:wrap="around" w:vAnchor="page" w:hAnchor="page" w:x="${mm(4)}" w:y="${top}"/><w:pBdr><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`;

const headerXml = (texts: TemplateTexts): string =>
  `${XML_HEADER}<w:hdr xmlns:w="${W}" xmlns:r="${R}">${[
    paragraph([{ text: texts.firm }], { align: 'right', bold: true, size: 16 }),
    paragraph([{ text: texts.letterhead }], { align: 'right', size: 8 }),
    ...MARKS.map(markParagraph),
    // A header must end with a paragraph outside any frame, or LibreOffice drops the last frame.
    paragraph([], { size: 1, line: 20 }),
  ].join('')}</w:hdr>`;

const footerXml = (texts: TemplateTexts): string =>
  `${XML_HEADER}<w:ftr xmlns:w="${W}" xmlns:r="${R}">${paragraph([{ text: texts.footer }], { align: 'center', size: 7 })}</w:ftr>`;

const stylesXml = (lang: Language): string =>
  `${XML_HEADER}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${lang === 'de' ? 'de-DE' : 'en-GB'}"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`;

const CONTENT_TYPES = `${XML_HEADER}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`;

const PACKAGE_RELS = `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT_RELS = `${XML_HEADER}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="${R}/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="${R}/footer" Target="footer1.xml"/></Relationships>`;

/** Path in the package → XML text, in the order they are zipped. */
export const letterTemplateParts = (lang: Language): Array<[string, string]> => {
  const texts = TEMPLATE_TEXTS[lang];
  return [
    ['[Content_Types].xml', CONTENT_TYPES],
    ['_rels/.rels', PACKAGE_RELS],
    ['word/_rels/document.xml.rels', DOCUMENT_RELS],
    [
      'word/document.xml',
      `${XML_HEADER}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${letterBody(texts, lang)}${sectionProperties()}</w:body></w:document>`,
    ],
    ['word/styles.xml', stylesXml(lang)],
    ['word/header1.xml', headerXml(texts)],
    ['word/footer1.xml', footerXml(texts)],
  ];
};

/** The e-mail text template: the same text with Word's «Field» marks, for Word's e-mail merge or a newsletter tool. */
export const emailTemplateText = (lang: Language): string => {
  const texts = TEMPLATE_TEXTS[lang];
  const subject = lang === 'de' ? 'Betreff' : 'Subject';
  return [
    `${subject}: ${texts.subject}`,
    '',
    `«${mergeFieldHeaders(lang).greeting}»`,
    '',
    ...texts.body.flatMap((text) => [text, '']),
    texts.closing,
    ...texts.signature,
    '',
  ].join('\r\n');
};
