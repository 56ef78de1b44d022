// Unit tests only: no PostgreSQL needed (integration tests live in test/).
module.exports = require('../../jest.config.base.js')(__dirname, { globalSetup: undefined, globalTeardown: undefined });
