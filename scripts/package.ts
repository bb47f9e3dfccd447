/**
 * `npm run package -- --url https://www.firma.de/kampagnen/`: writes release/ (see scripts/release.ts) and says which
 * file goes where.
 */
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, addinAddress, buildRelease } from './release';

const RELEASE_DIR = join(ROOT, 'release');

const usage = () =>
  'Aufruf / usage: npm run package -- --url https://www.ihre-firma.de/kampagnen/\n' +
  '  --url  die https-Adresse des Ordners, aus dem das Add-in geladen wird / the https folder address it is served from';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--url');
  const url = at > 0 ? process.argv[at + 1] : undefined;
  if (!url) {
    console.error(usage());
    process.exit(2);
  }
  const address = addinAddress(url);
  if (!address.ok) {
    console.error(`✖ ${address.reason}\n${usage()}`);
    process.exit(2);
  }
  const release = await buildRelease(address.base, RELEASE_DIR);
  const show = (path: string) => relative(ROOT, path);
  const kilobytes = (path: string) => `${Math.round(statSync(path).size / 1024)} KB`;
  console.log(`\n✔ Kampagnen für Excel ${release.version} für ${release.base}`);
  console.log(`  ${show(release.zip)} (${kilobytes(release.zip)}): auf den Webspace / onto the web space`);
  console.log(`  ${show(release.webDir)}/: dieselben Dateien entpackt / the same files unpacked`);
  console.log(
    `  ${show(release.manifest)}: ins Admin Center, in den freigegebenen Ordner, nach wef/ oder in Excel im Web`,
  );
  console.log(`  ${show(join(release.dir, 'LIESMICH.txt'))}: welche Datei wohin / which file goes where`);
}

main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
