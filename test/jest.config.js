module.exports = require('../jest.config.base.js')(__dirname, {
  // End-to-end files each start a whole stack; run them one after the other on 2 cores.
  maxWorkers: 1,
  testTimeout: 60_000,
});
