// Unit tests only: no PostgreSQL needed (integration tests live in test/).
// Spreadsheets are zipped and unzipped for real: give a loaded machine time.
module.exports = require('../jest.config.base.js')(__dirname, {
  globalSetup: undefined,
  globalTeardown: undefined,
  testTimeout: 30_000,
});
