/* eslint-disable no-console -- a command-line script: printing is its job */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BUILD_DIR, ROOT, ensureBuild } from './browserHarness';

/** `npm run preview [-- --port 3001]`: the packaged build in a plain browser, on the sample workbook. */
const portArgument = process.argv.indexOf('--port');
const port = portArgument > 0 ? process.argv[portArgument + 1] : '3001';
void ensureBuild(process.argv.includes('--rebuild')).then(() => {
  console.log(
    'Parameter: ?lang=en (English), ?contacts=100000 (large synthetic workbook), ?excelApi=1.1 (too old an Excel)',
  );
  spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'staticServer.ts'), BUILD_DIR, port], {
    cwd: ROOT,
    stdio: 'inherit',
  });
});
