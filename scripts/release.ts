/**
 * `npm run package -- --url https://…`: the files a company puts on its web space, the manifest pointing there, one
 * .zip of the files and a short note which file goes where. Used by scripts/package.ts and the release test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';
import { hostingFiles } from './cachePolicy';
import { DEV_ORIGIN, checkManifest, manifestVersion } from './manifestChecks';

export const ROOT = join(__dirname, '..');

export type AddinAddress = { ok: true; base: string } | { ok: false; reason: string };

/** The folder address the files will be served from, ending in "/"; Office loads add-ins over https only. */
export function addinAddress(raw: string): AddinAddress {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: `Keine gültige Adresse / not a valid address: "${raw}"` };
  }
  if (url.protocol !== 'https:')
    return {
      ok: false,
      reason: `Office lädt Add-ins nur über https / Office loads add-ins over https only: ${raw}`,
    };
  if (url.search || url.hash || url.username || url.password)
    return { ok: false, reason: `Ohne ?, # und Anmeldedaten / without ?, # or credentials: ${raw}` };
  if (/\.[a-z0-9]+$/i.test(url.pathname))
    return {
      ok: false,
      reason: `Die Adresse des Ordners, nicht einer Datei / the folder's address, not a file's: ${raw}`,
    };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { ok: true, base: `${url.origin}${path}` };
}

/** The manifest with package.json's version as its <Version> (n.n.n.0); a pre-release version is refused. */
export function withVersion(xml: string, version: string): string {
  const fourPartVersion = manifestVersion(version);
  if (!fourPartVersion)
    throw new Error(`package.json version "${version}" is not n.n.n: Office needs numbers`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${fourPartVersion}</Version>`);
}

/**
 * The repository's manifest for the real address: every development URL moved there, package.json's version, and the
 * task pane's URL carrying that version, so that Office asks for a fresh taskpane.html after an update even where a
 * host ignores the Cache-Control header.
 */
export const releaseManifest = (xml: string, base: string, version: string): string =>
  withVersion(xml, version)
    .split(DEV_ORIGIN)
    .join(base)
    .split(`${base}taskpane.html"`)
    .join(`${base}taskpane.html?v=${version}"`);

export interface Release {
  version: string;
  base: string;
  dir: string;
  /** The files for the web space (the zip's content). */
  webDir: string;
  manifest: string;
  zip: string;
  /** Paths below webDir, forward slashes, sorted. */
  files: string[];
}

const packageVersion = (): string =>
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const filesBelow = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();

function buildBundle(webDir: string): void {
  // Source maps stay out: the bundle would point hosts and users at 7 MB nobody needs.
  const webpackArguments = ['webpack', '--mode', 'production', '--no-devtool', '--output-path', webDir];
  const build = spawnSync('npx', webpackArguments, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`webpack failed (exit ${build.status}):\n${output}`);
  }
}

const readAssetBelow = (dir: string, path: string): Buffer | null => {
  const file = join(dir, path);
  return relative(dir, file).startsWith('..') || !statSync(file, { throwIfNoEntry: false })?.isFile()
    ? null
    : readFileSync(file);
};

async function zipFolder(dir: string, files: string[], target: string): Promise<void> {
  const zip = new JSZip();
  for (const file of files) zip.file(file, readFileSync(join(dir, file)));
  writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const readme = (
  base: string,
  version: string,
  zipName: string,
): string => `Kampagnen für Excel ${version} – ${base}

1. Den Inhalt von ${zipName} (oder des Ordners web/) so auf den Webspace laden, dass
   ${base}taskpane.html erreichbar ist. Prüfen: ${base}support.html im Browser öffnen.
2. manifest.xml einbinden:
   - Microsoft 365 Admin Center: Einstellungen > Integrierte Apps > Benutzerdefinierte Apps hochladen
   - Freigegebener Ordner (Windows): manifest.xml in den freigegebenen Katalog-Ordner legen
   - Excel für Mac: manifest.xml nach ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
   - Excel im Web: Start > Add-Ins > Weitere Einstellungen > Mein Add-In hochladen
Schritt für Schritt: README des Projekts, „Installation im Unternehmen“.

1. Upload the content of ${zipName} (or of the folder web/) to the web space so that
   ${base}taskpane.html can be reached. Check: open ${base}support.html in a browser.
2. Add manifest.xml:
   - Microsoft 365 admin center: Settings > Integrated apps > Upload custom apps
   - Shared folder (Windows): put manifest.xml into the shared catalog folder
   - Excel for Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef
   - Excel on the web: Home > Add-ins > More Settings > Upload My Add-in
Step by step: the project's README, "Installing in a company".
`;

/** Builds the release into `dir` (emptied first). Throws if the build fails or the manifest would not pass. */
export async function buildRelease(url: string, dir: string): Promise<Release> {
  const address = addinAddress(url);
  if (!address.ok) throw new Error(address.reason);
  const { base } = address;
  const version = packageVersion();
  const webDir = join(dir, 'web');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  buildBundle(webDir);

  const manifest = releaseManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), base, version);
  const problems = await checkManifest(manifest, {
    readAsset: (path) => readAssetBelow(webDir, path),
    origin: base,
    version,
  });
  if (problems.length) throw new Error(`The release manifest fails its checks:\n${problems.join('\n')}`);
  writeFileSync(join(webDir, 'manifest.xml'), manifest);
  const built = filesBelow(webDir);
  for (const [name, text] of Object.entries(hostingFiles(version, built, new URL(base).pathname)))
    writeFileSync(join(webDir, name), text);

  const files = filesBelow(webDir);
  const zipName = `kampagnen-fuer-excel-${version}.zip`;
  await zipFolder(webDir, files, join(dir, zipName));
  writeFileSync(join(dir, 'LIESMICH.txt'), readme(base, version, zipName));
  // Written last: a release folder with its manifest is complete (test/e2e/browserHarness.ts relies on it).
  writeFileSync(join(dir, 'manifest.xml'), manifest);
  return { version, base, dir, webDir, manifest: join(dir, 'manifest.xml'), zip: join(dir, zipName), files };
}
