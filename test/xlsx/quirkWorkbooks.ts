import { zipOf } from './xlsxFixtures';

/**
 * Hand-written packages with what real files hold and exceljs' streaming reader reads in its own way: rich and inline
 * strings (several runs, phonetic runs, pretty-printed, xml:space), entities named and numeric, "_xHHHH_" escapes,
 * booleans, error cells and error results, shared formulas, formulas without a value, row styles, escaped custom date
 * formats, built-in date formats, both date systems, cells out of order, comments and CDATA, merged cells and e-mail
 * links — each in the zip orders that change what exceljs knows when it meets a sheet.
 */

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const sharedStrings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="${MAIN_NS}" count="9" uniqueCount="9">
  <si><t>Kunden-Nr.</t></si>
  <si><t xml:space="preserve">  Jörg &amp; Söhne  </t></si>
  <si><r><rPr><b/></rPr><t>Fett</t></r><r><t xml:space="preserve"> und normal</t></r></si>
  <si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>
  <si><t>Glocke_x0007_ und _x005F_x0041_</t></si>
  <si><t></t></si>
  <si><t>Zeile 1&#13;
Zeile 2&#x20AC;&#228;</t></si>
  <si>
    <t>eingerückt</t>
  </si>
  <si><r><t>a</t></r>
  <r><t>b</t></r></si>
</sst>`;

const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}">
  <numFmts count="3">
    <numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/>
    <numFmt numFmtId="165" formatCode="&quot;Tag &quot;0"/>
    <numFmt numFmtId="166" formatCode="[Red]#,##0.00 &quot;€&quot;"/>
  </numFmts>
  <fonts count="1"><font><sz val="11"/></font></fonts>
  <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
  <borders count="1"><border/></borders>
  <cellStyleXfs count="1"><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
  <cellXfs count="8">
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf>
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="45" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
    <xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
  </cellXfs>
  <dxfs count="1"><dxf><numFmt numFmtId="167" formatCode="yyyy"/></dxf></dxfs>
</styleSheet>`;

const cells = `
  <row r="1" spans="1:8">
    <c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
    <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>
    <c r="G1" t="s"><v>6</v></c><c r="H1" t="s">
      <v>7</v>
    </c><c r="I1" t="s"><v>8</v></c><c r="J1" t="s"><v>99</v></c>
  </row>
  <row r="2"><c r="A2" t="inlineStr"><is><t>inline &amp;lt;b&amp;gt; &#252;</t></is></c>
    <c r="B2" t="inlineStr"><is><r><t>erster</t></r><r><t>zweiter Lauf</t></r></is></c>
    <c r="C2" t="inlineStr"><is>
      <t xml:space="preserve"> Leerzeichen </t>
    </is></c>
    <c r="D2" t="inlineStr"><is><t>Steuer_x0007_zeichen</t></is></c>
    <c r="E2" t="inlineStr"><is><t></t></is></c>
    <c r="F2" t="str"><v>str ohne Formel</v></c>
    <c r="G2" t="inlineStr"><is><t>Windows\r\nZeile</t></is></c>
    <c r="H2" t="inlineStr"><is><t><![CDATA[verloren]]>bleibt</t></is></c>
  </row>
  <!-- ein Kommentar <row r="99"> zwischen Zeilen -->
  <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="b"><v>true</v></c>
    <c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="b"/><c r="G3" t="e"><v></v></c></row>
  <row r="4"><c r="A4"><v>42</v></c><c r="B4"><v>-7</v></c><c r="C4"><v>3.14159</v></c><c r="D4"><v>1E-3</v></c>
    <c r="E4"><v>  5</v></c><c r="F4"><v></v></c><c r="G4"><v>12345678901234567</v></c><c r="H4" t="n"><v>0.1</v></c>
    <c r="I4" t="d"><v>2024-05-02</v></c><c r="J4" s="7"><v>1234.5</v></c><c r="K4"><v>abc</v></c></row>
  <row r="5"><c r="A5" s="1"><v>45414</v></c><c r="B5" s="2"><v>45414.5</v></c><c r="C5" s="3"><v>45414.75</v></c>
    <c r="D5" s="4"><v>7</v></c><c r="E5" s="5"><v>1234.5</v></c><c r="F5" s="6"><v>0.0104166666666667</v></c>
    <c r="G5" s="1"><v></v></c><c r="H5" s="99"><v>45414</v></c><c r="I5" s="0"><v>45414</v></c></row>
  <row r="6"><c r="A6"><f>SUM(A4:B4)</f><v>35</v></c><c r="B6" t="str"><f>A1&amp;"x"</f><v>Kunden&amp;amp;x</v></c>
    <c r="C6" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D6" t="b"><f>TRUE()</f><v>1</v></c>
    <c r="E6" s="1"><f>TODAY()</f><v>45414</v></c><c r="F6"><f>A1*2</f></c>
    <c r="G6"><f t="shared" ref="G6:G8" si="0">A4*2</f><v>84</v></c><c r="H6" t="str"><f>""</f><v></v></c>
    <c r="I6"><f>1/0</f><v></v></c></row>
  <row r="7"><c r="G7"><f t="shared" si="0"/><v>-14</v></c><c r="H7" s="1"><f t="shared" si="0"/><v>45414</v></c>
    <c r="I7" t="e"><f t="shared" si="0"/><v>#REF!</v></c><c r="J7"><f t="shared" si="0"/></c>
    <c r="K7" t="str"><f t="shared" si="0"/><v>geteilt_x0041_</v></c>
    <c r="L7"><f t="shared" si="0"/>
      <v>3</v></c></row>
  <row r="8" s="2" customFormat="1"><c r="A8"><v>45414</v></c><c r="B8" s="4"><v>45414</v></c><c r="C8" s="0"><v>45414</v></c>
    <c r="D8"><f>A8</f><v>45414</v></c></row>
  <row r="9"><c r="D9"><v>4</v></c><c r="B9"><v>2</v></c><c r="B9"><v>22</v></c><c r="C9" s="1"/><c r="C9"><v>45414</v></c>
    <c r="A9"><f>X</f></c><c r="E9"><f>Y</f></c></row>
  <row r="10" spans="1:1"/>
  <row r="12"><c r="$B$12"><v>1</v></c><c r="AA12" t="inlineStr"><is><t>weit rechts</t></is></c></row>
  <row r="13"><c r="A13" t="inlineStr"><is><t>E-Mail schreiben</t></is></c><c r="B13" t="inlineStr"><is><t>Homepage</t></is></c>
    <c r="C13" t="inlineStr"><is><t>zwei</t></is></c></row>
`;

const sheet = (data: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>
<dimension ref="A1:AA13"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>
<cols><col min="1" max="3" width="12" style="2" customWidth="1"/></cols>
<sheetData>${data}</sheetData>${extra}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const tail = `<mergeCells count="2"><mergeCell ref="A10:C10"/><mergeCell ref="A11:A12"/></mergeCells>
<hyperlinks><hyperlink ref="A13" r:id="rId1"/><hyperlink ref="B13" r:id="rId2"/><hyperlink ref="C13:D13" r:id="rId3"/></hyperlinks>`;

const sheetRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/hyperlink" Target="mailto:bernd@example.de" TargetMode="External"/>
<Relationship Id="rId2" Type="${REL_NS}/hyperlink" Target="https://example.de" TargetMode="External"/>
<Relationship Id="rId3" Type="${REL_NS}/hyperlink" Target=" MAILTO:zwei@example.de " TargetMode="External"/>
</Relationships>`;

const workbook = (date1904: boolean): string => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${date1904 ? ' date1904="1"' : ''} defaultThemeVersion="124226"/>
<sheets><sheet name="Eigenheiten &amp;amp; Co" sheetId="4" r:id="rId2"/><sheet name="Leer" sheetId="2" state="hidden" r:id="rId1"/>
<sheet name="Nur Zahlen" sheetId="9" r:id="rId3"/></sheets></workbook>`;

const workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">
<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId3" Type="${REL_NS}/worksheet" Target="/xl/worksheets/sheet3.xml"/>
<Relationship Id="rId4" Type="${REL_NS}/styles" Target="styles.xml"/>
<Relationship Id="rId5" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>`;

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;

const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

type Order = 'smallPartsFirst' | 'sheetsFirst' | 'stylesLast';

/** The quirk workbook with its parts stored in `order` (exceljs reads a sheet at once only after the shared strings). */
export const quirkWorkbookZip = (order: Order, date1904 = false): Buffer => {
  const parts = {
    workbook: { 'xl/workbook.xml': workbook(date1904), 'xl/_rels/workbook.xml.rels': workbookRels },
    shared: { 'xl/sharedStrings.xml': sharedStrings },
    styles: { 'xl/styles.xml': styles },
    sheets: {
      'xl/worksheets/sheet1.xml': sheet(''),
      'xl/worksheets/sheet2.xml': sheet(cells, tail),
      'xl/worksheets/_rels/sheet2.xml.rels': sheetRels,
      'xl/worksheets/sheet3.xml': sheet(
        '<row r="2"><c r="B2"><v>1</v></c><c r="C2" s="2"><v>2</v></c></row>',
      ).replace('<sheetData>', '<sheetData >'),
    },
  };
  const head = { '[Content_Types].xml': contentTypes, '_rels/.rels': rootRels };
  const ordered =
    order === 'smallPartsFirst'
      ? { ...head, ...parts.workbook, ...parts.styles, ...parts.shared, ...parts.sheets }
      : order === 'sheetsFirst'
        ? { ...head, ...parts.sheets, ...parts.workbook, ...parts.styles, ...parts.shared }
        : { ...head, ...parts.workbook, ...parts.shared, ...parts.sheets, ...parts.styles };
  return zipOf(ordered);
};
