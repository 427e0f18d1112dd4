// Each Jest worker has its own Neo4j (test/setup/global-setup.ts), so suites run in parallel.
const listed = (process.env.NEO4J_TEST_URIS ?? '').split(',').filter((u) => u.length > 0);
const workers =
  listed.length > 0
    ? listed.length
    : process.env.NEO4J_URI
      ? 1
      : Number(process.env.TEST_WORKERS ?? 2);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Transpile only (tsconfig.jest.json sets isolatedModules): `npm run typecheck` checks test/ as
  // it checks src/, and a type-checking ts-jest kept the compiler's program (about 650 MB) in
  // each worker's heap, where its major collections stalled the servers under test for 100 ms.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/no-console.ts'],
  maxWorkers: workers,
  // A bound for a hung test, not a speed check (speed is bench/'s). On a fresh Neo4j the findings
  // rules take 10 to 15 s to plan; whichever test asks them first in a worker waits for that,
  // and on CI's two cores beside the other worker's Neo4j a 21 s test ran past 60 s.
  testTimeout: 120_000,
  reporters: ['default', ['<rootDir>/test/setup/summary-reporter.js', {}]],
};
