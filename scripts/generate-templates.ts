/** Writes the shipped Word letter and e-mail templates into templates/ from src/templates: `npm run templates`. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Language } from '../src/core/kernel/language';
import { zipPackage } from '../src/templates/docxPackage';
import { emailTemplateText, letterTemplateParts } from '../src/templates/letterTemplate';
import { TEMPLATE_FILES } from '../src/templates/templateTexts';

export const TEMPLATES_DIR = path.join(__dirname, '..', 'templates');

/** File name → content of every shipped template. */
export const templateFiles = async (): Promise<Array<[string, Uint8Array | string]>> => {
  const languages: Language[] = ['de', 'en'];
  return (
    await Promise.all(
      languages.map(async (lang): Promise<Array<[string, Uint8Array | string]>> => [
        [TEMPLATE_FILES[lang].letter, await zipPackage(letterTemplateParts(lang))],
        [TEMPLATE_FILES[lang].email, emailTemplateText(lang)],
      ]),
    )
  ).flat();
};

const main = async (): Promise<void> => {
  await fs.mkdir(TEMPLATES_DIR, { recursive: true });
  for (const [name, content] of await templateFiles()) {
    await fs.writeFile(path.join(TEMPLATES_DIR, name), content);
    console.log(`templates/${name}`);
  }
};

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`Vorlagen konnten nicht geschrieben werden: ${String(error)}`);
    process.exitCode = 1;
  });
}
