/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // TS151002: ts-jest warns about node16 modules without isolatedModules; they compile correctly.
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/no-console.ts'],
  // Suites share one Neo4j (community edition has one database), so they run one at a time.
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ['default', ['<rootDir>/test/setup/summary-reporter.js', {}]],
};
