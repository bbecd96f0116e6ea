/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  // Each test file starts real servers; two cores → two files at a time at most.
  maxWorkers: 2,
};
