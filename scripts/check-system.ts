/**
 * The first step of `npm test`: the system parts the tests drive as real clients — Chromium for the task pane,
 * LibreOffice Calc for the .xlsx and CSV read-back, LibreOffice Writer and Base with Python's uno module for the mail
 * merge. What is missing is installed when this process may (root with apt-get, as CI), otherwise the run stops at once
 * with the one command to run, instead of failing late and cryptically halfway through the suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPart {
  /** The Debian package that brings it. */
  package: string;
  /** What the tests use it for, for the message. */
  purpose: string;
  /** A check that needs no package manager; the package status decides where dpkg is there. */
  present: () => boolean;
}

const runs = (command: string, args: string[]): boolean => {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  return result.error === undefined && result.status === 0;
};

export const SYSTEM_PARTS: SystemPart[] = [
  {
    package: 'chromium',
    purpose: 'Aufgabenbereich im Browser',
    present: () => existsSync('/usr/bin/chromium'),
  },
  {
    package: 'libreoffice-calc',
    purpose: '.xlsx und CSV in LibreOffice Calc',
    present: () => existsSync('/usr/lib/libreoffice/program/libsclo.so') && runs('soffice', ['--version']),
  },
  {
    package: 'libreoffice-writer',
    purpose: 'Serienbrief in LibreOffice Writer',
    present: () => existsSync('/usr/lib/libreoffice/program/libswlo.so'),
  },
  {
    package: 'libreoffice-base',
    purpose: 'CSV als Datenquelle des Serienbriefs',
    present: () => existsSync('/usr/lib/libreoffice/program/libdbulo.so'),
  },
  {
    package: 'python3-uno',
    purpose: 'LibreOffice aus Python steuern',
    present: () => runs('/usr/bin/python3', ['-c', 'import uno']),
  },
];

export type SystemPlan =
  | { action: 'ready' }
  | { action: 'install'; packages: string[] }
  | { action: 'stop'; packages: string[]; command: string };

export const installCommand = (packages: string[], asRoot: boolean): string =>
  `${asRoot ? '' : 'sudo '}apt-get install -y --no-install-recommends ${packages.join(' ')}`;

/** What to do about the missing packages: nothing, install them, or stop with the command for the user. */
export const planSystem = (missing: string[], mayInstall: boolean, asRoot: boolean): SystemPlan => {
  if (missing.length === 0) return { action: 'ready' };
  if (mayInstall) return { action: 'install', packages: missing };
  return { action: 'stop', packages: missing, command: installCommand(missing, asRoot) };
};

const installedByDpkg = (name: string): boolean | null => {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  if (result.error) return null;
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
};

/** Missing: not installed as a package (where dpkg can tell), or installed but not working. */
const missingPackages = (): string[] =>
  SYSTEM_PARTS.filter((part) => installedByDpkg(part.package) === false || !part.present()).map(
    (part) => part.package,
  );

const isRoot = (): boolean => process.getuid?.() === 0;

/** Root with apt-get may install, unless KAMPAGNE_NO_INSTALL=1 asks only for a report. */
const mayInstall = (): boolean =>
  isRoot() && process.env.KAMPAGNE_NO_INSTALL !== '1' && runs('apt-get', ['--version']);

const aptGet = (args: string[]): boolean =>
  spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  }).status === 0;

const install = (packages: string[]): boolean => {
  console.log(`Installiere fehlende Systempakete für die Tests: ${packages.join(' ')}`);
  const args = ['install', '-y', '--no-install-recommends', ...packages];
  return aptGet(args) || (aptGet(['update']) && aptGet(args));
};

const main = (): void => {
  const plan = planSystem(missingPackages(), mayInstall(), isRoot());
  if (plan.action === 'ready') return;
  if (plan.action === 'install' && install(plan.packages) && missingPackages().length === 0) return;
  const packages = plan.action === 'install' ? missingPackages() : plan.packages;
  const purposes = SYSTEM_PARTS.filter((part) => packages.includes(part.package))
    .map((part) => `  ${part.package}: ${part.purpose}`)
    .join('\n');
  console.error(
    `Für die Tests fehlen Systempakete:\n${purposes}\nBitte einmal ausführen:\n  ${installCommand(packages, isRoot())}`,
  );
  process.exitCode = 1;
};

if (require.main === module) main();
