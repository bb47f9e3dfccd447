/**
 * `npm run validate`: the offline manifest checks always; Microsoft's online validation (office-addin-manifest
 * validate) only when its service answers, because it fails without network.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DEV_ORIGIN, checkManifest } from './manifestChecks';
import { version } from '../package.json';

const MANIFEST = 'manifest.xml';
const SERVICE = 'https://validationgateway.omex.office.net/';
const REACHABILITY_TIMEOUT_MS = 4_000;

const readAsset = (path: string): Buffer | null => (existsSync(path) ? readFileSync(path) : null);

function xmllint(): string[] {
  if (spawnSync('xmllint', ['--version']).error) return [];
  try {
    execFileSync('xmllint', ['--noout', MANIFEST], { stdio: 'pipe' });
    return [];
  } catch (error) {
    return [`xmllint: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`];
  }
}

async function serviceReachable(): Promise<boolean> {
  try {
    await fetch(SERVICE, { method: 'HEAD', signal: AbortSignal.timeout(REACHABILITY_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const manifest = readFileSync(MANIFEST, 'utf8');
  const problems = [
    ...xmllint(),
    ...(await checkManifest(manifest, { readAsset, origin: DEV_ORIGIN, version })),
  ];
  if (problems.length) {
    for (const problem of problems) console.error(`✖ ${problem}`);
    process.exit(1);
  }
  console.log('✔ Offline-Prüfung des Manifests bestanden');
  if (!(await serviceReachable())) {
    console.log(
      'Online-Prüfung übersprungen: Dienst nicht erreichbar (Online check skipped: service unreachable)',
    );
    return;
  }
  const online = spawnSync('npx', ['office-addin-manifest', 'validate', MANIFEST], { stdio: 'inherit' });
  process.exit(online.status ?? 1);
}

void main();
