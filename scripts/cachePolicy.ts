/**
 * How long browsers and Office may keep the add-in's files: the one rule behind the preview server
 * (test/e2e/staticServer.ts) and the header files `npm run package` ships for web hosts.
 *
 * taskpane.html names the current bundle, so a stale copy keeps users on the old version after an update: it and
 * every other file without a content hash are revalidated on each load. Files whose name carries webpack's content
 * hash never change under that name, so they may be kept for a year.
 */
export const CONTENT_HASH = /\.[0-9a-f]{20}\./;
export const REVALIDATE = 'no-cache';
export const IMMUTABLE = 'public, max-age=31536000, immutable';

export const cacheControlFor = (fileName: string): string =>
  CONTENT_HASH.test(fileName) ? IMMUTABLE : REVALIDATE;

/** The same rule for the common static hosts, as files to put next to taskpane.html. */
export type HostingFile = '.htaccess' | '_headers' | 'web.config';

const header = (version: string) =>
  `Kampagnen für Excel ${version}: Cache-Control (taskpane.html always revalidated, content-hashed files for a year)`;

/** Apache (most German web space): needs mod_headers, which the IfModule guard makes optional. */
const htaccess = (version: string): string =>
  [
    `# ${header(version)}`,
    '<IfModule mod_headers.c>',
    `  Header set Cache-Control "${REVALIDATE}"`,
    `  <FilesMatch "${CONTENT_HASH.source}">`,
    `    Header set Cache-Control "${IMMUTABLE}"`,
    '  </FilesMatch>',
    '</IfModule>',
    '',
  ].join('\n');

/** Netlify and Cloudflare Pages: one rule per file, so that no two rules match the same path and merge. */
const headersFile = (version: string, files: string[], basePath: string): string =>
  [
    `# ${header(version)}`,
    ...files.flatMap((file) => [`${basePath}${file}`, `  Cache-Control: ${cacheControlFor(file)}`]),
    '',
  ].join('\n');

/** IIS and Azure App Service: no-cache by default, a year for each content-hashed file. */
const webConfig = (version: string, files: string[]): string =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- ${header(version)} -->`,
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    '      <clientCache cacheControlMode="DisableCache" />',
    '    </staticContent>',
    '  </system.webServer>',
    ...files
      .filter((file) => cacheControlFor(file) === IMMUTABLE)
      .flatMap((file) => [
        `  <location path="${file}">`,
        '    <system.webServer>',
        '      <staticContent>',
        '        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />',
        '      </staticContent>',
        '    </system.webServer>',
        '  </location>',
      ]),
    '</configuration>',
    '',
  ].join('\n');

/**
 * `files` are the release's paths relative to its root (forward slashes); `basePath` is the URL path they are served
 * under, starting and ending with "/".
 */
export const hostingFiles = (
  version: string,
  files: string[],
  basePath: string,
): Record<HostingFile, string> => ({
  '.htaccess': htaccess(version),
  _headers: headersFile(version, files, basePath),
  'web.config': webConfig(version, files),
});
