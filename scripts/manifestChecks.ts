/**
 * Offline checks of manifest.xml: what Office would reject or show wrongly, without Microsoft's web service.
 * Used by `npm run validate` and by test/manifest/manifest.test.ts.
 */
import { parseStringPromise } from 'xml2js';
import { MIN_EXCEL_API } from '../src/excel/requirements';

/** Where the development URLs of the manifest point to in the repository. */
export const DEV_ORIGIN = 'https://localhost:3000/';

/**
 * Office knows the add-in by this id across versions: a new id makes an update a second add-in next to the old one
 * (in the admin center, in every user's ribbon).
 */
export const ADDIN_ID = '826fa2b6-2025-4c81-8380-a9bd17fc1add';

/** The base manifest's elements, in the order the schema's sequence demands (the admin center rejects another). */
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

export interface ManifestContext {
  /** A file of the add-in by its path below `origin`, or null if it is missing. */
  readAsset: ReadAsset;
  /** The address every URL must start with, ending in "/": DEV_ORIGIN in the repository. */
  origin: string;
  /** package.json's version, which <Version> must carry. */
  version: string;
}

/** Office wants n.n.n.n: package.json's "1.2.3" becomes "1.2.3.0"; a pre-release such as "1.2.3-beta" has none. */
export const manifestVersion = (version: string): string | null =>
  /^\d+\.\d+\.\d+$/.test(version) ? `${version}.0` : null;

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

const elementAt = (xml: string, name: string): number => xml.search(new RegExp(`<${name}[\\s>/]`));

function requiredElements(xml: string): string[] {
  const problems = REQUIRED_ELEMENTS.filter((name) => elementAt(xml, name) < 0).map(
    (name) => `Pflichtelement <${name}> fehlt`,
  );
  const present = REQUIRED_ELEMENTS.filter((name) => elementAt(xml, name) >= 0);
  const early = present.findIndex(
    (name, i) => i > 0 && elementAt(xml, name) < elementAt(xml, present[i - 1]),
  );
  if (early > 0)
    problems.push(`<${present[early]}> muss nach <${present[early - 1]}> stehen (Schema-Reihenfolge)`);
  if (textOf(xml, 'Permissions') !== 'ReadWriteDocument')
    problems.push('<Permissions> muss ReadWriteDocument sein');
  if (attribute(xml, 'Host', 'Name') !== 'Workbook') problems.push('<Host Name="Workbook"/> fehlt (Excel)');
  if (!/<OfficeTab id="TabHome">/.test(xml))
    problems.push('Die Schaltfläche gehört auf die Registerkarte Start (TabHome)');
  const excelApi = /<Set Name="ExcelApi" MinVersion="([^"]*)"\/>/.exec(xml)?.[1];
  if (excelApi === undefined) problems.push('Anforderungssatz ExcelApi fehlt');
  else if (excelApi !== MIN_EXCEL_API)
    problems.push(
      `ExcelApi ${excelApi} im Manifest, das Add-in braucht ${MIN_EXCEL_API} (src/excel/requirements.ts)`,
    );
  return problems;
}

function identity(xml: string, packageVersion: string): string[] {
  const problems: string[] = [];
  const id = textOf(xml, 'Id') ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    problems.push(`<Id> ist keine GUID: "${id}"`);
  else if (id !== ADDIN_ID)
    problems.push(`<Id> muss ${ADDIN_ID} bleiben, sonst wird ein Update zu einem zweiten Add-in: "${id}"`);
  const version = textOf(xml, 'Version') ?? '';
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) problems.push(`<Version> muss n.n.n.n sein: "${version}"`);
  else if (version !== manifestVersion(packageVersion))
    problems.push(`<Version> ${version} passt nicht zu package.json ${packageVersion} (npm version …)`);
  if (textOf(xml, 'DefaultLocale') !== 'de-DE') problems.push('<DefaultLocale> muss de-DE sein');
  return problems;
}

const urlsOf = (xml: string): string[] =>
  [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]*)"|<AppDomain>([^<]*)<\/AppDomain>/g)].map(
    (match) => match[1] ?? match[2],
  );

/** https only, all at the add-in's own address, and the support URL on the shipped help page. */
function urls(xml: string, origin: string): string[] {
  const problems = urlsOf(xml).flatMap((url) => {
    if (!url.startsWith('https://')) return [`URL ohne https: ${url}`];
    return url.startsWith(origin) ? [] : [`URL nicht unter ${origin}: ${url}`];
  });
  const support = attribute(xml, 'SupportUrl', 'DefaultValue');
  if (support !== `${origin}support.html`)
    problems.push(`<SupportUrl> muss ${origin}support.html sein (die Hilfeseite des Add-ins): "${support}"`);
  return problems;
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

/** Every icon the manifest names must exist below the origin with the pixel size it is used at. */
function icons(xml: string, { readAsset, origin }: ManifestContext): string[] {
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
    if (!url.startsWith(origin)) continue; // the URL and resid checks report these
    const path = url.slice(origin.length);
    const bytes = readAsset(path);
    const actual = bytes && pngSize(bytes);
    if (!actual) problems.push(`Symbol ${path} fehlt oder ist kein PNG`);
    else if (actual.width !== size || actual.height !== size)
      problems.push(`Symbol ${path} ist ${actual.width}×${actual.height} px, gebraucht ${size}×${size}`);
  }
  return problems;
}

export async function checkManifest(xml: string, context: ManifestContext): Promise<string[]> {
  const parseProblems = await wellFormed(xml);
  if (parseProblems.length) return parseProblems;
  return [
    ...requiredElements(xml),
    ...identity(xml, context.version),
    ...urls(xml, context.origin),
    ...resourceIds(xml),
    ...icons(xml, context),
  ];
}
