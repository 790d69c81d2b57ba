import { Logger } from '@nestjs/common';

// Unit specs build one class at a time, outside a Nest app: what it logs (mostly the warnings of
// failures a spec provokes on purpose) would only bury the test report. Specs that care about a
// log line spy on the logger, which this does not change.
Logger.overrideLogger(false);
