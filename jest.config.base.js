// One Jest setup for every workspace: TypeScript through SWC (with decorator metadata, which
// type-graphql and TypeORM need), workspace packages mapped to their sources, and one PostgreSQL
// for the run (embedded, or DATABASE_URL) started by the global setup.
const path = require('node:path');

const root = __dirname;
const workspaceSources = {
  '^@giaoviec/shared$': path.join(root, 'shared/src/index.ts'),
  '^@giaoviec/organisations$': path.join(root, 'services/organisations/src/server.ts'),
  '^@giaoviec/assignments$': path.join(root, 'services/assignments/src/server.ts'),
  '^@giaoviec/inspections$': path.join(root, 'services/inspections/src/server.ts'),
  '^@giaoviec/notifications$': path.join(root, 'services/notifications/src/server.ts'),
  '^@giaoviec/gateway$': path.join(root, 'gateway/src/server.ts'),
  '^@giaoviec/cli$': path.join(root, 'cli/src/index.ts'),
};

/**
 * @param {string} packageDir
 * @param {import('jest').Config} [overrides]
 * @returns {import('jest').Config}
 */
module.exports = (packageDir, overrides = {}) => ({
  rootDir: packageDir,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  moduleNameMapper: workspaceSources,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  globalSetup: path.join(root, 'test/postgres/global-setup.mjs'),
  globalTeardown: path.join(root, 'test/postgres/global-teardown.mjs'),
  ...overrides,
});
