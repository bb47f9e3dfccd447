/* eslint-disable no-console -- a command-line script: printing is its job */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
/** Its own output folder, so that a concurrent `npm run build` into dist/ cannot pull the files away mid-test. */
export const BUILD_DIR = join(ROOT, 'build', 'pane-e2e');
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

const newestChange = (path: string): number => {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
};

/** Builds the production bundle unless the existing one is newer than every source file. */
export function ensureBuild(force = false): void {
  const html = join(BUILD_DIR, 'taskpane.html');
  const sources = ['src', 'webpack.config.js', 'package.json'].map((p) => join(ROOT, p)).filter(existsSync);
  if (!force && existsSync(html) && statSync(html).mtimeMs > Math.max(...sources.map(newestChange))) return;
  console.log('Building the task pane (production) …');
  const build = spawnSync('npx', ['webpack', '--mode', 'production', '--output-path', BUILD_DIR], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (!existsSync(html)) throw new Error(`The build did not produce ${html} (exit ${build.status})`);
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
