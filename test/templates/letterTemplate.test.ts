import { promises as fs } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import type { Language } from '../../src/core/kernel/language';
import { targetGroupTable } from '../../src/core/outputs/targetTable';
import { emailTemplateText, letterTemplateParts } from '../../src/templates/letterTemplate';
import { TEMPLATE_FILES } from '../../src/templates/templateTexts';
import { TEMPLATES_DIR, templateFiles } from '../../scripts/generate-templates';
import { makeGroup, makeMember } from '../core/outputs/memberBuilders';

const LANGUAGES: Language[] = ['de', 'en'];

const documentXml = (lang: Language): string =>
  letterTemplateParts(lang).find(([name]) => name === 'word/document.xml')?.[1] ?? '';

const mergeFields = (xml: string): string[] =>
  [...xml.matchAll(/<w:instrText[^>]*> MERGEFIELD (\S+) /g)].map((match) => match[1]);

describe('the shipped templates', () => {
  it('are exactly what src/templates generates (after a change: npm run templates)', async () => {
    for (const [name, content] of await templateFiles()) {
      const committed = await fs.readFile(path.join(TEMPLATES_DIR, name));
      expect({ name, bytes: [...committed] }).toEqual({ name, bytes: [...Buffer.from(content)] });
    }
  });

  it.each(LANGUAGES)(
    '%s: the letter binds one merge field per address line and the greeting, by column name, and needs no IF field',
    (lang) => {
      const headers = targetGroupTable(
        makeGroup([makeMember()]),
        { type: 'letter', language: lang },
        [],
      ).headers;
      const expected =
        lang === 'de'
          ? [
              'Anschrift1',
              'Anschrift2',
              'Anschrift3',
              'Anschrift4',
              'Anschrift5',
              'Anschrift6',
              'Briefanrede',
            ]
          : ['Address1', 'Address2', 'Address3', 'Address4', 'Address5', 'Address6', 'Greeting'];
      expect(mergeFields(documentXml(lang))).toEqual(expected);
      for (const field of expected) expect(headers).toContain(field);
      const instructions = [...documentXml(lang).matchAll(/<w:instrText[^>]*> (\S+)/g)].map((m) => m[1]);
      expect(new Set(instructions)).toEqual(new Set(['MERGEFIELD', 'DATE']));
    },
  );

  it.each(LANGUAGES)(
    '%s: the .docx is a Word package with the document, styles, letterhead and footer',
    async (lang) => {
      const zip = await JSZip.loadAsync(
        await fs.readFile(path.join(TEMPLATES_DIR, TEMPLATE_FILES[lang].letter)),
      );
      expect(Object.keys(zip.files).sort()).toEqual([
        '[Content_Types].xml',
        '_rels/.rels',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/footer1.xml',
        'word/header1.xml',
        'word/styles.xml',
      ]);
    },
  );

  it('places the address field by DIN 5008 form B: text from 25 mm, below a 45 mm letterhead', () => {
    const xml = documentXml('de');
    expect(xml).toMatch(/<w:pgMar w:top="2551" w:right="1134" w:bottom="1701" w:left="1417"/);
    // The Vermerkzone (17.7 mm) ends with the return address; six exact lines of 4.55 mm form the Anschriftzone.
    expect(xml.match(/w:line="258" w:lineRule="exact"/g)).toHaveLength(6);
  });

  it.each([
    ['de', 'Betreff: Unsere aktuellen Angebote für Sie\r\n\r\n«Briefanrede»\r\n\r\nwir freuen uns'],
    ['en', 'Subject: Our current offers for you\r\n\r\n«Greeting»\r\n\r\nWe are pleased'],
  ] as const)('%s: the e-mail template greets with the same merge field', (lang, start) => {
    expect(emailTemplateText(lang).startsWith(start)).toBe(true);
  });
});
