import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { DEV_ORIGIN, checkManifest, manifestVersion, pngSize } from '../../scripts/manifestChecks';
import { ICON_SIZES, iconPng } from '../../scripts/make-icons';

const root = join(__dirname, '..', '..');
const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
/** The decoded pixel rows of a PNG: compressed bytes may differ between zlib builds, pixels must not. */
const pixels = (png: Buffer): Buffer => {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
};
const readAsset = (path: string): Buffer | null =>
  existsSync(join(root, path)) ? readFileSync(join(root, path)) : null;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const context = { readAsset, origin: DEV_ORIGIN, version };

describe('manifest.xml', () => {
  it('passes the offline checks: well-formed, complete, https only, every resid defined, icons in size', async () => {
    await expect(checkManifest(manifest, context)).resolves.toEqual([]);
  });

  it('carries package.json’s version as n.n.n.0', () => {
    expect(manifest).toContain(`<Version>${manifestVersion(version)}</Version>`);
  });

  it.each([
    ['a broken tag', manifest.replace('</DisplayName>', '</Display>'), /^XML nicht wohlgeformt/],
    [
      'a plain http URL',
      manifest.replace('https://localhost:3000/taskpane.html"/>', 'http://localhost:3000/taskpane.html"/>'),
      /URL ohne https: http:\/\/localhost:3000\/taskpane.html/,
    ],
    [
      'an undefined resid',
      manifest.replace('<Label resid="Group.Label"/>', '<Label resid="Gruppe.Titel"/>'),
      /resid "Gruppe.Titel" ist nicht definiert/,
    ],
    [
      'a version with three parts',
      manifest.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0</Version>'),
      /<Version> muss n.n.n.n sein/,
    ],
    [
      'an id that is no GUID',
      manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>kampagnen</Id>'),
      /<Id> ist keine GUID/,
    ],
    [
      'the 16 px icon used at 32 px',
      manifest.replace('assets/icon-32.png', 'assets/icon-16.png'),
      /icon-16.png ist 16×16 px, gebraucht 32×32/,
    ],
    [
      'a missing icon',
      manifest.replace('assets/icon-80.png', 'assets/icon-81.png'),
      /Symbol assets\/icon-81.png fehlt/,
    ],
    ['read-only permissions', manifest.replace('ReadWriteDocument', 'ReadDocument'), /ReadWriteDocument/],
    [
      'a text without English',
      manifest.replace('<bt:Override Locale="en-US" Value="Campaigns"/>', ''),
      /keine englische Fassung/,
    ],
    [
      'no ExcelApi requirement',
      manifest.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', ''),
      /Anforderungssatz ExcelApi fehlt/,
    ],
    [
      'a lower ExcelApi than the adapter needs',
      manifest.replace('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'),
      /ExcelApi 1.1 im Manifest, das Add-in braucht 1.7/,
    ],
    [
      'a new id (an update would become a second add-in)',
      manifest.replace(/<Id>[^<]+<\/Id>/, '<Id>00000000-2025-4c81-8380-a9bd17fc1add</Id>'),
      /<Id> muss 826fa2b6-2025-4c81-8380-a9bd17fc1add bleiben/,
    ],
    [
      'a version other than package.json’s',
      manifest.replace(/<Version>[^<]+<\/Version>/, '<Version>0.9.0.0</Version>'),
      /<Version> 0.9.0.0 passt nicht zu package.json/,
    ],
    [
      'the support URL on the task pane instead of the help page',
      manifest.replace(
        '<SupportUrl DefaultValue="https://localhost:3000/support.html"/>',
        '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      ),
      /<SupportUrl> muss https:\/\/localhost:3000\/support.html sein/,
    ],
    [
      'a URL of another address',
      manifest.replace('https://localhost:3000/assets/icon-16.png', 'https://cdn.example.com/icon-16.png'),
      /URL nicht unter https:\/\/localhost:3000\/: https:\/\/cdn.example.com\/icon-16.png/,
    ],
    [
      'elements out of the schema’s order',
      manifest.replace(/(\s*<SupportUrl [^>]*>)([\s\S]*?<\/Hosts>)/, '$2$1'),
      /<Hosts> muss nach <SupportUrl> stehen/,
    ],
  ])('reports %s', async (_, broken, expected) => {
    const problems = await checkManifest(broken, context);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it.each(ICON_SIZES)('ships assets/icon-%i.png exactly as scripts/make-icons.ts draws it', (size) => {
    const committed = readAsset(`assets/icon-${size}.png`);
    expect(committed && pngSize(committed)).toEqual({ width: size, height: size });
    expect(committed && pixels(committed).equals(pixels(iconPng(size)))).toBe(true);
  });
});
