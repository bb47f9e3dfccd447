/**
 * Offline checks of manifest.xml: what Office would reject or show wrongly, without Microsoft's web service.
 * Used by `npm run validate` and by test/manifest/manifest.test.ts.
 */
import { parseStringPromise } from 'xml2js';

/** Where the development URLs of the manifest point to in the repository. */
export const DEV_ORIGIN = 'https://localhost:3000/';

const REQUIRED_ELEMENTS = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'VersionOverrides',
];

type ReadAsset = (path: string) => Buffer | null;

const attribute = (xml: string, element: string, name: string): string | undefined =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

const textOf = (xml: string, element: string): string | undefined =>
  new RegExp(`<${element}>([^<]*)</${element}>`).exec(xml)?.[1].trim();

/** Width and height from a PNG's IHDR chunk, or null if the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function wellFormed(xml: string): Promise<string[]> {
  try {
    await parseStringPromise(xml, { strict: true });
    return [];
  } catch (error) {
    return [`XML nicht wohlgeformt: ${(error as Error).message.split('\n')[0]}`];
  }
}

function requiredElements(xml: string): string[] {
  const problems = REQUIRED_ELEMENTS.filter((name) => !new RegExp(`<${name}[\\s>/]`).test(xml)).map(
    (name) => `Pflichtelement <${name}> fehlt`,
  );
  if (textOf(xml, 'Permissions') !== 'ReadWriteDocument')
    problems.push('<Permissions> muss ReadWriteDocument sein');
  if (attribute(xml, 'Host', 'Name') !== 'Workbook') problems.push('<Host Name="Workbook"/> fehlt (Excel)');
  if (!/<OfficeTab id="TabHome">/.test(xml))
    problems.push('Die Schaltfläche gehört auf die Registerkarte Start (TabHome)');
  if (!/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/.test(xml))
    problems.push('Anforderungssatz ExcelApi fehlt');
  return problems;
}

function identity(xml: string): string[] {
  const problems: string[] = [];
  const id = textOf(xml, 'Id') ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> ist keine GUID: "${id}"`);
  const version = textOf(xml, 'Version') ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) problems.push(`<Version> muss n.n.n.n sein: "${version}"`);
  if (textOf(xml, 'DefaultLocale') !== 'de-DE') problems.push('<DefaultLocale> muss de-DE sein');
  return problems;
}

function httpsUrls(xml: string): string[] {
  const urls = [
    ...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g),
  ].map((match) => match[1] ?? match[2]);
  return urls.filter((url) => !url.startsWith('https://')).map((url) => `URL ohne https: ${url}`);
}

function resourceIds(xml: string): string[] {
  const resources = xml.slice(xml.indexOf('<Resources>'));
  const defined = new Set([...resources.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]));
  const used = new Set([...xml.matchAll(/\bresid="([^"]+)"/g)].map((match) => match[1]));
  const problems = [...used]
    .filter((id) => !defined.has(id))
    .map((id) => `resid "${id}" ist nicht definiert`);
  const strings = [...resources.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
  for (const [, id, body] of strings) {
    if (!/<bt:Override Locale="en-US"/.test(body))
      problems.push(`Text "${id}" hat keine englische Fassung (en-US)`);
  }
  return problems;
}

/** Every icon the manifest names must exist in assets/ with the pixel size it is used at. */
function icons(xml: string, readAsset: ReadAsset): string[] {
  const imageUrls = new Map(
    [...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const uses: [string, number][] = [
    [attribute(xml, 'IconUrl', 'DefaultValue') ?? '', 32],
    [attribute(xml, 'HighResolutionIconUrl', 'DefaultValue') ?? '', 64],
    ...[...xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m): [string, number] => [
      imageUrls.get(m[2]) ?? '',
      Number(m[1]),
    ]),
  ];
  const problems: string[] = [];
  for (const [url, size] of new Map(
    uses.map(([url, size]) => [`${url}@${size}`, [url, size] as const]),
  ).values()) {
    if (!url.startsWith(DEV_ORIGIN)) continue; // the resid check reports undefined images
    const path = url.slice(DEV_ORIGIN.length);
    const bytes = readAsset(path);
    const actual = bytes && pngSize(bytes);
    if (!actual) problems.push(`Symbol ${path} fehlt oder ist kein PNG`);
    else if (actual.width !== size || actual.height !== size)
      problems.push(`Symbol ${path} ist ${actual.width}×${actual.height} px, gebraucht ${size}×${size}`);
  }
  return problems;
}

export async function checkManifest(xml: string, readAsset: ReadAsset): Promise<string[]> {
  const parseProblems = await wellFormed(xml);
  if (parseProblems.length) return parseProblems;
  return [
    ...requiredElements(xml),
    ...identity(xml),
    ...httpsUrls(xml),
    ...resourceIds(xml),
    ...icons(xml, readAsset),
  ];
}
