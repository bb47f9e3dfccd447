/**
 * npm's "version" hook: `npm version patch|minor|major` bumps package.json, this writes the same version into
 * manifest.xml, and npm commits both. Office only takes an update whose <Version> is higher.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, withVersion } from './release';

const manifestPath = join(ROOT, 'manifest.xml');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
writeFileSync(manifestPath, withVersion(readFileSync(manifestPath, 'utf8'), version));
console.log(`manifest.xml: <Version> ${version}.0`);
