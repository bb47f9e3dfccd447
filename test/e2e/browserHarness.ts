/* eslint-disable no-console -- a command-line script: printing is its job */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildRelease } from '../../scripts/release';

export const ROOT = resolve(__dirname, '../..');
/**
 * The browser runs test what a company installs: `npm run package` for E2E_URL, in its own folder so that a
 * concurrent `npm run package` into release/ cannot pull the files away mid-test. test/release builds it once per
 * `npm test`, and the browser run reuses it while no source is newer.
 */
export const RELEASE_DIR = join(ROOT, 'build', 'pane-e2e');
export const BUILD_DIR = join(RELEASE_DIR, 'web');
export const E2E_URL = 'https://kampagnen.beispiel-firma.de/addin/';
export const RESULTS_DIR = join(ROOT, 'test-results');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SOURCES = ['src', 'assets', 'scripts', 'manifest.xml', 'webpack.config.js', 'package.json'];

const newestChange = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
};

/** Packages the add-in unless the existing release is complete and newer than every source file. */
export async function ensureBuild(force = false): Promise<void> {
  const complete = join(RELEASE_DIR, 'manifest.xml');
  const sources = SOURCES.map((p) => join(ROOT, p)).filter(existsSync);
  if (!force && existsSync(complete) && statSync(complete).mtimeMs > Math.max(...sources.map(newestChange)))
    return;
  console.log(`Packaging the add-in for ${E2E_URL} (production) …`);
  await buildRelease(E2E_URL, RELEASE_DIR);
}

export interface PreviewServer {
  url: string;
  stop(): void;
}

/** Serves the build in its own process group, so that stopping it also stops every child holding the port. */
export function startServer(dir = BUILD_DIR): Promise<PreviewServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'staticServer.ts'), dir, '0'],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', stop);
  return new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('The preview server did not start within 30 s'));
    }, 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /http:\/\/\S+/.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolveUrl({ url: match[0], stop });
      }
    });
    child.once('exit', (code) => reject(new Error(`The preview server exited with ${code}`)));
  });
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });

/** office.js comes from Microsoft's CDN, unreachable here: refuse it at once so the pane starts in preview mode. */
export const OFFICE_CDN = /appsforoffice\.microsoft\.com/;

/**
 * Waits for the home screen with the user's sheets read. The campaigns show as soon as the add-in's state is read, the
 * sheets after that ("Arbeitsmappe wird gelesen …"); a test that opens a campaign or counts its rows waits for both.
 */
export async function waitForWorkbook(
  page: Page,
  t: (key: 'newCampaign' | 'loading') => string,
  timeout = 30_000,
): Promise<void> {
  await page.getByRole('button', { name: t('newCampaign') }).waitFor({ timeout });
  await page.getByText(t('loading'), { exact: true }).waitFor({ state: 'hidden', timeout });
}
