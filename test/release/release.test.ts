import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { parseStringPromise } from 'xml2js';
import { EVALUATION_SHEET, TYPE_EVALUATION_SHEET } from '../../src/core/workbook/sheetNames';
import { LEADS_SHEET, STATE_SHEET } from '../../src/core/workbook/sheetNames';
import { MIN_EXCEL_API } from '../../src/excel/requirements';
import { IMMUTABLE, REVALIDATE } from '../../scripts/cachePolicy';
import { checkManifest, manifestVersion, pngSize } from '../../scripts/manifestChecks';
import { ROOT, addinAddress, buildRelease, withVersion, type Release } from '../../scripts/release';
import { E2E_URL, RELEASE_DIR, startServer } from '../e2e/browserHarness';

/**
 * `npm run package` for one address, built once for this file (webpack production, about a minute on 2 cores) into the
 * folder the browser run then serves (test/e2e/paneE2e.ts reuses it).
 */
let release: Release;
let manifest: string;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const web = (file: string) => readFileSync(join(release.webDir, file));
const text = (file: string) => web(file).toString('utf8');
const attribute = (name: string, element: string) =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(manifest)?.[1];

beforeAll(async () => {
  release = await buildRelease(E2E_URL, RELEASE_DIR);
  manifest = readFileSync(release.manifest, 'utf8');
}, 15 * 60_000);

describe('npm run package', () => {
  it('points every URL of the manifest at the given address over https, the task pane’s with the version', () => {
    // Every address in an attribute or element, but the XML namespaces, which Office never loads.
    const urls = [...manifest.matchAll(/\s([\w:]+)="(https?:\/\/[^"]+)"|>(https?:\/\/[^<]+)</g)]
      .filter((m) => !m[1]?.startsWith('xmlns'))
      .map((m) => m[2] ?? m[3]);

    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(url.startsWith(E2E_URL)).toBe(true);
    expect(manifest).not.toContain('localhost');
    expect(attribute('DefaultValue', 'SourceLocation')).toBe(`${E2E_URL}taskpane.html?v=${version}`);
    expect(attribute('DefaultValue', 'SupportUrl')).toBe(`${E2E_URL}support.html`);
  });

  it('ships every file the manifest names', () => {
    const urls = [...manifest.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => new URL(m[1]));
    for (const url of urls)
      expect(existsSync(join(release.webDir, url.pathname.slice('/addin/'.length)))).toBe(true);
  });

  it('ships each icon in the pixel size the manifest uses it at (PNG header)', () => {
    const images = new Map(
      [...manifest.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]),
    );
    const uses: Array<[string, number]> = [
      [attribute('DefaultValue', 'IconUrl') ?? '', 32],
      [attribute('DefaultValue', 'HighResolutionIconUrl') ?? '', 64],
      ...[...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)].map((m): [string, number] => [
        images.get(m[2]) ?? '',
        Number(m[1]),
      ]),
    ];

    expect(uses).toHaveLength(8);
    for (const [url, size] of uses)
      expect({ url, size: pngSize(web(url.slice(E2E_URL.length))) }).toEqual({
        url,
        size: { width: size, height: size },
      });
  });

  it('passes the offline manifest checks against the packaged files', async () => {
    const readAsset = (path: string) => (existsSync(join(release.webDir, path)) ? web(path) : null);

    await expect(checkManifest(manifest, { readAsset, origin: E2E_URL, version })).resolves.toEqual([]);
  });

  it('carries package.json’s version in the manifest, the scripts’ About line, the pages and the file names', () => {
    // the start bundle loads the screens, the About line among them, as a chunk of their own
    const start = release.files.filter((file) => /^taskpane\.[0-9a-f]+\.js$/.test(file));
    const scripts = release.files.filter((file) => file.endsWith('.js')).map(text);

    expect(attribute('DefaultValue', 'SourceLocation')).toContain(`?v=${version}`);
    expect(manifest).toContain(`<Version>${manifestVersion(version)}</Version>`);
    expect(start).toHaveLength(1);
    expect(scripts.filter((script) => script.includes(JSON.stringify(version)))).not.toHaveLength(0);
    expect(scripts.filter((script) => script.includes('Kampagnen für Excel {version}'))).not.toHaveLength(0);
    expect(scripts.filter((script) => script.includes('__APP_VERSION__'))).toEqual([]);
    for (const page of ['privacy.html', 'support.html']) expect(text(page)).toContain(`Version ${version}`);
    expect(release.zip.endsWith(`kampagnen-fuer-excel-${version}.zip`)).toBe(true);
  });

  it('zips exactly the files for the web space, the hosts’ header files and the manifest among them', async () => {
    const zip = await JSZip.loadAsync(readFileSync(release.zip));
    const names = Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map((entry) => entry.name)
      .sort();

    expect(names).toEqual(release.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'taskpane.html',
        'privacy.html',
        'support.html',
        'manifest.xml',
        '.htaccess',
        '_headers',
        'web.config',
      ]),
    );
    expect(names.some((name) => name.endsWith('.map'))).toBe(false);
    expect(await zip.file('manifest.xml')?.async('string')).toBe(manifest);
  });

  it('tells web hosts to revalidate taskpane.html and to keep content-hashed files', async () => {
    const scripts = release.files.filter((file) => file.endsWith('.js'));
    const headers = text('_headers');

    expect(headers).toContain(`/addin/taskpane.html\n  Cache-Control: ${REVALIDATE}\n`);
    for (const script of scripts)
      expect(headers).toContain(`/addin/${script}\n  Cache-Control: ${IMMUTABLE}\n`);
    expect(text('.htaccess')).toMatch(/Header set Cache-Control "no-cache"[\s\S]*<FilesMatch/);
    const config = (await parseStringPromise(text('web.config'))) as {
      configuration: { location: Array<{ $: { path: string } }> };
    };
    const locations = config.configuration.location.map((location) => location.$.path);
    expect(locations.sort()).toEqual(expect.arrayContaining(scripts.sort()));
    expect(locations).not.toContain('taskpane.html');
  });

  it('is served by the preview server with taskpane.html never cached stale', async () => {
    const server = await startServer(release.webDir);
    try {
      const page = await fetch(server.url);
      const bundle = release.files.find((file) => /^taskpane\.[0-9a-f]+\.js$/.test(file));
      const script = await fetch(new URL(bundle ?? '', server.url));

      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain(bundle);
      expect(script.headers.get('cache-control')).toBe(IMMUTABLE);
    } finally {
      server.stop();
    }
  });

  it('writes a note which file goes where, with the address filled in', () => {
    const note = readFileSync(join(release.dir, 'LIESMICH.txt'), 'utf8');

    expect(note).toContain(`${E2E_URL}taskpane.html`);
    expect(note).toContain(`kampagnen-fuer-excel-${version}.zip`);
    expect(note).toMatch(/Integrierte Apps[\s\S]*Integrated apps/);
  });
});

describe('the privacy and help pages', () => {
  it.each(['privacy.html', 'support.html'])('%s speaks German first, then English', (page) => {
    const html = text(page);

    expect(html.indexOf('<section lang="de"')).toBeGreaterThan(0);
    expect(html.indexOf('<section lang="en"')).toBeGreaterThan(html.indexOf('<section lang="de"'));
  });

  it('name every sheet the add-in writes, and how to delete the very hidden state sheet, in both languages', () => {
    const html = text('privacy.html');
    const sheets = [
      STATE_SHEET,
      LEADS_SHEET,
      ...Object.values(EVALUATION_SHEET),
      ...Object.values(TYPE_EVALUATION_SHEET),
    ];

    for (const sheet of sheets) expect(html).toContain(sheet);
    expect(html).toContain('ReadWriteDocument');
    expect(html).toMatch(/id="loeschen"[\s\S]*xlSheetVisible[\s\S]*id="delete"[\s\S]*xlSheetVisible/);
  });

  it('link each other, and the help page names what an old Excel can use instead', () => {
    expect(text('privacy.html')).toContain('href="support.html"');
    expect(text('support.html')).toContain('href="privacy.html#loeschen"');
    expect(text('support.html')).toContain(`ExcelApi ${MIN_EXCEL_API}`);
    expect(text('support.html')).toContain('npx kampagne run');
  });
});

describe('addinAddress', () => {
  it.each([
    ['https://www.firma.de/kampagnen', 'https://www.firma.de/kampagnen/'],
    ['https://www.firma.de/kampagnen/', 'https://www.firma.de/kampagnen/'],
    ['https://addin.firma.de', 'https://addin.firma.de/'],
    ['https://Addin.Firma.DE:8443/a/b', 'https://addin.firma.de:8443/a/b/'],
  ])('takes %s as the folder %s', (raw, base) => {
    expect(addinAddress(raw)).toEqual({ ok: true, base });
  });

  it.each([
    ['http://www.firma.de/kampagnen/', /nur über https/],
    ['www.firma.de/kampagnen', /Keine gültige Adresse/],
    ['https://www.firma.de/kampagnen/taskpane.html', /Ordners, nicht einer Datei/],
    ['https://www.firma.de/kampagnen/?v=1', /Ohne \?, # und Anmeldedaten/],
  ])('refuses %s', (raw, reason) => {
    const address = addinAddress(raw);
    expect(address.ok).toBe(false);
    expect(!address.ok && address.reason).toMatch(reason);
  });

  it('is checked before anything is built: npm run package with an http address exits 2 and builds nothing', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/package.ts', '--url', 'http://www.firma.de/'],
      { cwd: ROOT, encoding: 'utf8' },
    );

    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/https/);
    expect(run.stdout).not.toMatch(/webpack/);
  });
});

describe('withVersion', () => {
  it('refuses a pre-release version, which Office could not read', () => {
    expect(() => withVersion('<Version>1.0.0.0</Version>', '1.1.0-beta.1')).toThrow(/not n\.n\.n/);
  });
});
