#!/usr/bin/env node
'use strict';
// Runs the compiled command line (build/cli, made by `npm run build:cli`, which `npm ci` runs via "prepare").
const path = require('node:path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'build', 'cli', 'cli', 'main.js'));
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('main.js')) {
    process.stderr.write('kampagne ist nicht gebaut – bitte „npm run build:cli“ ausführen. / Not built – please run "npm run build:cli".\n');
    process.exit(1);
  }
  throw error;
}
cli.runFromCommandLine();
