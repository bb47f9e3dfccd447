import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { checkManifest, pngSize } from '../../scripts/manifestChecks';
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

describe('manifest.xml', () => {
  it('passes the offline checks: well-formed, complete, https only, every resid defined, icons in size', async () => {
    await expect(checkManifest(manifest, readAsset)).resolves.toEqual([]);
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
  ])('reports %s', async (_, broken, expected) => {
    const problems = await checkManifest(broken, readAsset);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it.each(ICON_SIZES)('ships assets/icon-%i.png exactly as scripts/make-icons.ts draws it', (size) => {
    const committed = readAsset(`assets/icon-${size}.png`);
    expect(committed && pngSize(committed)).toEqual({ width: size, height: size });
    expect(committed && pixels(committed).equals(pixels(iconPng(size)))).toBe(true);
  });
});
