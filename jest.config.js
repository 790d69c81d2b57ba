/** `npm test`: every unit and integration test. */
export default {
  projects: ['<rootDir>/jest.unit.config.js', '<rootDir>/jest.console.config.js', '<rootDir>/jest.integration.config.js'],
  // Integration files each start several services: one file at a time on a 2-core machine.
  maxWorkers: 1,
  // A project's own testTimeout is not applied when run through `projects`: integration tests need this.
  testTimeout: 60_000,
  // The NATS client keeps a timer for a moment after close; don't let it hold the run open.
  forceExit: true,
};
