/** `npm test`: every unit and integration test. */
export default {
  projects: ['<rootDir>/jest.unit.config.js', '<rootDir>/jest.integration.config.js'],
  // Integration files each start several services: one file at a time on a 2-core machine.
  maxWorkers: 1,
  // The NATS client keeps a timer for a moment after close; don't let it hold the run open.
  forceExit: true,
};
