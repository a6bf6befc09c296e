/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: {
    // The swagger plugin documents DTOs and controllers from their types, as in the build.
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.jest.json',
        // Node16 modules outside isolatedModules work here; ts-jest only warns that it cannot promise it.
        diagnostics: { ignoreCodes: [151002] },
        astTransformers: { before: ['<rootDir>/test/support/swagger-plugin-transformer.js'] },
      },
    ],
    // content-disposition (used by @fastify/static) and json-schema-ref-parser (used by swagger-parser)
    // ship ESM only; jest on Node 20 needs them as CommonJS.
    'node_modules/(content-disposition|@apidevtools/json-schema-ref-parser)/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/|@apidevtools/json-schema-ref-parser/)'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Each test file gets its own database, so files may run side by side.
  maxWorkers: 2,
  testTimeout: 30_000,
};
