const { version } = require('./package.json');
// webpack's DefinePlugin puts package.json's version into the bundle; the tests get the same global.
const globals = { __APP_VERSION__: version };
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      module: 'CommonJS',
      moduleResolution: 'Node',
      isolatedModules: true,
      jsx: 'react-jsx',
      esModuleInterop: true,
    },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  // React component tests under a loaded 2-core CI machine take tens of seconds; timings are measured in benchmarks.
  testTimeout: 120000,
  // Jest's default on 2 cores is one worker; the suites wait on child processes (CLI, LibreOffice) much of the time.
  maxWorkers: 2,
  // Workers leave no handle open: each one's event loop ends within milliseconds of jest asking it to (checked with a
  // --require hook in every worker, trivial test files included). On a CPU-starved machine (load 20 on 2 cores) the
  // exited worker was still not reaped 0.6–4 s later, and jest's 500 ms default then reports "A worker process has
  // failed to exit gracefully". A handle that stays open (a socket, a Worker, an interval) outlasts this too.
  workerGracefulExitTimeout: 5000,
  coverageProvider: 'v8',
  // Coverage is measured for src/core by the node project (npm test runs it with --coverage); under V8 coverage the
  // React tests run six times slower for nothing, so npm test runs them without.
  collectCoverageFrom: ['src/core/**/*.ts'],
  coverageThreshold: { 'src/core/': { lines: 90 } },
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      globals,
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/test/e2e/'],
      moduleNameMapper: { '^office-addin-manifest$': '<rootDir>/test/stubs/officeAddinManifest.js' },
    },
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      globals,
      transform: { '^.+\\.tsx?$': tsJest },
      testMatch: ['<rootDir>/test/**/*.test.tsx'],
    },
  ],
};
